import { sql, type Kysely, type Migration } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * What several nodes on one database need: leases on claimed messages, a job queue (which also runs
 * each scheduled slot once across all nodes), blobs kept in the database, and on
 * PostgreSQL a trigram index so that substring search does not scan every document.
 */
export function scaleOutMigration(engine: Engine): Migration {
  return { up: (db) => up(db, engine) };
}

async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema.alterTable('messages').addColumn('claimed_by', 'text').execute();
  await db.schema.alterTable('messages').addColumn('lease_expires_at', 'text').execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('lease_expires_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('result', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute();

  const bytes = engine === 'postgres' ? 'bytea' : 'blob';
  await db.schema
    .createTable('blobs')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('chunk_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('blob_chunks')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('chunk_index', 'integer', (c) => c.notNull())
    .addColumn('data', sql.raw(bytes), (c) => c.notNull())
    .addPrimaryKeyConstraint('blob_chunks_pk', ['sha256', 'chunk_index'])
    .execute();

  if (engine === 'postgres') {
    // Both extensions are trusted (PostgreSQL 13+), so the database owner may create them.
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index documents_search_trgm on documents using gin (search_text gin_trgm_ops)`.execute(db);
  }
}
