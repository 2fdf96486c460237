import type { CalendarDate } from './calendar-date.js';

/**
 * - `holiday`: a public holiday (Labour Code 2019, Article 112), or a day an administrator declares off.
 * - `makeup-day-off`: a weekday off in lieu of a holiday that fell on a weekend, or the weekday
 *   given off in an announced swap.
 * - `makeup-working-day`: a Saturday or Sunday worked in exchange for a swapped weekday.
 * - `working-day`: an administrator's correction that makes a day an ordinary working day, for
 *   example to cancel a default holiday that the official announcement moved.
 */
export const CALENDAR_DAY_KINDS = ['holiday', 'makeup-day-off', 'makeup-working-day', 'working-day'] as const;

export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/** Origin of a day's entry: the rules, the announcements shipped with the code, or an administrator. */
export type CalendarDaySource = 'default' | 'seeded' | 'administrator';

/** A date whose status differs from the plain rule that Monday to Friday are working days. */
export interface CalendarDay {
  date: CalendarDate;
  kind: CalendarDayKind;
  nameVi: string;
  nameEn: string;
}

export function isWorkingKind(kind: CalendarDayKind): boolean {
  return kind === 'makeup-working-day' || kind === 'working-day';
}
