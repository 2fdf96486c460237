import type { Kysely, Migration } from 'kysely';

/**
 * The spool file of a message whose raw bytes are durable in `incoming/` but not yet at their
 * content address. SMTP replies 250 once the file is durable there, and processing moves it.
 */
export function rawSpoolMigration(): Migration {
  return { up };
}

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('messages').addColumn('raw_spool', 'text').execute();
}
