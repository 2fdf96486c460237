import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test/helpers/test-context.js';
import type { AppContext } from '../app-context.js';
import { claimJob, completeJob, enqueueJob, failJob } from './job-queue.js';
import { JobRunner } from './job-runner.js';
import { ManualClock } from '../../../test/helpers/manual-clock.js';

let opened: TestContext;
let nodeA: AppContext;
let nodeB: AppContext;
let clock: ManualClock;

beforeEach(async () => {
  clock = new ManualClock();
  opened = await openTestContext('congvan-jobs-', { nodeId: 'node-a', clock });
  nodeA = opened.ctx;
  nodeB = await opened.openNode('node-b', clock);
});

afterEach(async () => {
  await nodeB.close();
  await opened.close();
});

describe('job queue', () => {
  it('creates one job per dedupe key', async () => {
    expect(await enqueueJob(nodeA.db, clock.now(), { kind: 'demo', dedupeKey: 'once' })).toBe(true);
    expect(await enqueueJob(nodeB.db, clock.now(), { kind: 'demo', dedupeKey: 'once' })).toBe(false);

    const rows = await nodeA.db.selectFrom('jobs').select('id').execute();
    expect(rows).toHaveLength(1);
  });

  it('gives a claimed job to no other node until its lease expires', async () => {
    await enqueueJob(nodeA.db, clock.now(), { kind: 'demo', payload: { n: 1 } });

    const claimed = await claimJob(nodeA, ['demo'], 60_000);
    expect(claimed).toMatchObject({ kind: 'demo', payload: { n: 1 }, attempts: 1 });
    expect(await claimJob(nodeB, ['demo'], 60_000)).toBeNull();

    clock.advance(60_001);
    const takenOver = await claimJob(nodeB, ['demo'], 60_000);
    expect(takenOver).toMatchObject({ id: claimed!.id, attempts: 2 });

    // The first node comes back late: its result no longer counts.
    expect(await completeJob(nodeA, claimed!.id, { by: 'a' })).toBe(false);
    expect(await completeJob(nodeB, claimed!.id, { by: 'b' })).toBe(true);

    const row = await nodeA.db.selectFrom('jobs').selectAll().where('id', '=', claimed!.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'done', claimed_by: 'node-b', result: '{"by":"b"}' });
  });

  it('waits for a job that is not due yet', async () => {
    await enqueueJob(nodeA.db, clock.now(), { kind: 'demo', runAt: new Date(clock.now().getTime() + 5_000) });

    expect(await claimJob(nodeA, ['demo'], 60_000)).toBeNull();
    clock.advance(5_000);
    expect(await claimJob(nodeA, ['demo'], 60_000)).not.toBeNull();
  });

  it('retries a failed job later and gives up after its attempts', async () => {
    await enqueueJob(nodeA.db, clock.now(), { kind: 'demo', maxAttempts: 2 });

    const first = await claimJob(nodeA, ['demo'], 60_000);
    expect(await failJob(nodeA, first!, 'host unreachable', 30_000)).toBe('retry');
    expect(await claimJob(nodeA, ['demo'], 60_000)).toBeNull();

    clock.advance(30_000);
    const second = await claimJob(nodeB, ['demo'], 60_000);
    expect(second!.attempts).toBe(2);
    expect(await failJob(nodeB, second!, 'host unreachable', 30_000)).toBe('failed');

    const row = await nodeA.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', attempts: 2, last_error: 'host unreachable' });
  });
});

describe('scheduled jobs', () => {
  it('runs each slot once however many nodes poll', async () => {
    const runs: string[] = [];
    const runnerFor = (ctx: AppContext) =>
      new JobRunner(ctx).schedule({ name: 'tick', intervalMs: 60_000, run: async (nodeCtx) => runs.push(nodeCtx.config.nodeId) });
    // One after the other: two SQLite connections in one process would wait on each other's
    // write lock synchronously. The two-node test polls concurrently on PostgreSQL.
    const pollAll = async () => {
      for (const runner of [runnerFor(nodeA), runnerFor(nodeB)]) await runner.runDue();
    };

    await pollAll();
    await pollAll();
    expect(runs).toHaveLength(1);

    clock.advance(60_000);
    await pollAll();
    expect(runs).toHaveLength(2);
  });
});
