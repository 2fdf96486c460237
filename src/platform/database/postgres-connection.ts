import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export interface PostgresOptions {
  /** Connections this node may hold at once. */
  poolMax: number;
  /** A statement running longer than this is cancelled by the server. */
  statementTimeoutMs: number;
  /** Shown in pg_stat_activity, so a DBA can tell the nodes apart. */
  applicationName: string;
}

const INT8_OID = 20;

// COUNT(*) and SUM() return int8, which node-postgres gives as a string to keep precision.
// Every int8 this application reads is a count far below 2^53, so it is parsed as a number.
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

export function openPostgres(url: string, options: PostgresOptions): { db: Kysely<Database>; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolMax,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    statement_timeout: options.statementTimeoutMs,
    lock_timeout: options.statementTimeoutMs,
    idle_in_transaction_session_timeout: options.statementTimeoutMs * 2,
    application_name: options.applicationName,
    types,
  });

  // An idle client that loses its connection (a restarted server) emits here; without a
  // listener the process would crash. The pool drops the client and opens a new one on demand.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL idle connection failed: ${error.message}`);
  });

  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), pool };
}
