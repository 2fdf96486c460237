import { sql, type RawBuilder } from 'kysely';
import type { ApplicationTable } from './application-tables.js';
import type { Db } from './connection.js';
import type { Engine } from './engine.js';

export type Row = Record<string, unknown>;

/**
 * Reads a whole table in batches ordered by its primary key, each batch starting after the last
 * key of the one before, so a large table costs no OFFSET scans. Both engines return the rows
 * in the same order: text keys compare byte by byte (SQLite's BINARY collation, and COLLATE "C"
 * on PostgreSQL, whose database collation may sort by locale). A batch has at most batchSize
 * rows, and fewer where the table sets maxBatchRows. Rows have every column, or the key columns
 * and those named.
 */
export async function* readBatchesInKeyOrder(
  db: Db,
  engine: Engine,
  table: ApplicationTable,
  requestedBatchSize: number,
  columns: string[] | null = null,
): AsyncGenerator<Row[]> {
  const batchSize = Math.min(requestedBatchSize, table.maxBatchRows ?? requestedBatchSize);
  const keyColumns = table.key.map(([column]) => column);
  const selection = columns ? sql.join([...new Set([...keyColumns, ...columns])].map((column) => sql.ref(column))) : sql`*`;
  const keyExpressions = table.key.map(([column, type]) => keyExpression(column, type === 'text' && engine === 'postgres'));
  const orderBy = sql.join(keyExpressions);
  let lastKey: unknown[] | null = null;

  for (;;) {
    const after: RawBuilder<unknown> = lastKey ? sql`where (${orderBy}) > (${sql.join(lastKey)})` : sql``;
    const { rows } = await sql<Row>`select ${selection} from ${sql.table(table.name)} ${after} order by ${orderBy} limit ${batchSize}`.execute(db);
    if (rows.length === 0) return;

    yield rows;

    if (rows.length < batchSize) return;
    const last: Row = rows[rows.length - 1]!;
    lastKey = keyColumns.map((column): unknown => last[column]);
  }
}

/** Reads a table row by row in primary key order; see readBatchesInKeyOrder. */
export async function* readRowsInKeyOrder(db: Db, engine: Engine, table: ApplicationTable, batchSize: number): AsyncGenerator<Row> {
  for await (const rows of readBatchesInKeyOrder(db, engine, table, batchSize)) {
    yield* rows;
  }
}

function keyExpression(column: string, byteOrder: boolean): RawBuilder<unknown> {
  return byteOrder ? sql`${sql.ref(column)} collate "C"` : sql`${sql.ref(column)}`;
}
