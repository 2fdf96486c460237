import { Button, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface ReasonModalTexts {
  title: string;
  intro: string;
  label: string;
  required: string;
  placeholder: string;
  confirm: string;
}

interface ReasonModalProps {
  open: boolean;
  pending: boolean;
  texts: ReasonModalTexts;
  /** Maximum length of the reason that the server accepts, in characters. */
  maxLength: number;
  /** Prefix of the test ids of the text box (`-reason`) and the button (`-confirm`). */
  testId: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** Asks for the required reason of a decision that is sent to the other side, such as a rejection or a recall. */
export function ReasonModal({ open, pending, texts, maxLength, testId, onConfirm, onCancel }: ReasonModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();

  return (
    <Modal
      open={open}
      title={texts.title}
      onCancel={onCancel}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onCancel}>
          {t('common.cancel')}
        </Button>,
        <Button key="confirm" type="primary" danger loading={pending} onClick={() => form.submit()} data-testid={`${testId}-confirm`}>
          {texts.confirm}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{texts.intro}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => onConfirm(values.reason.trim())}>
        <Form.Item name="reason" label={texts.label} rules={[{ required: true, whitespace: true, message: texts.required }]}>
          <Input.TextArea rows={4} autoFocus maxLength={maxLength} showCount placeholder={texts.placeholder} data-testid={`${testId}-reason`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
