import type { Kysely, Migration } from 'kysely';

/**
 * The administrator's corrections to the working calendar, one row per date. The rules and the
 * announced holidays are computed in code, so a year without rows is not empty but uses them.
 */
export function workingCalendarMigration(): Migration {
  return { up };
}

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
