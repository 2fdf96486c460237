import type { UseQueryResult } from '@tanstack/react-query';
import { Empty, Flex, Table, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

import type { Register } from '../../api/types';
import { PageError } from '../../components/page-error';
import { RegisterPrintTable, type PrintColumn } from './register-print-table';
import { RegisterToolbar } from './register-toolbar';
import './register-print.css';

interface RegisterViewProps<Entry extends { registerNumber: number }> {
  title: string;
  /** Heading of the printed register in capitals. */
  printTitle: string;
  emptyText: string;
  year: number;
  onYearChange: (year: number | null) => void;
  xlsxUrl: string;
  query: UseQueryResult<Register<Entry>>;
  columns: TableColumnsType<Entry>;
  printColumns: PrintColumn<Entry>[];
  onRow?: (entry: Entry) => HTMLAttributes<HTMLElement>;
  /** Prefix of the test ids, such as `register`. The table's id ends in `-table`. */
  testId: string;
}

/** Shows a register of one year: the paged table on screen, and every entry with all columns when printed. */
export function RegisterView<Entry extends { registerNumber: number }>(props: RegisterViewProps<Entry>) {
  const { t } = useTranslation();
  const { query } = props;

  return (
    <Flex vertical gap="middle">
      <RegisterToolbar
        title={props.title}
        year={props.year}
        onYearChange={props.onYearChange}
        xlsxUrl={props.xlsxUrl}
        printable={query.data !== undefined}
        testId={props.testId}
      />
      {query.isError && <PageError error={query.error} onRetry={() => void query.refetch()} />}
      <Table<Entry>
        className="no-print"
        rowKey="registerNumber"
        size="small"
        columns={props.columns}
        dataSource={query.data?.entries ?? []}
        loading={query.isLoading}
        onRow={props.onRow}
        rowClassName={props.onRow ? () => 'clickable-row' : undefined}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, showTotal: (total) => t('common.total', { count: total }) }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.emptyText} /> }}
        data-testid={`${props.testId}-table`}
      />
      {query.data && (
        <RegisterPrintTable
          organizationName={query.data.organization.name}
          title={props.printTitle}
          year={query.data.year}
          columns={props.printColumns}
          entries={query.data.entries}
          rowKey={(entry) => entry.registerNumber}
        />
      )}
    </Flex>
  );
}
