import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The engine a test runs on. With CONGVAN_TEST_POSTGRES_URL set (an account allowed to create
 * databases), every test database is a fresh PostgreSQL database that is dropped afterwards;
 * otherwise the application's own default applies (a SQLite file in the data folder).
 */
export const TEST_POSTGRES_URL = process.env.CONGVAN_TEST_POSTGRES_URL || null;

export interface TestDatabase {
  /** Variables that point the application at this database: empty for SQLite. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!TEST_POSTGRES_URL) return { env: {}, drop: async () => {} };

  const name = `congvan_test_${randomBytes(6).toString('hex')}`;
  await administer(`create database ${name}`);

  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;

  // The blob store follows the engine unless a run asks for another (fs: on a shared folder).
  const blobStore = process.env.CONGVAN_TEST_BLOB_STORE || 'pg';

  return {
    env: { CONGVAN_DATABASE_URL: url.toString(), CONGVAN_BLOB_STORE: blobStore },
    drop: () => administer(`drop database if exists ${name} with (force)`),
  };
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
