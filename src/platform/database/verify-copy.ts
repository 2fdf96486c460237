import { createHash, type Hash } from 'node:crypto';
import { APPLICATION_TABLES, describeKey, type ApplicationTable } from './application-tables.js';
import type { DatabaseView } from './copy-database.js';
import { readRowsInKeyOrder, type Row } from './rows-in-key-order.js';

export interface TableComparison {
  table: string;
  sourceRows: number;
  targetRows: number;
  sourceSha256: string;
  targetSha256: string;
  /** The key of the first row that differs or exists on one side only; null when the tables match. */
  firstDifference: string | null;
}

/**
 * Compares every application table of source and target: row counts, and a SHA-256 over the
 * rows in primary key order with each row as canonical JSON (see canonicalRow), so that the
 * same data hashes the same on SQLite and PostgreSQL.
 */
export async function compareTables(
  source: DatabaseView,
  target: DatabaseView,
  options: { batchSize: number; onTable?: (comparison: TableComparison) => void },
): Promise<TableComparison[]> {
  const comparisons: TableComparison[] = [];

  for (const table of APPLICATION_TABLES) {
    const comparison = await compareTable(source, target, table, options.batchSize);
    comparisons.push(comparison);
    options.onTable?.(comparison);
  }

  return comparisons;
}

async function compareTable(source: DatabaseView, target: DatabaseView, table: ApplicationTable, batchSize: number): Promise<TableComparison> {
  const sourceRows = readRowsInKeyOrder(source.db, source.engine, table, batchSize);
  const targetRows = readRowsInKeyOrder(target.db, target.engine, table, batchSize);
  const sourceSide = new HashedSide();
  const targetSide = new HashedSide();
  let firstDifference: string | null = null;

  for (;;) {
    const [sourceRow, targetRow] = await Promise.all([sourceRows.next(), targetRows.next()]);
    if (sourceRow.done && targetRow.done) break;

    const sourceLine = sourceRow.done ? null : sourceSide.add(sourceRow.value);
    const targetLine = targetRow.done ? null : targetSide.add(targetRow.value);

    if (firstDifference === null && sourceLine !== targetLine) {
      firstDifference = describeKey(table, sourceRow.done ? targetRow.value : sourceRow.value);
    }
  }

  return {
    table: table.name,
    sourceRows: sourceSide.rows,
    targetRows: targetSide.rows,
    sourceSha256: sourceSide.digest(),
    targetSha256: targetSide.digest(),
    firstDifference,
  };
}

class HashedSide {
  readonly #hash: Hash = createHash('sha256');
  rows = 0;

  add(row: Row): string {
    const line = canonicalRow(row);
    this.#hash.update(line).update('\n');
    this.rows++;
    return line;
  }

  digest(): string {
    return this.#hash.digest('hex');
  }
}

/**
 * Writes a row as JSON with its columns sorted by name. Numbers become decimal strings,
 * because PostgreSQL's int8 may arrive as a string where SQLite gives a number, and bytes
 * become {"base64": …} whether the driver returns a Buffer or a plain Uint8Array.
 */
export function canonicalRow(row: Row): string {
  const columns = Object.keys(row).sort();
  return JSON.stringify(columns.map((column) => [column, canonicalValue(row[column], column)]));
}

function canonicalValue(value: unknown, column: string): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Uint8Array) return { base64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };

  throw new Error(`Column ${column} contains ${Object.prototype.toString.call(value)}, which the copy check cannot compare. Expected text, a number or bytes.`);
}
