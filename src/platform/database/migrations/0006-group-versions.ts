import type { Kysely, Migration } from 'kysely';

/**
 * A version on each group, raised by every change, so that an administrator's edit made from a
 * stale copy is rejected instead of overwriting a newer one; and when and by whom it last changed.
 */
export function groupVersionsMigration(): Migration {
  return { up };
}

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('groups').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('groups').addColumn('updated_at', 'text').execute();
  await db.schema.alterTable('groups').addColumn('updated_by', 'text').execute();
}
