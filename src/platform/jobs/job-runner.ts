import type { AppContext } from '../app-context.js';
import { logger } from '../logger.js';
import { claimJob, completeJob, enqueueJob, failJob, renewJobLease, type ClaimedJob } from './job-queue.js';
import { onJobsEnqueued } from './job-signal.js';

const log = logger('jobs');

export type JobHandler = (ctx: AppContext, payload: unknown, job: ClaimedJob) => Promise<unknown>;

/** A job that runs every `intervalMs`, once per interval across all nodes. */
export interface Schedule {
  name: string;
  intervalMs: number;
  maxAttempts?: number;
  run: (ctx: AppContext) => Promise<unknown>;
}

export interface JobRunnerOptions {
  pollIntervalMs?: number;
  /** Jobs this node runs at once, such as deliveries to several servers. */
  concurrency?: number;
  leaseMs?: number;
  /** Delay before the n-th retry: doubles from this, capped at an hour. */
  retryBaseMs?: number;
}

const MAX_RETRY_DELAY_MS = 3600_000;
// A job enqueued on this node is usually committed within these delays; later ones wait for the poll.
const WAKE_DELAYS_MS = [20, 250];

/**
 * Runs jobs from the shared `jobs` table on this node, `concurrency` at a time. Every poll it also
 * enqueues the current slot of each schedule under a dedupe key made of the schedule's name and
 * the slot's start, so however many nodes poll, each slot becomes one job and runs once. A job
 * whose node dies is taken over by another node when its lease expires.
 */
export class JobRunner {
  readonly #handlers = new Map<string, JobHandler>();
  readonly #schedules: Schedule[] = [];
  readonly #pollIntervalMs: number;
  readonly #leaseMs: number;
  readonly #retryBaseMs: number;
  readonly #concurrency: number;
  #timer: NodeJS.Timeout | null = null;
  #running = false;
  #draining = false;
  #wakeRequested = false;
  #current: Promise<void> = Promise.resolve();
  #stopListening: (() => void) | null = null;

  constructor(private readonly ctx: AppContext, options: JobRunnerOptions = {}) {
    this.#pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.#leaseMs = options.leaseMs ?? 60_000;
    this.#retryBaseMs = options.retryBaseMs ?? 30_000;
    this.#concurrency = options.concurrency ?? 4;
  }

  handle(kind: string, handler: JobHandler): this {
    this.#handlers.set(kind, handler);
    return this;
  }

  schedule(schedule: Schedule): this {
    if (schedule.intervalMs < 1000) throw new Error(`Schedule ${schedule.name}: interval ${schedule.intervalMs} ms is below the 1 s minimum.`);
    this.#schedules.push(schedule);
    return this.handle(scheduleKind(schedule.name), (ctx) => schedule.run(ctx));
  }

  start(): void {
    this.#running = true;
    this.#stopListening = onJobsEnqueued(() => {
      for (const delay of WAKE_DELAYS_MS) setTimeout(() => this.#wake(), delay).unref();
    });
    this.#tick();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#stopListening?.();
    if (this.#timer) clearTimeout(this.#timer);
    await this.#current;
  }

  /** Enqueues due schedule slots and runs every due job; for tests and the next tick. */
  async runDue(): Promise<number> {
    await this.#enqueueScheduleSlots();

    let ran = 0;
    for (;;) {
      const job = await claimJob(this.ctx, [...this.#handlers.keys()], this.#leaseMs);
      if (!job) return ran;
      await this.#run(job);
      ran++;
    }
  }

  #wake(): void {
    if (!this.#running) return;
    if (this.#draining) {
      this.#wakeRequested = true;
      return;
    }
    if (this.#timer) clearTimeout(this.#timer);
    this.#tick();
  }

  #tick(): void {
    if (!this.#running) return;

    this.#draining = true;
    this.#current = this.#drain()
      .catch((error: unknown) => log.error({ err: error, nodeId: this.ctx.config.nodeId }, 'running due jobs failed'))
      .finally(() => {
        this.#draining = false;
        if (!this.#running) return;
        const delay = this.#wakeRequested ? 0 : this.#pollIntervalMs;
        this.#wakeRequested = false;
        this.#timer = setTimeout(() => this.#tick(), delay);
        this.#timer.unref();
      });
  }

  // Up to `concurrency` workers claim and run jobs until none is due.
  async #drain(): Promise<void> {
    await this.#enqueueScheduleSlots();

    const kinds = [...this.#handlers.keys()];
    const worker = async () => {
      while (this.#running) {
        const job = await claimJob(this.ctx, kinds, this.#leaseMs);
        if (!job) return;
        await this.#run(job);
      }
    };
    await Promise.all(Array.from({ length: this.#concurrency }, worker));
  }

  async #enqueueScheduleSlots(): Promise<void> {
    const now = this.ctx.clock.now();

    for (const schedule of this.#schedules) {
      const slot = new Date(Math.floor(now.getTime() / schedule.intervalMs) * schedule.intervalMs);
      await enqueueJob(this.ctx.db, now, {
        kind: scheduleKind(schedule.name),
        payload: { slot: slot.toISOString() },
        dedupeKey: `schedule:${schedule.name}@${slot.toISOString()}`,
        maxAttempts: schedule.maxAttempts ?? 3,
      });
    }
  }

  async #run(job: ClaimedJob): Promise<void> {
    const handler = this.#handlers.get(job.kind)!;
    const renewal = setInterval(() => {
      renewJobLease(this.ctx, job.id, this.#leaseMs).catch((error: unknown) => log.warn({ err: error, jobId: job.id }, 'renewing a job lease failed'));
    }, Math.max(this.#leaseMs / 3, 50));
    renewal.unref();

    try {
      const result = await handler(this.ctx, job.payload, job);
      const completed = await completeJob(this.ctx, job.id, result);
      if (completed) {
        log.info({ jobId: job.id, kind: job.kind, attempt: job.attempts, nodeId: this.ctx.config.nodeId, result }, 'job done');
      } else {
        log.warn({ jobId: job.id, kind: job.kind, nodeId: this.ctx.config.nodeId }, 'job finished after another node took it over');
      }
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const delay = Math.min(this.#retryBaseMs * 2 ** (job.attempts - 1), MAX_RETRY_DELAY_MS);
      const outcome = await failJob(this.ctx, job, detail, delay);
      // The handler logs what went wrong in its own terms; the stack helps only when debugging.
      log.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts, outcome, error: detail }, 'job failed');
      log.debug({ err: error, jobId: job.id }, 'job failure stack');
    } finally {
      clearInterval(renewal);
    }
  }
}

function scheduleKind(name: string): string {
  return `schedule:${name}`;
}
