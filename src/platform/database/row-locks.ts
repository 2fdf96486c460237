import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from './connection.js';
import type { Engine } from './engine.js';

/**
 * Makes a claiming SELECT skip rows another transaction holds, so that several nodes take
 * different rows instead of queueing behind each other. SQLite has one writer at a time (every
 * transaction begins IMMEDIATE), so there the query is unchanged.
 */
export function skipLockedRows<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, engine: Engine): SelectQueryBuilder<DB, TB, O> {
  return engine === 'postgres' ? query.forUpdate().skipLocked() : query;
}

/**
 * Serialises transactions that name the same key until they commit, such as the registrations
 * for one organization. On PostgreSQL this takes transaction-scoped advisory locks in a fixed
 * order, so two transactions that share several keys cannot deadlock. SQLite needs nothing: a
 * writing transaction holds the whole database.
 */
export async function lockKeys(trx: Db, engine: Engine, keys: string[]): Promise<void> {
  if (engine === 'sqlite') return;

  for (const key of [...new Set(keys)].sort()) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
  }
}
