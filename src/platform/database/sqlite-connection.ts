import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { SqliteImmediateDialect } from './sqlite-immediate-dialect.js';

// A writer waits this long for another process's lock before SQLite reports SQLITE_BUSY.
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/** Opens the embedded database file in WAL mode with full fsync and foreign keys enforced. */
export function openSqlite(file: string): Kysely<Database> {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });

  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);

  return new Kysely<Database>({ dialect: new SqliteImmediateDialect({ database: sqlite }) });
}
