import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../api/api-error';
import { correctCalendarDay } from '../../api/calendar';
import { queryKeys } from '../../api/query-keys';
import { withTestId } from '../../components/button-test-id';
import { calendarDayKinds, type CalendarCorrection, type CalendarDay, type CalendarDayKind } from '../../api/types';

interface CalendarDayFormValues {
  date: Dayjs | null;
  kind: CalendarDayKind;
  nameVi: string;
  nameEn: string;
}

type CalendarDayField = keyof CalendarDayFormValues;

const formFields: CalendarDayField[] = ['date', 'kind', 'nameVi', 'nameEn'];

// The server stores at most this many characters of each name.
const maxNameLength = 200;

const isoDate = 'YYYY-MM-DD';

interface CalendarDayModalProps {
  year: number;
  /** The day to correct, or null to add a correction for a date picked in the modal. */
  day: CalendarDay | null;
  open: boolean;
  onClose: () => void;
}

function isWeekend(date: Dayjs): boolean {
  return date.day() === 0 || date.day() === 6;
}

/** Tells whether the server accepts the kind for the date: make-up working days fall on weekends, days off in lieu on weekdays. */
function kindFitsDate(kind: CalendarDayKind, date: Dayjs | null): boolean {
  if (!date) {
    return true;
  }
  if (kind === 'makeup-working-day') {
    return isWeekend(date);
  }
  if (kind === 'makeup-day-off') {
    return !isWeekend(date);
  }

  return true;
}

function initialValuesOf(day: CalendarDay | null): CalendarDayFormValues {
  if (!day) {
    return { date: null, kind: 'holiday', nameVi: '', nameEn: '' };
  }

  return { date: dayjs(day.date), kind: day.kind, nameVi: day.nameVi, nameEn: day.nameEn };
}

/** Shows the form that adds or changes an administrator's correction of one day of the working calendar. */
export function CalendarDayModal({ year, day, open, onClose }: CalendarDayModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CalendarDayFormValues>();
  const date = Form.useWatch('date', form) ?? null;

  const mutation = useMutation({
    mutationFn: ({ date, correction }: { date: string; correction: CalendarCorrection }) => correctCalendarDay(year, date, correction),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.calendars });
      void message.success(t('calendar.saved', { date: dayjs(saved.date).format('DD/MM/YYYY') }));
      onClose();
    },
    onError: (error) => {
      // A rejected value is shown under its own field when the server names it.
      const field = error instanceof ApiError ? error.field : undefined;
      if (field && formFields.includes(field as CalendarDayField)) {
        form.setFields([{ name: field as CalendarDayField, errors: [error.message] }]);

        return;
      }

      void message.error(error.message);
    },
  });

  function submit(values: CalendarDayFormValues): void {
    if (!values.date) {
      return;
    }

    const correction = { kind: values.kind, nameVi: values.nameVi.trim(), nameEn: values.nameEn.trim() };
    mutation.mutate({ date: values.date.format(isoDate), correction });
  }

  const kindOptions = calendarDayKinds.map((kind) => ({ value: kind, label: t(`calendar.kinds.${kind}`), disabled: !kindFitsDate(kind, date) }));
  const nameRules = [{ required: true, whitespace: true, message: t('calendar.nameRequired') }];

  return (
    <Modal
      open={open}
      title={day ? t('calendar.editTitle', { date: dayjs(day.date).format('DD/MM/YYYY') }) : t('calendar.addTitle', { year })}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={withTestId('calendar-day-save')}
      confirmLoading={mutation.isPending}
      cancelText={t('common.cancel')}
    >
      <Form<CalendarDayFormValues> form={form} layout="vertical" initialValues={initialValuesOf(day)} onFinish={submit}>
        <Form.Item name="date" label={t('calendar.date')} rules={[{ required: true, message: t('calendar.dateRequired') }]}>
          <DatePicker
            format="DD/MM/YYYY"
            disabled={day !== null}
            placeholder={t('compose.datePlaceholder')}
            disabledDate={(value) => value.year() !== year}
            defaultPickerValue={dayjs().year(year)}
            style={{ width: '100%' }}
            data-testid="calendar-day-date"
          />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('calendar.kind')}
          extra={t('calendar.kindHint')}
          dependencies={['date']}
          rules={[{ validator: (_, kind: CalendarDayKind) => (kindFitsDate(kind, form.getFieldValue('date')) ? Promise.resolve() : Promise.reject(new Error(t('calendar.kindMismatch')))) }]}
        >
          <Select options={kindOptions} data-testid="calendar-day-kind" />
        </Form.Item>
        <Form.Item name="nameVi" label={t('calendar.nameVi')} rules={nameRules}>
          <Input maxLength={maxNameLength} data-testid="calendar-day-name-vi" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('calendar.nameEn')} rules={nameRules}>
          <Input maxLength={maxNameLength} data-testid="calendar-day-name-en" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
