import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Card, Form, Upload } from 'antd';
import { useTranslation } from 'react-i18next';

import { formatFileSize } from '../../format/file-size';
import { useSendingRules } from '../../hooks/use-sending-rules';
import { useLanguage } from '../../i18n/use-language';
import { useFileSizeCheck } from './use-file-size-check';

/** Shows Tệp đính kèm, the annexes and enclosures sent with the main document. */
export function AttachmentSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const rules = useSendingRules().data;
  const beforeUpload = useFileSizeCheck();

  const hint = rules
    ? t('compose.attachmentsHint', { maxFile: formatFileSize(rules.maxFileBytes, language), maxTotal: formatFileSize(rules.maxTotalBytes, language) })
    : undefined;

  return (
    <Card size="small" title={t('compose.attachments')}>
      <Form.Item
        name="attachments"
        valuePropName="fileList"
        getValueFromEvent={(event: { fileList: unknown }) => event.fileList}
        extra={hint}
        className="compose-attachments"
      >
        <Upload multiple beforeUpload={beforeUpload} data-testid="compose-attachments-upload">
          <Button icon={<PaperClipOutlined />}>{t('compose.attachmentsUpload')}</Button>
        </Upload>
      </Form.Item>
    </Card>
  );
}
