import type { Db } from '../../platform/database/connection.js';
import { ANNOUNCED_HOLIDAYS } from './announced-holidays.js';
import { yearOf, type CalendarDate } from './calendar-date.js';
import type { CalendarDay, CalendarDaySource } from './calendar-day.js';
import { listCalendarCorrections, type CalendarCorrection } from './calendar-corrections.js';
import { defaultHolidays, holidaysOfYear } from './default-holidays.js';

export interface ResolvedCalendarDay extends CalendarDay {
  source: CalendarDaySource;
  /** Login of the administrator who corrected the day; null unless the source is `administrator`. */
  updatedBy: string | null;
  updatedAt: string | null;
}

// The rules and announcements of a year never change while the server runs, and computing the lunar
// dates took about 0.6 ms per call, which every dispatch and reminder paid.
const shippedYears = new Map<number, readonly ResolvedCalendarDay[]>();

function shippedYear(year: number): readonly ResolvedCalendarDay[] {
  const cached = shippedYears.get(year);
  if (cached) return cached;

  const ruleDays = new Map(defaultHolidays(year).map((day) => [day.date, day]));
  const days = holidaysOfYear(year, ANNOUNCED_HOLIDAYS[year]).map((day): ResolvedCalendarDay => {
    const ruleDay = ruleDays.get(day.date);
    const source = ruleDay && ruleDay.kind === day.kind && ruleDay.nameVi === day.nameVi ? 'default' : 'seeded';
    return { ...day, source, updatedBy: null, updatedAt: null };
  });
  shippedYears.set(year, days);

  return days;
}

/**
 * Merges one year's entries, sorted by date: the Labour Code rules, then the announcements
 * shipped in ./announced-holidays.ts (which may move or drop days the rules give), then the
 * administrator's corrections, each replacing the entry for its date.
 */
export function resolveCalendarYear(year: number, corrections: readonly CalendarCorrection[]): ResolvedCalendarDay[] {
  const days = new Map(shippedYear(year).map((day) => [day.date, { ...day }]));

  for (const correction of corrections) {
    if (yearOf(correction.date) === year) days.set(correction.date, { ...correction, source: 'administrator' });
  }

  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** Loads the corrections of the given years from the database and resolves each year. */
export async function loadCalendarYears(db: Db, years: readonly number[]): Promise<Map<number, ResolvedCalendarDay[]>> {
  const corrections = await listCalendarCorrections(db, years);

  return new Map(years.map((year) => [year, resolveCalendarYear(year, corrections)]));
}
