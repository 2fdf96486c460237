import { Button, Card, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

import { attachmentUrl } from '../../api/documents';
import type { Attachment, DocumentDetail } from '../../api/types';
import { FlagTags } from '../../components/flag-tags';
import { formatFileSize } from '../../format/file-size';

export function AttachmentList({ document }: { document: DocumentDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';

  const columns: TableColumnsType<Attachment> = [
    {
      key: 'filename',
      title: t('attachments.filename'),
      render: (_, attachment) => (
        <Flex vertical gap={4}>
          <Flex wrap align="center" gap={8}>
            <Typography.Text strong={attachment.isMain}>{attachment.filename}</Typography.Text>
            {attachment.isMain && <Tag color="blue">{t('attachments.main')}</Tag>}
          </Flex>
          {attachment.flags.length > 0 && <FlagTags flags={attachment.flags} />}
        </Flex>
      ),
    },
    {
      key: 'size',
      title: t('attachments.size'),
      width: 110,
      align: 'right',
      render: (_, attachment) => formatFileSize(attachment.size, language),
    },
    {
      key: 'download',
      width: 100,
      render: (_, attachment) => (
        <Button
          size="small"
          href={attachmentUrl(document.id, attachment.id, { inline: false })}
          download={attachment.filename}
          data-testid="attachment-download"
        >
          {t('attachments.download')}
        </Button>
      ),
    },
  ];

  return (
    <Card title={t('attachments.title')} size="small">
      <Table<Attachment>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={document.attachments}
        locale={{ emptyText: t('attachments.none') }}
        onRow={(attachment) => ({ 'data-testid': 'attachment', 'data-attachment-id': attachment.id }) as HTMLAttributes<HTMLElement>}
      />
    </Card>
  );
}
