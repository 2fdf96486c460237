import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { engineOf, type Engine } from './engine.js';
import { openPostgres, type PostgresOptions } from './postgres-connection.js';
import { openSqlite } from './sqlite-connection.js';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  /**
   * Resolves once every transaction committed so far survives a power failure. PostgreSQL
   * commits durably already. SQLite commits without fsync, so its WAL is synced here.
   */
  syncCommits(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseOptions = Partial<PostgresOptions>;

const DEFAULT_POSTGRES_OPTIONS: PostgresOptions = {
  poolMax: 10,
  statementTimeoutMs: 30_000,
  applicationName: 'congvan',
};

/** Opens the database a CONGVAN_DATABASE_URL names: `sqlite:FILE` or `postgres://…`. */
export function openDatabase(databaseUrl: string, options: DatabaseOptions = {}): DatabaseHandle {
  const engine = engineOf(databaseUrl);

  if (engine === 'postgres') {
    const { db } = openPostgres(databaseUrl, { ...DEFAULT_POSTGRES_OPTIONS, ...options });
    return { db, engine, syncCommits: () => Promise.resolve(), close: () => db.destroy() };
  }

  const { db, walSync } = openSqlite(databaseUrl.slice('sqlite:'.length));
  return {
    db,
    engine,
    syncCommits: () => walSync.sync(),
    // A command such as `users add` ends here: while a server keeps the database open, closing
    // this connection does not checkpoint the WAL, so its commits are synced first.
    close: async () => {
      try {
        await walSync.sync();
      } finally {
        await walSync.close();
        await db.destroy();
      }
    },
  };
}
