import { sql } from 'kysely';
import type { Db } from './connection.js';
import type { Database } from './schema.js';

/** Type of a primary key column: `text` compares byte by byte, `integer` by value, and `serial` is an integer with a sequence. */
export type KeyColumnType = 'text' | 'integer' | 'serial';

export interface ApplicationTable<Name extends keyof Database = keyof Database> {
  name: Name;
  /** Primary key columns in key order, with their types. */
  key: [column: string, type: KeyColumnType][];
  /** Maximum rows read at once, for tables with large rows. */
  maxBatchRows: number | null;
  /** Column with the SHA-256 address of a blob in the blob store, if the table has one. */
  blobColumn: string | null;
}

function table<Name extends keyof Database>(
  name: Name,
  key: Partial<Record<keyof Database[Name] & string, KeyColumnType>>,
  options: { maxBatchRows?: number; blobColumn?: keyof Database[Name] & string } = {},
): ApplicationTable<Name> {
  return {
    name,
    key: Object.entries(key) as [string, KeyColumnType][],
    maxBatchRows: options.maxBatchRows ?? null,
    blobColumn: options.blobColumn ?? null,
  };
}

/**
 * Every table of the schema, in an order where a table comes after the tables its foreign keys
 * reference, so that rows can be copied table by table.
 */
export const APPLICATION_TABLES = [
  table('organizations', { id: 'text' }),
  table('organization_addresses', { address: 'text' }),
  table('groups', { id: 'text' }),
  table('group_members', { group_id: 'text', organization_id: 'text' }),
  table('users', { id: 'text' }),
  table('sessions', { id_hash: 'text' }),
  table('login_failures', { id: 'serial' }),
  table('messages', { id: 'text' }, { blobColumn: 'raw_sha256' }),
  table('attachments', { id: 'text' }, { blobColumn: 'sha256' }),
  table('documents', { id: 'text' }),
  table('deliveries', { id: 'text' }),
  table('delivery_events', { id: 'serial' }),
  table('document_events', { id: 'serial' }),
  table('register_counters', { organization_id: 'text', direction: 'text', year: 'integer' }),
  table('notifications', { id: 'text' }),
  table('content_access_log', { id: 'serial' }),
  table('settings', { key: 'text' }),
  table('calendar_days', { date: 'text' }),
  table('jobs', { id: 'text' }),
  table('blobs', { sha256: 'text' }),
  // A chunk is up to 1 MiB (BLOB_CHUNK_SIZE), so a batch of 16 stays near 16 MiB.
  table('blob_chunks', { sha256: 'text', chunk_index: 'integer' }, { maxBatchRows: 16 }),
  table('dispatches', { id: 'text' }),
  table('dispatch_files', { dispatch_id: 'text', position: 'integer' }, { blobColumn: 'sha256' }),
  table('dispatch_recipients', { id: 'text' }),
  table('dispatch_events', { id: 'serial' }),
] as const;

// Does not compile, and names the table, while a table of the Database type is missing above.
type NoTableMissing<Missing extends never> = Missing;
type UnlistedTables = NoTableMissing<Exclude<keyof Database, (typeof APPLICATION_TABLES)[number]['name']>>;

/** Names a row by its primary key, such as `organization_id=…, direction=incoming, year=2026`. */
export function describeKey(table: ApplicationTable, row: Record<string, unknown>): string {
  return table.key.map(([column]) => `${column}=${String(row[column])}`).join(', ');
}

/** Kysely's own bookkeeping of applied migrations, which each database keeps for itself. */
const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'];

export async function countRows(db: Db, name: string): Promise<number> {
  const { rows } = await sql<{ count: number | string }>`select count(*) as count from ${sql.table(name)}`.execute(db);
  return Number(rows[0]!.count);
}

/**
 * Finds the first application table that has rows, or null when every one that exists is empty.
 * A table the schema does not have yet counts as empty.
 */
export async function findNonEmptyTable(db: Db): Promise<{ name: string; rows: number } | null> {
  const existing = new Set((await db.introspection.getTables()).map((found) => found.name));

  for (const { name } of APPLICATION_TABLES) {
    if (!existing.has(name)) continue;

    const rows = await countRows(db, name);
    if (rows > 0) return { name, rows };
  }

  return null;
}

/** Lists the tables of a database that are neither application tables nor migration bookkeeping. */
export async function findUnknownTables(db: Db): Promise<string[]> {
  const known = new Set<string>([...APPLICATION_TABLES.map((known) => known.name), ...MIGRATION_TABLES]);
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });

  return tables.filter((found) => !found.isView && !known.has(found.name)).map((found) => found.name);
}
