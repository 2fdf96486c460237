import { Empty, Table } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

import type { DocumentPage, DocumentItem } from '../../api/types';
import { clickableRowProps } from '../../components/clickable-row';
import { pageSizes } from '../list-search-params';
import { inboxColumns } from './inbox-columns';

interface InboxTableProps {
  data: DocumentPage | undefined;
  loading: boolean;
  filtered: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}

function rowClassName(document: DocumentItem): string {
  return document.status === 'delivered' ? 'inbox-row inbox-row-unread' : 'inbox-row';
}

export function InboxTable({ data, loading, filtered, onPageChange }: InboxTableProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();

  function openDocument(document: DocumentItem): void {
    void navigate(`/documents/${encodeURIComponent(document.id)}`);
  }

  // The whole row opens the document; the subject link inside handles its own click.
  function rowProps(document: DocumentItem): HTMLAttributes<HTMLElement> {
    return clickableRowProps(() => openDocument(document), { 'data-testid': 'inbox-row', 'data-document-id': document.id });
  }

  return (
    <Table<DocumentItem>
      rowKey="id"
      size="small"
      columns={inboxColumns(t)}
      dataSource={data?.items ?? []}
      loading={loading}
      rowClassName={rowClassName}
      onRow={rowProps}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('inbox.noMatch') : t('inbox.empty')} /> }}
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? 20,
        total: data?.total ?? 0,
        pageSizeOptions: pageSizes.map(String),
        showSizeChanger: true,
        showTotal: (total) => t('common.total', { count: total }),
        onChange: onPageChange,
      }}
      data-testid="inbox-table"
    />
  );
}
