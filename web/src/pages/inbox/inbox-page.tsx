import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';

import { fetchIncomingDocuments, type DocumentFilters } from '../../api/documents';
import { queryKeys } from '../../api/query-keys';
import { PageError } from '../../components/page-error';
import { useLanguage } from '../../i18n/use-language';
import { usePageTitle } from '../../layout/use-page-title';
import { nextPage } from '../list-search-params';
import { InboxFilters } from './inbox-filters';
import { filtersFromSearchParams, filtersToSearchParams, hasActiveFilter } from './inbox-search-params';
import { InboxTable } from './inbox-table';

export function InboxPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearchParams(searchParams);
  const language = useLanguage();
  usePageTitle(t('inbox.title'));

  const query = useQuery({
    queryKey: queryKeys.documentList(filters, language),
    queryFn: ({ signal }) => fetchIncomingDocuments(filters, signal),
    placeholderData: keepPreviousData,
  });

  function updateFilters(next: DocumentFilters): void {
    setSearchParams(filtersToSearchParams(next));
  }

  return (
    <Flex vertical gap="middle">
      <Typography.Title level={3} className="page-title">
        {t('inbox.title')}
      </Typography.Title>
      <InboxFilters
        filters={filters}
        onChange={(change) => updateFilters({ ...filters, ...change, page: 1 })}
        onReset={() => updateFilters({ ...filtersFromSearchParams(new URLSearchParams()), pageSize: filters.pageSize })}
      />
      {query.isError && <PageError error={query.error} onRetry={() => void query.refetch()} />}
      <InboxTable
        data={query.data}
        filtered={hasActiveFilter(filters)}
        // Background refetches keep the rows as they are, while a new filter or page shows the spinner.
        loading={query.isPending || query.isPlaceholderData}
        onPageChange={(page, pageSize) => updateFilters({ ...filters, ...nextPage(filters, page, pageSize) })}
      />
    </Flex>
  );
}
