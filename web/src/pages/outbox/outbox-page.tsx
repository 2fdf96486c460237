import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Empty, Flex, Segmented, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';

import type { DispatchStatus, DispatchSummary } from '../../api/dispatch-types';
import { fetchDispatches, type DispatchFilters } from '../../api/dispatches';
import { queryKeys } from '../../api/query-keys';
import { canSendDocuments } from '../../auth/permissions';
import { sectionPath } from '../../auth/sections';
import { useCurrentUser } from '../../auth/use-current-user';
import { clickableRowProps } from '../../components/clickable-row';
import { PageError } from '../../components/page-error';
import { useLanguage } from '../../i18n/use-language';
import { usePageTitle } from '../../layout/use-page-title';
import { composePath } from '../compose/compose-path';
import { dispatchPath } from '../dispatch/dispatch-path';
import { nextPage, pageSizes } from '../list-search-params';
import { outboxColumns } from './outbox-columns';
import { filtersFromSearchParams, filtersToSearchParams } from './outbox-search-params';

// Recipients accept copies while the list is open, so its progress cells refresh now and then.
const refetchIntervalMs = 30_000;

type StatusTab = DispatchStatus | 'all';

const statusTabs: StatusTab[] = ['all', 'sent', 'withdrawn', 'draft'];

/**
 * Lists what the organization sent, newest first, with how many recipients accepted each document, and
 * its drafts. A clerk or leader opens a draft in the compose form, and staff, who may not send, see its page.
 */
export function OutboxPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearchParams(searchParams);
  const language = useLanguage();
  usePageTitle(t('outbox.title'));

  const query = useQuery({
    queryKey: queryKeys.dispatchList(filters, language),
    queryFn: ({ signal }) => fetchDispatches(filters, signal),
    placeholderData: keepPreviousData,
    refetchInterval: refetchIntervalMs,
  });

  function updateFilters(next: DispatchFilters): void {
    setSearchParams(filtersToSearchParams(next));
  }

  function pathOf(dispatch: DispatchSummary): string {
    return dispatch.status === 'draft' && canSendDocuments(user) ? composePath(dispatch.id) : dispatchPath(dispatch.id);
  }

  function rowProps(dispatch: DispatchSummary): HTMLAttributes<HTMLElement> {
    return clickableRowProps(() => void navigate(pathOf(dispatch)), {
      'data-testid': 'outbox-row',
      'data-dispatch-id': dispatch.id,
      'data-status': dispatch.status,
    });
  }

  function changeTab(tab: StatusTab): void {
    const status = tab === 'all' ? '' : tab;
    // No draft has copies, so the overdue filter is cleared with the drafts tab.
    updateFilters({ ...filters, status, overdue: status === 'draft' ? false : filters.overdue, page: 1 });
  }

  const drafts = filters.status === 'draft';
  let emptyText = t('outbox.empty');
  if (drafts) {
    emptyText = t('outbox.noDrafts');
  } else if (filters.overdue) {
    emptyText = t('outbox.noOverdue');
  }

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={3} className="page-title">
          {t('outbox.title')}
        </Typography.Title>
        {canSendDocuments(user) && (
          <Button type="primary" onClick={() => void navigate(sectionPath('compose'))} data-testid="outbox-compose">
            {t('outbox.compose')}
          </Button>
        )}
      </Flex>
      <Flex align="center" wrap gap="middle">
        <Segmented<StatusTab>
          value={filters.status === '' ? 'all' : filters.status}
          options={statusTabs.map((tab) => ({
            value: tab,
            label: <span data-testid={`outbox-status-${tab}`}>{t(`outbox.tabs.${tab}`)}</span>,
          }))}
          onChange={changeTab}
          data-testid="outbox-status"
        />
        {!drafts && (
          <Checkbox
            checked={filters.overdue}
            onChange={(event) => updateFilters({ ...filters, overdue: event.target.checked, page: 1 })}
            data-testid="outbox-filter-overdue"
          >
            {t('outbox.overdueOnly')}
          </Checkbox>
        )}
      </Flex>
      {query.isError && <PageError error={query.error} onRetry={() => void query.refetch()} />}
      <Table<DispatchSummary>
        rowKey="id"
        size="small"
        className="outbox-table"
        columns={outboxColumns(t, { drafts, pathOf })}
        dataSource={query.data?.items ?? []}
        // Background refetches keep the rows as they are, while a new filter or page shows the spinner.
        loading={query.isPending || query.isPlaceholderData}
        onRow={rowProps}
        rowClassName={() => 'clickable-row'}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: query.data?.total ?? 0,
          pageSizeOptions: pageSizes.map(String),
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (page, pageSize) => updateFilters({ ...filters, ...nextPage(filters, page, pageSize) }),
        }}
        data-testid="outbox-table"
      />
    </Flex>
  );
}
