import { Button, Card, Table, Tag, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

import type { DispatchDetail, DispatchFile } from '../../api/dispatch-types';
import { dispatchFileUrl } from '../../api/dispatches';
import { formatFileSize } from '../../format/file-size';
import { useLanguage } from '../../i18n/use-language';

/** Lists the main document and the attachments as sent, each with a download button. */
export function DispatchFiles({ dispatch }: { dispatch: DispatchDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();

  const columns: TableColumnsType<DispatchFile> = [
    { key: 'filename', title: t('attachments.filename'), render: (_, file) => file.filename },
    {
      key: 'role',
      width: 130,
      render: (_, file) =>
        file.role === 'document' ? <Tag color="blue">{t('dispatch.fileMain')}</Tag> : <Tag>{t('dispatch.fileAttachment')}</Tag>,
    },
    {
      key: 'size',
      title: t('attachments.size'),
      width: 100,
      align: 'right',
      render: (_, file) => formatFileSize(file.size, language),
    },
    {
      key: 'download',
      width: 100,
      render: (_, file) => (
        <Button size="small" href={dispatchFileUrl(dispatch.id, file.position)} download={file.filename} data-testid="dispatch-file-download">
          {t('attachments.download')}
        </Button>
      ),
    },
  ];

  return (
    <Card title={t('dispatch.files')} size="small">
      <Table<DispatchFile>
        rowKey="position"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={dispatch.files}
        onRow={(file) => ({ 'data-testid': 'dispatch-file', 'data-position': file.position }) as HTMLAttributes<HTMLElement>}
      />
    </Card>
  );
}
