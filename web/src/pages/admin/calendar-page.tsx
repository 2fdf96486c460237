import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

import { fetchCalendarYear, removeCalendarCorrection } from '../../api/calendar';
import { queryKeys } from '../../api/query-keys';
import type { CalendarDay } from '../../api/types';
import { ConfirmButton } from '../../components/confirm-button';
import { PageError } from '../../components/page-error';
import { YearPicker } from '../../components/year-picker';
import { useYearSearchParam } from '../../hooks/use-year-search-param';
import { useLanguage } from '../../i18n/use-language';
import { usePageTitle } from '../../layout/use-page-title';
import { CalendarDayModal } from './calendar-day-modal';
import { CalendarKindTag, CalendarSourceTag } from './calendar-labels';

/** The day being edited in the modal: null while it is closed, `new` to add a date. */
type Editing = CalendarDay | 'new' | null;

function RemoveCorrectionButton({ day }: { day: CalendarDay }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const mutation = useMutation({
    mutationFn: () => removeCalendarCorrection(Number(day.date.slice(0, 4)), day.date),
    onSuccess: () => void message.success(t('calendar.removed', { date: dayjs(day.date).format('DD/MM/YYYY') })),
    onError: (error) => void message.error(error.message),
    // A 404 means the correction was removed meanwhile, so the list reloads either way.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.calendars }),
  });

  return (
    <ConfirmButton
      label={t('calendar.remove')}
      question={t('calendar.removeConfirm')}
      pending={mutation.isPending}
      size="small"
      testId="calendar-remove"
      onConfirm={() => mutation.mutate()}
    />
  );
}

/**
 * Shows Lịch ngày làm việc: a year's holidays, days off in lieu and make-up working days with where each
 * comes from, for an administrator to add, change and remove corrections. Reminders count working hours
 * by this calendar.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const [year, setYear] = useYearSearchParam();
  const language = useLanguage();
  const [editing, setEditing] = useState<Editing>(null);
  usePageTitle(t('calendar.title'));

  const query = useQuery({
    queryKey: queryKeys.calendar(year, language),
    queryFn: ({ signal }) => fetchCalendarYear(year, signal),
  });

  const columns: TableColumnsType<CalendarDay> = [
    {
      key: 'date',
      title: t('calendar.date'),
      width: 190,
      render: (_, day) => `${dayjs(day.date).format('DD/MM/YYYY')} (${dayjs(day.date).format('dddd')})`,
    },
    { key: 'kind', title: t('calendar.kind'), width: 150, render: (_, day) => <CalendarKindTag kind={day.kind} /> },
    { key: 'name', title: t('calendar.name'), render: (_, day) => day.name },
    { key: 'source', title: t('calendar.source'), width: 150, render: (_, day) => <CalendarSourceTag day={day} /> },
    {
      key: 'actions',
      width: 190,
      render: (_, day) => (
        <Flex gap="small">
          <Button size="small" onClick={() => setEditing(day)} data-testid="calendar-edit">
            {t('calendar.edit')}
          </Button>
          {day.source === 'administrator' && <RemoveCorrectionButton day={day} />}
        </Flex>
      ),
    },
  ];

  // NOTE: the API does not say whether a year has a shipped announcement. A year whose announcement
  // matches the Labour Code rules exactly shows this notice too.
  const unannounced = query.data !== undefined && !query.data.days.some((day) => day.source === 'seeded');

  return (
    <Flex vertical gap="middle" data-testid="calendar-page">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Paragraph type="secondary" className="admin-intro">
          {t('calendar.intro')}
        </Typography.Paragraph>
        <Flex gap="small" align="center">
          <Typography.Text>{t('register.year')}</Typography.Text>
          <YearPicker year={year} onChange={setYear} data-testid="calendar-year" />
          <Button type="primary" onClick={() => setEditing('new')} data-testid="calendar-add">
            {t('calendar.add')}
          </Button>
        </Flex>
      </Flex>
      {unannounced && <Alert type="warning" showIcon title={t('calendar.unannounced', { year })} data-testid="calendar-unannounced" />}
      {query.isError && <PageError error={query.error} onRetry={() => void query.refetch()} />}
      <Table<CalendarDay>
        rowKey="date"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={query.data?.days ?? []}
        loading={query.isLoading}
        onRow={(day) => ({ 'data-testid': 'calendar-day', 'data-date': day.date, 'data-source': day.source, 'data-kind': day.kind }) as HTMLAttributes<HTMLElement>}
        data-testid="calendar-table"
      />
      <CalendarDayModal
        key={editing === null || editing === 'new' ? 'new' : editing.date}
        year={year}
        day={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Flex>
  );
}
