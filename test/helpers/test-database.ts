import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The engine a test runs on. CONGVAN_TEST_POSTGRES_URL names a PostgreSQL account allowed to
 * create databases. With CONGVAN_TEST_ENGINE=postgres as well, every test database is a fresh
 * PostgreSQL database that is dropped afterwards; otherwise the application's own default
 * applies (a SQLite file in the data folder).
 */
export const TEST_POSTGRES_URL = process.env.CONGVAN_TEST_POSTGRES_URL || null;
export const TEST_ENGINE: 'sqlite' | 'postgres' = process.env.CONGVAN_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

if (TEST_ENGINE === 'postgres' && !TEST_POSTGRES_URL) {
  throw new Error('CONGVAN_TEST_ENGINE=postgres needs CONGVAN_TEST_POSTGRES_URL, e.g. postgres://USER@127.0.0.1:5432/postgres.');
}

export interface TestDatabase {
  /** Variables that point the application at this database: empty for SQLite. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (TEST_ENGINE === 'sqlite') return { env: {}, drop: async () => {} };

  const database = await createPostgresDatabase();
  // The blob store follows the engine unless a run sets another (fs: on a shared folder).
  const blobStore = process.env.CONGVAN_TEST_BLOB_STORE || 'pg';

  return { env: { CONGVAN_DATABASE_URL: database.url, CONGVAN_BLOB_STORE: blobStore }, drop: database.drop };
}

/** Creates an empty PostgreSQL database, whatever the engine of the run; for PostgreSQL-only tests. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!TEST_POSTGRES_URL) throw new Error('Set CONGVAN_TEST_POSTGRES_URL to run PostgreSQL tests.');

  const name = `congvan_test_${randomBytes(6).toString('hex')}`;
  await administer(`create database ${name}`);

  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;

  return { url: url.toString(), drop: () => dropDatabase(name) };
}

// `with (force)` also terminates an autovacuum worker that happens to be in the database, which a
// role without pg_signal_backend may not do (SQLSTATE 42501). Such a worker finishes within
// moments, so the drop is tried again.
const DROP_ATTEMPTS = 20;
const DROP_RETRY_MS = 250;

async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await administer(`drop database if exists ${name} with (force)`);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= DROP_ATTEMPTS || (code !== '42501' && code !== '55006')) throw error;
      await new Promise((resolve) => setTimeout(resolve, DROP_RETRY_MS));
    }
  }
}

async function administer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL! });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
