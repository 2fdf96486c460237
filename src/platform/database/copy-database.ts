import { sql } from 'kysely';
import { APPLICATION_TABLES, countRows, describeKey, type ApplicationTable } from './application-tables.js';
import type { DatabaseHandle, Db } from './connection.js';
import type { Engine } from './engine.js';
import { readBatchesInKeyOrder, type Row } from './rows-in-key-order.js';

export type DatabaseView = Pick<DatabaseHandle, 'db' | 'engine'>;

export interface TableProgress {
  table: string;
  copied: number;
  total: number;
}

// PostgreSQL's wire protocol numbers bind parameters with 16 bits.
const MAX_BIND_PARAMETERS = 65_535;

/**
 * Copies the rows of every application table from source to target in foreign-key order,
 * keeping every column value including serial ids, then moves the target's id sequences past
 * the copied ids. It all runs in one target transaction, so a failure leaves the target without
 * any copied row. Returns the rows copied per table.
 */
export async function copyTables(
  source: DatabaseView,
  target: DatabaseView,
  options: { batchSize: number; onProgress?: (progress: TableProgress) => void },
): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  for (const table of APPLICATION_TABLES) totals.set(table.name, await countRows(source.db, table.name));

  const copied = new Map<string, number>();
  await target.db.transaction().execute(async (trx) => {
    for (const table of APPLICATION_TABLES) {
      const total = totals.get(table.name)!;
      let count = 0;
      options.onProgress?.({ table: table.name, copied: 0, total });

      for await (const rows of readBatchesInKeyOrder(source.db, source.engine, table, options.batchSize)) {
        await insertRows(trx, table, rows);
        count += rows.length;
        options.onProgress?.({ table: table.name, copied: count, total });
      }

      copied.set(table.name, count);
    }

    await moveSequencesPastCopiedIds(trx, target.engine);
  });

  return copied;
}

async function insertRows(db: Db, table: ApplicationTable, rows: Row[]): Promise<void> {
  const columns = Object.keys(rows[0]!);
  const rowsPerStatement = Math.floor(MAX_BIND_PARAMETERS / columns.length);

  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const part = rows.slice(start, start + rowsPerStatement);
    const values = part.map((row) => sql`(${sql.join(columns.map((column) => row[column]))})`);

    try {
      await sql`insert into ${sql.table(table.name)} (${sql.join(columns.map((column) => sql.ref(column)))}) values ${sql.join(values)}`.execute(db);
    } catch (error) {
      throw new Error(`Copying ${table.name} failed in the rows from ${describeKey(table, part[0]!)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
}

/**
 * Sets each serial id sequence of PostgreSQL to continue after the largest copied id, because
 * rows inserted with explicit ids leave it at 1. SQLite's integer primary key takes max(id) + 1
 * by itself.
 */
async function moveSequencesPastCopiedIds(db: Db, engine: Engine): Promise<void> {
  if (engine !== 'postgres') return;

  for (const table of APPLICATION_TABLES) {
    for (const [column, type] of table.key) {
      if (type !== 'serial') continue;

      await sql`select setval(pg_get_serial_sequence(${table.name}, ${column}), coalesce(max(${sql.ref(column)}), 0) + 1, false) from ${sql.table(table.name)}`.execute(db);
    }
  }
}
