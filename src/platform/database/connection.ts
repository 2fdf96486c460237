import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { engineOf, type Engine } from './engine.js';
import { SqliteImmediateDialect } from './sqlite-immediate-dialect.js';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
}

// A writer waits this long for another process's lock before SQLite reports SQLITE_BUSY.
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

export function openDatabase(databaseUrl: string): DatabaseHandle {
  const engine = engineOf(databaseUrl);

  if (engine === 'postgres') {
    // TODO: the PostgreSQL dialect (pg pool, statement timeouts) arrives with scale-out support.
    throw new Error('PostgreSQL is not supported yet: set CONGVAN_DATABASE_URL to sqlite:/path/file.sqlite.');
  }

  const file = databaseUrl.slice('sqlite:'.length);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });

  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);

  const db = new Kysely<Database>({ dialect: new SqliteImmediateDialect({ database: sqlite }) });

  return { db, engine, close: () => db.destroy() };
}
