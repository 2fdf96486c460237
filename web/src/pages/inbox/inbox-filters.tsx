import { Button, DatePicker, Flex, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { DocumentFilters } from '../../api/documents';
import { deliveryStatuses, urgencies } from '../../api/types';
import { matchesFoldedLabel } from '../../format/fold-text';
import { useDocumentTypes } from '../../hooks/use-document-types';
import { hasActiveFilter } from './inbox-search-params';

type FilterChange = Partial<Omit<DocumentFilters, 'page' | 'pageSize'>>;

interface InboxFiltersProps {
  filters: DocumentFilters;
  onChange: (change: FilterChange) => void;
  onReset: () => void;
}

const isoDate = 'YYYY-MM-DD';

function toDayjs(value: string): Dayjs | null {
  return value === '' ? null : dayjs(value);
}

export function InboxFilters({ filters, onChange, onReset }: InboxFiltersProps) {
  const { t } = useTranslation();
  const types = useDocumentTypes();
  const [searchText, setSearchText] = useState(filters.q);

  // Back and forward in the browser change the filters without typing.
  useEffect(() => setSearchText(filters.q), [filters.q]);

  return (
    <Flex wrap gap="small" className="inbox-filters">
      <Input.Search
        aria-label={t('inbox.search')}
        placeholder={t('inbox.searchPlaceholder')}
        allowClear
        enterButton={t('inbox.search')}
        value={searchText}
        onChange={(event) => setSearchText(event.target.value)}
        onSearch={(value) => onChange({ q: value.trim() })}
        style={{ width: 300 }}
        data-testid="inbox-search"
      />
      <Select
        aria-label={t('inbox.type')}
        placeholder={t('inbox.type')}
        allowClear
        showSearch={{ filterOption: matchesFoldedLabel }}
        loading={types.isLoading}
        options={types.options}
        value={filters.type || undefined}
        onChange={(value?: string) => onChange({ type: value ?? '' })}
        style={{ width: 180 }}
        data-testid="inbox-filter-type"
      />
      <Select
        aria-label={t('inbox.status')}
        placeholder={t('inbox.status')}
        allowClear
        options={deliveryStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        value={filters.status || undefined}
        onChange={(value?: string) => onChange({ status: value ?? '' })}
        style={{ width: 140 }}
        data-testid="inbox-filter-status"
      />
      <Select
        aria-label={t('inbox.urgency')}
        placeholder={t('inbox.urgency')}
        allowClear
        options={urgencies.map((urgency) => ({ value: urgency, label: t(`urgency.${urgency}`) }))}
        value={filters.urgency || undefined}
        onChange={(value?: string) => onChange({ urgency: value ?? '' })}
        style={{ width: 130 }}
        data-testid="inbox-filter-urgency"
      />
      <DatePicker.RangePicker
        aria-label={t('inbox.receivedRange')}
        format="DD/MM/YYYY"
        placeholder={[t('inbox.receivedFrom'), t('inbox.receivedTo')]}
        allowEmpty={[true, true]}
        value={[toDayjs(filters.from), toDayjs(filters.to)]}
        onChange={(range) =>
          onChange({
            from: range?.[0]?.format(isoDate) ?? '',
            to: range?.[1]?.format(isoDate) ?? '',
          })
        }
        data-testid="inbox-filter-received"
      />
      {hasActiveFilter(filters) && <Button onClick={onReset}>{t('inbox.reset')}</Button>}
    </Flex>
  );
}
