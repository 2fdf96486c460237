import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Empty, Flex, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';

import { queryKeys } from '../../api/query-keys';
import { fetchIncomingRegister, incomingRegisterXlsxUrl } from '../../api/registers';
import type { RegisterEntry } from '../../api/types';
import { PageError } from '../../components/page-error';
import { currentYear } from '../../format/date-time';
import { useLanguage } from '../../i18n/use-language';
import { usePageTitle } from '../../layout/use-page-title';
import { registerColumns } from './register-columns';
import { RegisterPrintTable } from './register-print-table';
import './register-print.css';

function yearFromSearchParams(params: URLSearchParams): number {
  const year = Number(params.get('year'));

  return Number.isInteger(year) && year >= 2000 && year <= 9999 ? year : currentYear();
}

export function RegisterPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const year = yearFromSearchParams(searchParams);
  const language = useLanguage();
  usePageTitle(t('register.title'));

  const query = useQuery({
    queryKey: queryKeys.register(year, language),
    queryFn: ({ signal }) => fetchIncomingRegister(year, signal),
  });

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small" className="no-print">
        <Typography.Title level={3} className="page-title">
          {t('register.title')}
        </Typography.Title>
        <Flex gap="small" align="center">
          <Typography.Text>{t('register.year')}</Typography.Text>
          <DatePicker
            picker="year"
            allowClear={false}
            value={dayjs().year(year)}
            onChange={(value) => setSearchParams(value ? { year: String(value.year()) } : {})}
            data-testid="register-year"
          />
          <Button href={incomingRegisterXlsxUrl(year)} data-testid="register-export">
            {t('register.export')}
          </Button>
          <Button onClick={() => window.print()} disabled={!query.data} data-testid="register-print">
            {t('register.print')}
          </Button>
        </Flex>
      </Flex>
      {query.isError && <PageError error={query.error} onRetry={() => void query.refetch()} />}
      <Table<RegisterEntry>
        className="no-print"
        rowKey="registerNumber"
        size="small"
        columns={registerColumns(t)}
        dataSource={query.data?.entries ?? []}
        loading={query.isLoading}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, showTotal: (total) => t('common.total', { count: total }) }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('register.empty', { year })} /> }}
        data-testid="register-table"
      />
      {query.data && <RegisterPrintTable register={query.data} />}
    </Flex>
  );
}
