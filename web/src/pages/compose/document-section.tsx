import { InboxOutlined } from '@ant-design/icons';
import { Alert, Card, Flex, Form, Spin, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';

import type { AnalyzedDocument } from '../../api/dispatch-types';
import { useCurrentUser } from '../../auth/use-current-user';
import { useFileSizeCheck } from './use-file-size-check';

export interface DocumentAnalysis {
  pending: boolean;
  data: AnalyzedDocument | undefined;
  error: Error | null;
  /** How many filled fields were read with low confidence and are marked for checking. */
  uncertainFields: number;
}

// The main document must be a file a register can hold, while attachments may be other types.
const mainDocumentExtensions = '.pdf,.docx,.doc';

function AnalysisNotes({ analysis }: { analysis: DocumentAnalysis }) {
  const { t } = useTranslation();
  const user = useCurrentUser();

  if (analysis.pending) {
    return (
      <Flex gap="small" align="center" data-testid="compose-analyzing">
        <Spin size="small" />
        <Typography.Text type="secondary">{t('compose.analyzing')}</Typography.Text>
      </Flex>
    );
  }

  if (analysis.error) {
    return <Alert type="warning" showIcon title={t('compose.analyzeFailed', { message: analysis.error.message })} data-testid="compose-analysis" />;
  }

  const analyzed = analysis.data;
  if (!analyzed) {
    return null;
  }

  const { issuer, issuerCode } = analyzed.metadata;
  const readSomething = analyzed.metadata.type !== 'unknown' || analyzed.metadata.number !== null;
  let summary = t('compose.analyzedNothing');
  if (readSomething) {
    summary = analysis.uncertainFields > 0 ? t('compose.analyzedUncertain', { count: analysis.uncertainFields }) : t('compose.analyzed');
  }

  return (
    <Flex vertical gap="small" data-testid="compose-analysis" data-detected-type={analyzed.detectedType}>
      <Alert type={readSomething ? 'success' : 'warning'} showIcon title={summary} />
      {analyzed.flags.map((flag) => (
        <Alert key={flag.code} type="warning" showIcon title={flag.message} data-testid="compose-analysis-flag" data-flag={flag.code} />
      ))}
      {issuer && issuerCode && issuerCode !== user.organization.code && (
        <Alert type="info" showIcon title={t('compose.issuerDiffers', { issuer, sender: user.organization.name })} />
      )}
    </Flex>
  );
}

interface DocumentSectionProps {
  analysis: DocumentAnalysis;
  /** Reason the analysed file cannot be the main document, or null when it can. */
  problem: string | null;
}

/** Shows Văn bản chính, the signed file that the server reads to fill in the form. */
export function DocumentSection({ analysis, problem }: DocumentSectionProps) {
  const { t } = useTranslation();
  const beforeUpload = useFileSizeCheck();

  return (
    <Card size="small" title={t('compose.document')}>
      <Flex vertical gap="small">
        <Form.Item
          name="document"
          valuePropName="fileList"
          getValueFromEvent={(event: { fileList: unknown }) => event.fileList}
          rules={[
            { required: true, type: 'array', min: 1, message: t('compose.documentRequired') },
            { validator: () => (problem ? Promise.reject(new Error(problem)) : Promise.resolve()) },
          ]}
          extra={t('compose.documentHint')}
          className="compose-document"
        >
          <Upload.Dragger accept={mainDocumentExtensions} maxCount={1} beforeUpload={beforeUpload} data-testid="compose-document-upload">
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('compose.documentUpload')}</p>
          </Upload.Dragger>
        </Form.Item>
        <AnalysisNotes analysis={analysis} />
      </Flex>
    </Card>
  );
}
