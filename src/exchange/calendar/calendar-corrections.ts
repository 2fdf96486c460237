import type { Db } from '../../platform/database/connection.js';
import type { CalendarDayTable } from '../../platform/database/schema.js';
import type { CalendarDate } from './calendar-date.js';
import { CALENDAR_DAY_KINDS, type CalendarDay, type CalendarDayKind } from './calendar-day.js';

/** An administrator's entry for one date, which replaces whatever the rules give for it. */
export interface CalendarCorrection extends CalendarDay {
  updatedBy: string | null;
  updatedAt: string;
}

/** Lists the corrections whose dates fall in the given years, sorted by date. */
export async function listCalendarCorrections(db: Db, years: readonly number[]): Promise<CalendarCorrection[]> {
  if (years.length === 0) return [];

  const rows = await db
    .selectFrom('calendar_days')
    .selectAll()
    .where('date', '>=', `${Math.min(...years)}-01-01`)
    .where('date', '<=', `${Math.max(...years)}-12-31`)
    .orderBy('date')
    .execute();

  return rows.filter((row) => years.includes(Number(row.date.slice(0, 4)))).map(correctionOf);
}

/** Inserts or replaces the correction for a date. */
export async function saveCalendarCorrection(db: Db, correction: CalendarCorrection): Promise<void> {
  const values = {
    kind: correction.kind,
    name_vi: correction.nameVi,
    name_en: correction.nameEn,
    updated_by: correction.updatedBy,
    updated_at: correction.updatedAt,
  };

  await db
    .insertInto('calendar_days')
    .values({ date: correction.date, ...values })
    .onConflict((conflict) => conflict.column('date').doUpdateSet(values))
    .execute();
}

/** Deletes the correction for a date and returns false when there was none. */
export async function deleteCalendarCorrection(db: Db, date: CalendarDate): Promise<boolean> {
  const result = await db.deleteFrom('calendar_days').where('date', '=', date).executeTakeFirst();

  return Number(result.numDeletedRows) > 0;
}

function correctionOf(row: CalendarDayTable): CalendarCorrection {
  if (!(CALENDAR_DAY_KINDS as readonly string[]).includes(row.kind)) {
    throw new Error(`calendar_days row ${row.date} has unknown kind "${row.kind}"; expected one of ${CALENDAR_DAY_KINDS.join(', ')}.`);
  }

  return {
    date: row.date,
    kind: row.kind as CalendarDayKind,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}
