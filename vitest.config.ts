import { defineConfig } from 'vitest/config';

// Tests under test/postgres/ need PostgreSQL itself (two nodes, migrate-data), so they belong
// to the PostgreSQL pass only; the other tests run in both passes.
const postgresPass = process.env.CONGVAN_TEST_ENGINE === 'postgres';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: postgresPass ? ['**/node_modules/**'] : ['**/node_modules/**', 'test/postgres/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Tests and the servers they start ask no name server, only CONGVAN_DNS_RECORDS, so a
    // fixture's real-looking domain never waits on DNS. Child processes inherit this variable.
    env: { CONGVAN_DNS_SERVERS: 'none' },
    reporters: ['default'],
  },
});
