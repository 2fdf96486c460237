import { vietnamDayStart } from '../../platform/vietnam-time.js';
import type { CalendarDate } from './calendar-date.js';

/**
 * The province's default office hours, local time (Asia/Ho_Chi_Minh): 07:30-11:30 and
 * 13:30-17:00, in minutes after midnight.
 * NOTE: that is 7.5 hours a day, not the 8 of the 40-hour week in Decision 188/1999/QĐ-TTg.
 * Change these to the provincial People's Committee's decision on office hours where it differs.
 */
export const WORKING_PERIODS: readonly { startMinute: number; endMinute: number }[] = [
  { startMinute: 7 * 60 + 30, endMinute: 11 * 60 + 30 },
  { startMinute: 13 * 60 + 30, endMinute: 17 * 60 },
];

export const WORKING_HOURS_PER_DAY = WORKING_PERIODS.reduce((sum, period) => sum + period.endMinute - period.startMinute, 0) / 60;

const MS_PER_MINUTE = 60_000;

/** An interval of working time as UTC milliseconds, end exclusive. */
export interface WorkingPeriod {
  start: number;
  end: number;
}

/** Returns the working periods of a date as UTC instants, whether or not the date is a working day. */
export function workingPeriodsOn(date: CalendarDate): WorkingPeriod[] {
  const midnight = vietnamDayStart(date).getTime();

  return WORKING_PERIODS.map((period) => ({
    start: midnight + period.startMinute * MS_PER_MINUTE,
    end: midnight + period.endMinute * MS_PER_MINUTE,
  }));
}
