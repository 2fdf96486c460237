import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containsFoldedWord } from '../../src/platform/database/text-search.js';
import { openTestContext, type TestContext } from '../helpers/test-context.js';

let opened: TestContext;

beforeAll(async () => {
  opened = await openTestContext('congvan-pg-index-');
});

afterAll(async () => {
  await opened?.close();
});

describe('PostgreSQL search index', () => {
  it('answers a substring search from the trigram index', async () => {
    const db = opened.ctx.db;

    const plan = await db.transaction().execute(async (trx) => {
      // On an empty table the planner prefers a scan; forbid it to see that the index can serve.
      await sql`set local enable_seqscan = off`.execute(trx);
      const query = trx.selectFrom('documents').select('id').where(containsFoldedWord('documents.search_text', 'lam dong')).compile();
      const explained = await sql<{ 'QUERY PLAN': string }>`explain ${sql.raw(query.sql.replace('$1', `'%lam dong%'`))}`.execute(trx);
      return explained.rows.map((row) => row['QUERY PLAN']).join('\n');
    });

    expect(plan).toContain('documents_search_trgm');
  });
});
