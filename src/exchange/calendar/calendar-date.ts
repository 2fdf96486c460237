/**
 * Calendar dates as 'YYYY-MM-DD' strings on the Gregorian calendar, with no time of day and no
 * time zone. The working calendar keeps dates in this form because they compare and sort as text.
 */
export type CalendarDate = string;

const MS_PER_DAY = 86_400_000;
/** Julian Day Number of 1970-01-01, the day Date.UTC counts from. */
const UNIX_EPOCH_JULIAN_DAY = 2_440_588;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Splits a date into numbers. Raises a RangeError for text that is not a real date, such as 2026-02-30. */
export function parseCalendarDate(date: string): DateParts {
  const match = DATE_PATTERN.exec(date);
  const parts = match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;

  if (!parts || formatCalendarDate(parts.year, parts.month, parts.day) !== date) {
    throw new RangeError(`Invalid calendar date "${date}": expected a real date as YYYY-MM-DD.`);
  }

  return parts;
}

/** Builds a date from numbers. A day or month out of range rolls over, as Date.UTC does. */
export function formatCalendarDate(year: number, month: number, day: number): CalendarDate {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

export function julianDayNumber(date: CalendarDate): number {
  const { year, month, day } = parseCalendarDate(date);

  return Date.UTC(year, month - 1, day) / MS_PER_DAY + UNIX_EPOCH_JULIAN_DAY;
}

export function dateOfJulianDay(julianDay: number): CalendarDate {
  return new Date((julianDay - UNIX_EPOCH_JULIAN_DAY) * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return dateOfJulianDay(julianDayNumber(date) + days);
}

/** Returns 0 for Sunday through 6 for Saturday. */
export function dayOfWeek(date: CalendarDate): number {
  const { year, month, day } = parseCalendarDate(date);

  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Saturday and Sunday are the weekly days off of state bodies (a five-day, 40-hour week). */
export function isWeekend(date: CalendarDate): boolean {
  const weekday = dayOfWeek(date);

  return weekday === 0 || weekday === 6;
}

export function yearOf(date: CalendarDate): number {
  return parseCalendarDate(date).year;
}
