import type { AppContext } from '../../platform/app-context.js';
import { vietnamDate } from '../../platform/vietnam-time.js';
import { addDays, isWeekend, parseCalendarDate, type CalendarDate } from './calendar-date.js';
import { isWorkingKind, type CalendarDayKind } from './calendar-day.js';
import type { CalendarCorrection } from './calendar-corrections.js';
import { loadCalendarYears, resolveCalendarYear, type ResolvedCalendarDay } from './calendar-year.js';
import { workingPeriodsOn } from './working-hours.js';

const MS_PER_HOUR = 3_600_000;

/**
 * Working days and working hours over the years it was loaded for. Instants are UTC Dates;
 * dates are calendar dates in Asia/Ho_Chi_Minh. Asking about a date outside the loaded years
 * raises an Error, because that year's corrections were never read.
 */
export class WorkingCalendar {
  private readonly kinds = new Map<CalendarDate, CalendarDayKind>();

  constructor(
    readonly years: readonly number[],
    days: Iterable<ResolvedCalendarDay>,
  ) {
    for (const day of days) this.kinds.set(day.date, day.kind);
  }

  isWorkingDay(date: CalendarDate): boolean {
    this.assertLoaded(date);
    const kind = this.kinds.get(date);

    return kind ? isWorkingKind(kind) : !isWeekend(date);
  }

  /**
   * Returns the date that lies a number of working days after a date (before it, for a negative
   * number), such as a report deadline two working days after the cut-off. Zero returns the date.
   */
  addWorkingDays(date: CalendarDate, days: number): CalendarDate {
    if (!Number.isInteger(days)) throw new RangeError(`Invalid number of working days ${days}: expected a whole number.`);

    const step = Math.sign(days);
    let remaining = Math.abs(days);
    let current = date;

    while (remaining > 0) {
      current = addDays(current, step);
      if (this.isWorkingDay(current)) remaining--;
    }

    return current;
  }

  /**
   * Returns the instant at which a number of working hours have passed since a start. A start
   * outside working hours counts from the next working period. A result that lands exactly on
   * the end of a period stays there (11:30, 17:00) instead of moving to the next one.
   */
  addWorkingHours(start: Date, hours: number): Date {
    if (!Number.isFinite(hours) || hours < 0) {
      throw new RangeError(`Invalid number of working hours ${hours}: expected a number of 0 or more.`);
    }

    let remaining = Math.round(hours * MS_PER_HOUR);
    const cursor = start.getTime();

    for (let date = vietnamDate(start); ; date = addDays(date, 1)) {
      if (!this.isWorkingDay(date)) continue;

      for (const period of workingPeriodsOn(date)) {
        const from = Math.max(cursor, period.start);
        if (from >= period.end) continue;

        const available = period.end - from;
        if (remaining <= available) return new Date(from + remaining);
        remaining -= available;
      }
    }
  }

  /** Returns the working hours between two instants, negative when `to` is before `from`. */
  workingHoursBetween(from: Date, to: Date): number {
    if (to < from) return -this.workingHoursBetween(to, from);

    const lastDate = vietnamDate(to);
    let total = 0;

    for (let date = vietnamDate(from); date <= lastDate; date = addDays(date, 1)) {
      if (!this.isWorkingDay(date)) continue;

      for (const period of workingPeriodsOn(date)) {
        total += Math.max(0, Math.min(period.end, to.getTime()) - Math.max(period.start, from.getTime()));
      }
    }

    return total / MS_PER_HOUR;
  }

  private assertLoaded(date: CalendarDate): void {
    const year = parseCalendarDate(date).year;

    if (!this.years.includes(year)) {
      throw new Error(`The working calendar has no year ${year} (date ${date}); loaded years: ${this.years.join(', ')}. Load it with loadWorkingCalendar.`);
    }
  }
}

/** Loads the working calendar of the given years with the administrator's corrections. */
export async function loadWorkingCalendar(ctx: AppContext, years: readonly number[]): Promise<WorkingCalendar> {
  const resolved = await loadCalendarYears(ctx.db, years);

  return new WorkingCalendar(years, [...resolved.values()].flat());
}

/** Builds a working calendar from given corrections, without the database. */
export function workingCalendarOf(years: readonly number[], corrections: readonly CalendarCorrection[] = []): WorkingCalendar {
  return new WorkingCalendar(years, years.flatMap((year) => resolveCalendarYear(year, corrections)));
}
