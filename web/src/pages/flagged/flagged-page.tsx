import { useQuery } from '@tanstack/react-query';
import { Empty, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { fetchFlaggedMessages } from '../../api/flagged';
import { queryKeys } from '../../api/query-keys';
import type { FlaggedMessage } from '../../api/types';
import { canReadContent } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/use-current-user';
import { FlagTags } from '../../components/flag-tags';
import { PageError } from '../../components/page-error';
import { TextOrDash } from '../../components/text-or-dash';
import { formatDateTime } from '../../format/date-time';
import { useLanguage } from '../../i18n/use-language';
import { usePageTitle } from '../../layout/use-page-title';

function flaggedColumns(t: TFunction, linkDocuments: boolean): TableColumnsType<FlaggedMessage> {
  return [
    {
      key: 'receivedAt',
      title: t('flagged.columns.receivedAt'),
      width: 140,
      render: (_, item) => formatDateTime(item.receivedAt),
    },
    { key: 'from', title: t('flagged.columns.from'), width: 240, render: (_, item) => <TextOrDash value={item.from} /> },
    { key: 'subject', title: t('flagged.columns.subject'), render: (_, item) => <TextOrDash value={item.subject} /> },
    {
      key: 'problems',
      title: t('flagged.columns.problems'),
      width: 320,
      render: (_, item) => (
        <Flex vertical gap={4} align="start">
          {item.quarantined && <Tag color="red">{t('flagged.quarantined')}</Tag>}
          <FlagTags flags={item.flags} />
        </Flex>
      ),
    },
    {
      key: 'document',
      title: t('flagged.columns.document'),
      width: 130,
      render: (_, item) => {
        if (!item.documentId) {
          return <Typography.Text type="secondary">{t('flagged.noDocument')}</Typography.Text>;
        }

        // Monitors see the list across organizations but may not open the documents themselves.
        if (!linkDocuments) {
          return <TextOrDash value={null} />;
        }

        return <Link to={`/documents/${encodeURIComponent(item.documentId)}`}>{t('flagged.openDocument')}</Link>;
      },
    },
  ];
}

/** Shows the messages that recognition could not handle on its own, for a clerk to look at. */
export function FlaggedPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const language = useLanguage();
  usePageTitle(t('flagged.title'));

  const query = useQuery({
    queryKey: queryKeys.localizedFlagged(language),
    queryFn: ({ signal }) => fetchFlaggedMessages(signal),
  });

  return (
    <Flex vertical gap="middle">
      <Typography.Title level={3} className="page-title">
        {t('flagged.title')}
      </Typography.Title>
      {query.isError && <PageError error={query.error} onRetry={() => void query.refetch()} />}
      <Table<FlaggedMessage>
        rowKey="id"
        size="middle"
        columns={flaggedColumns(t, canReadContent(user))}
        dataSource={query.data ?? []}
        loading={query.isLoading}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
        onRow={(item) => ({ 'data-testid': 'flagged-row', 'data-message-id': item.id }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('flagged.empty')} /> }}
        data-testid="flagged-table"
      />
    </Flex>
  );
}
