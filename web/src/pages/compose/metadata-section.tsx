import { Card, Col, DatePicker, Form, Input, Row, Select, Typography, type FormItemProps } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { confidentialities, urgencies } from '../../api/types';
import { ConfidenceMark, isLowConfidence } from '../../components/confidence-mark';
import { matchesFoldedLabel } from '../../format/fold-text';
import { useDocumentTypes } from '../../hooks/use-document-types';
import { useSendingRules } from '../../hooks/use-sending-rules';
import type { ComposeValues } from './compose-values';
import type { RecognitionMarks, RecognizableField } from './recognition';

// Maximum lengths the server accepts, in characters.
const maxLengths = { number: 20, notation: 60, place: 100, subject: 1000, signer: 200, signerPosition: 200 };

const dateFormat = 'DD/MM/YYYY';

interface RecognizedItemProps {
  name: RecognizableField;
  label: string;
  marks: RecognitionMarks;
  children: ReactNode;
  rules?: FormItemProps['rules'];
  extra?: ReactNode;
}

/**
 * Renders a form field that recognition may have filled. Its label carries the confidence mark, and a value
 * read with low confidence is outlined in orange with a note until the clerk edits it.
 */
function RecognizedItem({ name, label, marks, children, rules, extra }: RecognizedItemProps) {
  const { t } = useTranslation();
  const mark = marks[name];
  const uncertain = mark !== undefined && isLowConfidence(mark);

  const note = uncertain ? (
    <Typography.Text type="warning" data-testid="compose-low-confidence" data-field={name}>
      {t('compose.lowConfidence', { percent: Math.round(mark.confidence * 100) })}
    </Typography.Text>
  ) : null;

  return (
    <Form.Item
      name={name}
      label={
        <span className="compose-label">
          {label}
          {mark && <ConfidenceMark field={mark} name={name} />}
        </span>
      }
      rules={rules}
      extra={note || extra ? <>{note}{extra}</> : undefined}
      className={uncertain ? 'compose-uncertain' : undefined}
    >
      {children}
    </Form.Item>
  );
}

/** Shows Thông tin văn bản, the metadata that goes into the outgoing register and travels with the document. */
export function MetadataSection({ marks }: { marks: RecognitionMarks }) {
  const { t } = useTranslation();
  const types = useDocumentTypes();
  const rules = useSendingRules().data;
  const type = Form.useWatch<ComposeValues['type']>('type');

  const typeOptions = types.options.map((option) => {
    const notByEmail = rules?.typesNotByEmail.includes(option.value) ?? false;

    return notByEmail ? { ...option, label: t('compose.typeNotByEmail', { name: option.label }), disabled: true } : option;
  });
  const paperCopy = type !== undefined && (rules?.paperCopyTypes.includes(type) ?? false);
  const item = (name: RecognizableField) => ({ name, label: t(`compose.fields.${name}`), marks });

  return (
    <Card size="small" title={t('compose.metadata')}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <RecognizedItem
            {...item('type')}
            rules={[{ required: true, message: t('compose.typeRequired') }]}
            extra={paperCopy ? <Typography.Text type="secondary">{t('compose.paperCopy')}</Typography.Text> : undefined}
          >
            <Select
              placeholder={t('compose.typePlaceholder')}
              showSearch={{ filterOption: matchesFoldedLabel }}
              loading={types.isLoading}
              options={typeOptions}
              data-testid="compose-type"
            />
          </RecognizedItem>
        </Col>
        <Col xs={12} md={6}>
          <RecognizedItem {...item('urgency')}>
            <Select options={urgencies.map((urgency) => ({ value: urgency, label: t(`urgency.${urgency}`) }))} data-testid="compose-urgency" />
          </RecognizedItem>
        </Col>
        <Col xs={12} md={6}>
          <RecognizedItem
            {...item('confidentiality')}
            rules={[{ validator: (_, value) => (value === 'none' ? Promise.resolve() : Promise.reject(new Error(t('compose.classified')))) }]}
          >
            <Select
              options={confidentialities.map((level) => ({ value: level, label: t(`confidentiality.${level}`) }))}
              data-testid="compose-confidentiality"
            />
          </RecognizedItem>
        </Col>
        <Col xs={12} md={5}>
          <RecognizedItem {...item('number')}>
            <Input maxLength={maxLengths.number} placeholder={t('compose.numberPlaceholder')} data-testid="compose-number" />
          </RecognizedItem>
        </Col>
        <Col xs={12} md={7}>
          <RecognizedItem {...item('notation')}>
            <Input maxLength={maxLengths.notation} data-testid="compose-notation" />
          </RecognizedItem>
        </Col>
        <Col xs={12} md={6}>
          <RecognizedItem {...item('issuedOn')}>
            <DatePicker format={dateFormat} placeholder={t('compose.datePlaceholder')} style={{ width: '100%' }} data-testid="compose-issued-on" />
          </RecognizedItem>
        </Col>
        <Col xs={12} md={6}>
          <RecognizedItem {...item('place')}>
            <Input maxLength={maxLengths.place} data-testid="compose-place" />
          </RecognizedItem>
        </Col>
        <Col span={24}>
          <RecognizedItem {...item('subject')} rules={[{ required: true, whitespace: true, message: t('compose.subjectRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={maxLengths.subject} data-testid="compose-subject" />
          </RecognizedItem>
        </Col>
        <Col xs={24} md={9}>
          <RecognizedItem {...item('signer')}>
            <Input maxLength={maxLengths.signer} data-testid="compose-signer" />
          </RecognizedItem>
        </Col>
        <Col xs={24} md={9}>
          <RecognizedItem {...item('signerPosition')}>
            <Input maxLength={maxLengths.signerPosition} data-testid="compose-signer-position" />
          </RecognizedItem>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="dueOn" label={t('compose.fields.dueOn')}>
            <DatePicker
              format={dateFormat}
              placeholder={t('compose.datePlaceholder')}
              style={{ width: '100%' }}
              disabledDate={(day) => day.isBefore(dayjs(), 'day')}
              data-testid="compose-due-on"
            />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
