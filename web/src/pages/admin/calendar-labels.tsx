import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

import type { CalendarDay, CalendarDayKind, CalendarDaySource } from '../../api/types';
import { formatDateTime } from '../../format/date-time';

const kindColors: Record<CalendarDayKind, string> = {
  holiday: 'red',
  'makeup-day-off': 'orange',
  'makeup-working-day': 'blue',
  'working-day': 'green',
};

const sourceColors: Record<CalendarDaySource, string> = {
  default: 'default',
  seeded: 'cyan',
  administrator: 'purple',
};

export function CalendarKindTag({ kind }: { kind: CalendarDayKind }) {
  const { t } = useTranslation();

  return (
    <Tag color={kindColors[kind]} data-kind={kind}>
      {t(`calendar.kinds.${kind}`)}
    </Tag>
  );
}

/** Shows the origin of a day's entry. An administrator's correction names who made it and when. */
export function CalendarSourceTag({ day }: { day: CalendarDay }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={sourceColors[day.source]} data-testid="calendar-source" data-source={day.source}>
      {t(`calendar.sources.${day.source}`)}
    </Tag>
  );

  if (day.source !== 'administrator') {
    return tag;
  }

  return <Tooltip title={t('calendar.correctedBy', { login: day.updatedBy ?? '', time: formatDateTime(day.updatedAt) ?? '' })}>{tag}</Tooltip>;
}
