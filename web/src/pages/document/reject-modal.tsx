import { Button, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface RejectModalProps {
  open: boolean;
  pending: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

const maxReasonLength = 1000;

export function RejectModal({ open, pending, onConfirm, onCancel }: RejectModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();

  return (
    <Modal
      open={open}
      title={t('rejectModal.title')}
      onCancel={onCancel}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onCancel}>
          {t('common.cancel')}
        </Button>,
        <Button key="confirm" type="primary" danger loading={pending} onClick={() => form.submit()} data-testid="reject-confirm">
          {t('rejectModal.confirm')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('rejectModal.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => onConfirm(values.reason.trim())}>
        <Form.Item
          name="reason"
          label={t('rejectModal.reason')}
          rules={[{ required: true, whitespace: true, message: t('rejectModal.reasonRequired') }]}
        >
          <Input.TextArea
            rows={4}
            autoFocus
            maxLength={maxReasonLength}
            showCount
            placeholder={t('rejectModal.reasonPlaceholder')}
            data-testid="reject-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
