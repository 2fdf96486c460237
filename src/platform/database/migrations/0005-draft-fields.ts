import { sql, type Kysely, type Migration } from 'kysely';
import type { Engine } from '../engine.js';

// SQLite 3.53.0 added ALTER COLUMN … DROP NOT NULL, and better-sqlite3 12.11.1 bundles 3.53.2.
// Written as SQLITE_VERSION_NUMBER is: major × 1000000 + minor × 1000 + patch.
const SQLITE_DROP_NOT_NULL = 3_053_000;

/**
 * Lets a draft keep exactly the fields a clerk set: a `confidentiality` column, and `type` and
 * `urgency` that may be null until the clerk picks them. A sent dispatch always has all three.
 * Sent dispatches get confidentiality `none`, because the sending rules never let a classified
 * one out. Drafts get null, because earlier versions did not store the clerk's choice.
 */
export function draftFieldsMigration(engine: Engine): Migration {
  return {
    up: async (db) => {
      if (engine === 'postgres') return addDraftFields(db);

      // Kysely runs SQLite migrations outside a transaction, so this one opens its own.
      await assertSqliteCanDropNotNull(db);
      await db.transaction().execute((trx) => addDraftFields(trx));
    },
  };
}

async function addDraftFields(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('dispatches').addColumn('confidentiality', 'text').execute();
  await db.schema.alterTable('dispatches').alterColumn('type', (column) => column.dropNotNull()).execute();
  await db.schema.alterTable('dispatches').alterColumn('urgency', (column) => column.dropNotNull()).execute();
  await sql`update dispatches set confidentiality = 'none' where status <> 'draft'`.execute(db);
}

async function assertSqliteCanDropNotNull(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ version: string }>`select sqlite_version() as version`.execute(db);
  const version = rows[0]!.version;
  const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
  if (major * 1_000_000 + minor * 1_000 + patch >= SQLITE_DROP_NOT_NULL) return;

  throw new Error(`SQLite ${version} cannot drop NOT NULL from a column, which this migration needs. Install the locked better-sqlite3 with npm ci, which bundles SQLite 3.53 or later.`);
}
