import { useMutation } from '@tanstack/react-query';
import { App, Button, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../api/api-error';
import { correctMetadata } from '../../api/documents';
import { urgencies, type DocumentDetail, type MetadataPatch } from '../../api/types';
import { matchesFoldedLabel } from '../../format/fold-text';
import { useDocumentTypes } from '../../hooks/use-document-types';
import { formValuesOf, metadataPatch, type MetadataFormValues } from './metadata-form';
import { useApplyUpdatedDocument } from './use-apply-updated-document';

interface MetadataEditModalProps {
  document: DocumentDetail;
  open: boolean;
  onClose: () => void;
}

const formFields = ['type', 'number', 'notation', 'issuedOn', 'place', 'issuer', 'subject', 'signer', 'signerPosition', 'urgency'];

/** Shows the Sửa form, where a clerk corrects recognised metadata; only the changed fields are sent. */
export function MetadataEditModal({ document, open, onClose }: MetadataEditModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MetadataFormValues>();
  const types = useDocumentTypes();
  const applyUpdated = useApplyUpdatedDocument(document.id);

  const mutation = useMutation({
    mutationFn: (patch: MetadataPatch) => correctMetadata(document.id, patch),
    onSuccess: (updated) => {
      applyUpdated(updated);
      void message.success(t('editModal.saved'));
      onClose();
    },
    onError: (error) => {
      // A rejected value is shown under its own field when the server names it.
      if (error instanceof ApiError && error.field && formFields.includes(error.field)) {
        form.setFields([{ name: error.field as keyof MetadataFormValues, errors: [error.message] }]);

        return;
      }

      void message.error(error.message);
    },
  });

  function submit(values: MetadataFormValues): void {
    const patch = metadataPatch(document, values);
    if (Object.keys(patch).length === 0) {
      void message.info(t('editModal.unchanged'));
      onClose();

      return;
    }

    mutation.mutate(patch);
  }

  return (
    <Modal
      open={open}
      title={t('editModal.title')}
      width={720}
      destroyOnHidden
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="save" type="primary" loading={mutation.isPending} onClick={() => form.submit()} data-testid="edit-save">
          {t('common.save')}
        </Button>,
      ]}
    >
      <Form<MetadataFormValues> form={form} layout="vertical" initialValues={formValuesOf(document)} onFinish={submit}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="type" label={t('document.fields.type')}>
              <Select
                placeholder={t('editModal.typePlaceholder')}
                showSearch={{ filterOption: matchesFoldedLabel }}
                loading={types.isLoading}
                options={types.options}
                data-testid="edit-type"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="urgency" label={t('document.fields.urgency')}>
              <Select options={urgencies.map((urgency) => ({ value: urgency, label: t(`urgency.${urgency}`) }))} data-testid="edit-urgency" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="number" label={t('document.fields.number')}>
              <Input data-testid="edit-number" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="notation" label={t('document.fields.notation')}>
              <Input data-testid="edit-notation" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="issuedOn" label={t('document.fields.issuedOn')}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} data-testid="edit-issued-on" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="issuer" label={t('document.fields.issuer')}>
              <Input data-testid="edit-issuer" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="place" label={t('document.fields.place')}>
              <Input data-testid="edit-place" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="subject" label={t('document.fields.subject')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="edit-subject" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="signer" label={t('document.fields.signer')}>
              <Input data-testid="edit-signer" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="signerPosition" label={t('document.fields.signerPosition')}>
              <Input data-testid="edit-signer-position" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
