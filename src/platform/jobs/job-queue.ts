import type { AppContext } from '../app-context.js';
import { skipLockedRows } from '../database/row-locks.js';
import type { Db } from '../database/connection.js';
import { newId } from '../ids.js';
import { signalJobsEnqueued } from './job-signal.js';

export interface NewJob {
  kind: string;
  payload?: unknown;
  runAt?: Date;
  /** A second job with the same key is not created; scheduled slots use this to run once. */
  dedupeKey?: string;
  maxAttempts?: number;
}

export interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

const DEFAULT_MAX_ATTEMPTS = 5;

/** Adds a job; returns false when a job with the same dedupe key already exists. */
export async function enqueueJob(db: Db, now: Date, job: NewJob): Promise<boolean> {
  const result = await db
    .insertInto('jobs')
    .values({
      id: newId(),
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? {}),
      dedupe_key: job.dedupeKey ?? null,
      status: 'pending',
      run_at: (job.runAt ?? now).toISOString(),
      max_attempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      claimed_by: null,
      lease_expires_at: null,
      last_error: null,
      result: null,
      created_at: now.toISOString(),
      finished_at: null,
    })
    .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
    .executeTakeFirst();

  const created = Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  if (created) signalJobsEnqueued();
  return created;
}

/**
 * Claims the oldest due job of the given kinds for this node: a pending job whose time has
 * come, or a running job whose lease expired because its node died. Other nodes' claims are
 * skipped, not waited for.
 */
export async function claimJob(ctx: AppContext, kinds: string[], leaseMs: number): Promise<ClaimedJob | null> {
  if (kinds.length === 0) return null;
  const now = ctx.clock.now();

  return ctx.db.transaction().execute(async (trx) => {
    const due = trx
      .selectFrom('jobs')
      .select(['id', 'kind', 'payload', 'attempts', 'max_attempts'])
      .where('kind', 'in', kinds)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now.toISOString())]),
          eb.and([eb('status', '=', 'running'), eb('lease_expires_at', '<', now.toISOString())]),
        ]),
      )
      .orderBy('run_at')
      .limit(1);
    const job = await skipLockedRows(due, ctx.engine).executeTakeFirst();
    if (!job) return null;

    await trx
      .updateTable('jobs')
      .set({
        status: 'running',
        attempts: job.attempts + 1,
        claimed_by: ctx.config.nodeId,
        lease_expires_at: new Date(now.getTime() + leaseMs).toISOString(),
      })
      .where('id', '=', job.id)
      .execute();

    return { id: job.id, kind: job.kind, payload: JSON.parse(job.payload) as unknown, attempts: job.attempts + 1, maxAttempts: job.max_attempts };
  });
}

/** Extends this node's lease on a running job; false when the job is no longer this node's. */
export async function renewJobLease(ctx: AppContext, jobId: string, leaseMs: number): Promise<boolean> {
  const result = await ctx.db
    .updateTable('jobs')
    .set({ lease_expires_at: new Date(ctx.clock.now().getTime() + leaseMs).toISOString() })
    .where('id', '=', jobId)
    .where('status', '=', 'running')
    .where('claimed_by', '=', ctx.config.nodeId)
    .executeTakeFirst();

  return Number(result.numUpdatedRows) === 1;
}

/** Marks this node's job done with its result; false when another node took it over meanwhile. */
export async function completeJob(ctx: AppContext, jobId: string, result: unknown): Promise<boolean> {
  const updated = await ctx.db
    .updateTable('jobs')
    .set({ status: 'done', result: JSON.stringify(result ?? null), finished_at: ctx.clock.now().toISOString(), lease_expires_at: null, last_error: null })
    .where('id', '=', jobId)
    .where('claimed_by', '=', ctx.config.nodeId)
    .where('status', '=', 'running')
    .executeTakeFirst();

  return Number(updated.numUpdatedRows) === 1;
}

/**
 * Records a failed attempt: the job runs again after `retryAfterMs`, or is marked failed once
 * it has used its attempts.
 */
export async function failJob(ctx: AppContext, job: ClaimedJob, error: string, retryAfterMs: number): Promise<'retry' | 'failed'> {
  const now = ctx.clock.now();
  const outcome = job.attempts >= job.maxAttempts ? 'failed' : 'retry';

  await ctx.db
    .updateTable('jobs')
    .set(
      outcome === 'failed'
        ? { status: 'failed', last_error: error, finished_at: now.toISOString(), lease_expires_at: null }
        : { status: 'pending', last_error: error, run_at: new Date(now.getTime() + retryAfterMs).toISOString(), lease_expires_at: null, claimed_by: null },
    )
    .where('id', '=', job.id)
    .where('claimed_by', '=', ctx.config.nodeId)
    .execute();

  return outcome;
}

/** Deletes finished jobs older than `keepMs`; failed jobs stay until an operator looks at them. */
export async function removeFinishedJobs(ctx: AppContext, keepMs: number): Promise<number> {
  const before = new Date(ctx.clock.now().getTime() - keepMs).toISOString();
  const result = await ctx.db.deleteFrom('jobs').where('status', '=', 'done').where('finished_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
