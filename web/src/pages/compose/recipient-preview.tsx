import { Alert, Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { RecipientPreview as Preview } from '../../api/dispatch-types';

interface RecipientPreviewProps {
  preview: Preview | undefined;
  loading: boolean;
  error: Error | null;
}

/** Counts recipients in this installation and outside it. */
export function countByKind(preview: Preview): { local: number; remote: number } {
  const local = preview.recipients.filter((recipient) => recipient.kind === 'local').length;

  return { local, remote: preview.recipients.length - local };
}

function PreviewList({ preview }: { preview: Preview }) {
  const { t } = useTranslation();

  return (
    <ul className="recipient-preview-list">
      {preview.recipients.map((recipient) => (
        <li
          key={`${recipient.kind}:${recipient.organizationCode ?? recipient.address}`}
          className="recipient-preview-item"
          data-testid="recipient-preview-item"
          data-kind={recipient.kind}
          data-organization-code={recipient.organizationCode ?? ''}
        >
          <Flex vertical>
            <Typography.Text>{recipient.name}</Typography.Text>
            {recipient.address !== recipient.name && (
              <Typography.Text type="secondary" className="recipient-address">
                {recipient.address}
              </Typography.Text>
            )}
          </Flex>
          <Flex gap={4} wrap justify="end" align="start">
            {recipient.via && <Tag>{t('preview.viaGroup', { code: recipient.viaName ?? recipient.via })}</Tag>}
            {recipient.kind === 'remote' && <Tag color="orange">{t('preview.kindRemote')}</Tag>}
          </Flex>
        </li>
      ))}
    </ul>
  );
}

/** Lists the recipients that the entered codes and addresses resolve to, one line each, before anything is sent. */
export function RecipientPreview({ preview, loading, error }: RecipientPreviewProps) {
  const { t } = useTranslation();

  let body;
  if (error) {
    body = <Alert type="error" showIcon title={error.message} data-testid="recipient-preview-error" />;
  } else if (!preview) {
    body = loading ? <Spin /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('preview.empty')} />;
  } else {
    const counts = countByKind(preview);
    body = (
      <Spin spinning={loading}>
        <Flex vertical gap="small">
          <Typography.Text strong className="recipient-preview-count" data-testid="recipient-preview-count" data-count={preview.recipients.length}>
            {t('preview.count', { count: preview.recipients.length })}
          </Typography.Text>
          <Flex gap="small" wrap>
            <Tag color="blue" data-testid="recipient-preview-local">
              {t('preview.local', { count: counts.local })}
            </Tag>
            <Tag color="orange" data-testid="recipient-preview-remote">
              {t('preview.remote', { count: counts.remote })}
            </Tag>
          </Flex>
          {preview.skippedSender && <Alert type="info" showIcon title={t('preview.skippedSender')} />}
          <PreviewList preview={preview} />
        </Flex>
      </Spin>
    );
  }

  return (
    <Card size="small" title={t('preview.title')} className="recipient-preview" data-testid="recipient-preview">
      {body}
    </Card>
  );
}
