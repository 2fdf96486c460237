import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

import { errorDetail } from './error-detail.js';
import type { ExtractionJob, ExtractionReply } from './extraction-worker.js';

export type JobOutcome =
  | { kind: 'reply'; reply: ExtractionReply }
  | { kind: 'timeout' }
  | { kind: 'out-of-memory'; detail: string }
  | { kind: 'crashed'; detail: string };

type PendingJob = {
  job: ExtractionJob;
  timeoutMs: number;
  resolve: (outcome: JobOutcome) => void;
};

type Slot = {
  worker: Worker;
  ready: Promise<void>;
  current: { job: PendingJob; timer: NodeJS.Timeout } | null;
  jobsDone: number;
};

// The worker module is TypeScript when this file runs from source (under tsx or vitest) and
// JavaScript once compiled. A worker thread does not inherit the tsx loader of a parent started
// with `node --import tsx` (checked on Node 20.20), so the bootstrap registers tsx itself.
const workerModuleUrl = new URL(`./extraction-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

const BOOTSTRAP = `
import { workerData } from 'node:worker_threads';
if (workerData.tsxApiUrl) {
  const tsx = await import(workerData.tsxApiUrl);
  tsx.register();
}
await import(workerData.moduleUrl);
`;

const bootstrapUrl = new URL(`data:text/javascript,${encodeURIComponent(BOOTSTRAP)}`);

// A worker is replaced after this many files, so that memory pdfjs or mammoth leave behind
// cannot pile up.
const JOBS_PER_WORKER = 200;

/**
 * Worker threads that parse document files, each with a heap limit. Starting a thread and loading
 * pdfjs under tsx took 1.4 to 3.3 s on a 2-core test machine, so threads are kept between files.
 * A thread that times out, runs out of memory or crashes is terminated, and a new one takes the
 * next file.
 */
export class ExtractionPool {
  private readonly slots: Slot[] = [];
  private readonly queue: PendingJob[] = [];

  constructor(
    private readonly maxHeapMb: number,
    private readonly maxThreads: number,
  ) {}

  /** Runs a job on an idle thread, or queues it. `timeoutMs` counts from the start of the run. */
  run(job: ExtractionJob, timeoutMs: number): Promise<JobOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ job, timeoutMs, resolve });
      this.dispatch();
    });
  }

  /** Starts a thread ahead of the first file, so that the first file does not wait for it. */
  warmUp(): void {
    if (this.slots.length > 0) {
      return;
    }

    try {
      this.startSlot();
    } catch {
      // The first run starts a thread again and reports the failure in its outcome.
    }
  }

  /** Terminates all threads and resolves the running and queued jobs as crashed. */
  async close(): Promise<void> {
    const closed: JobOutcome = { kind: 'crashed', detail: 'The extraction pool was closed.' };
    this.resolveQueue(closed);

    await Promise.all([...this.slots].map((slot) => this.finish(slot, closed)));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot: Slot | null;
      try {
        slot = this.slots.find((candidate) => candidate.current === null) ?? this.startSlot();
      } catch (error) {
        this.resolveQueue({ kind: 'crashed', detail: `Starting a worker thread failed: ${errorDetail(error)}` });

        return;
      }
      if (slot === null) {
        return;
      }

      const pending = this.queue.shift();
      if (pending === undefined) {
        return;
      }
      this.start(slot, pending);
    }
  }

  private resolveQueue(outcome: JobOutcome): void {
    for (const pending of this.queue.splice(0)) {
      pending.resolve(outcome);
    }
  }

  private startSlot(): Slot | null {
    if (this.slots.length >= this.maxThreads) {
      return null;
    }

    const needsTypeScriptLoader = workerModuleUrl.pathname.endsWith('.ts');
    const worker = new Worker(bootstrapUrl, {
      workerData: {
        moduleUrl: workerModuleUrl.href,
        tsxApiUrl: needsTypeScriptLoader ? import.meta.resolve('tsx/esm/api') : null,
      },
      resourceLimits: {
        maxOldGenerationSizeMb: this.maxHeapMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.floor(this.maxHeapMb / 8))),
        stackSizeMb: 4,
      },
    });
    const slot: Slot = {
      worker,
      ready: new Promise((resolve) => worker.once('message', () => resolve())),
      current: null,
      jobsDone: 0,
    };

    worker.on('message', (message: ExtractionReply | 'ready') => {
      if (message !== 'ready' && slot.current?.job.job.id === message.id) {
        void this.complete(slot, { kind: 'reply', reply: message });
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const outcome: JobOutcome =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { kind: 'out-of-memory', detail: errorDetail(error) }
          : { kind: 'crashed', detail: errorDetail(error) };
      void this.finish(slot, outcome);
    });
    worker.on('exit', (code) => {
      void this.finish(slot, { kind: 'crashed', detail: `The worker thread exited with code ${code}.` });
    });

    // An idle thread must not keep the process alive, but a running job's timer does. Attaching
    // a 'message' listener refs the worker again, so this comes after the listeners.
    worker.unref();
    this.slots.push(slot);

    return slot;
  }

  private start(slot: Slot, pending: PendingJob): void {
    const timer = setTimeout(() => void this.finish(slot, { kind: 'timeout' }), pending.timeoutMs);
    slot.current = { job: pending, timer };

    void slot.ready.then(() => {
      if (slot.current?.job === pending) {
        slot.worker.postMessage(pending.job, [pending.job.bytes.buffer as ArrayBuffer]);
      }
    });
  }

  private async complete(slot: Slot, outcome: JobOutcome): Promise<void> {
    const current = slot.current;
    if (current === null) {
      return;
    }

    clearTimeout(current.timer);
    slot.current = null;
    slot.jobsDone++;
    current.job.resolve(outcome);

    if (slot.jobsDone >= JOBS_PER_WORKER) {
      await this.finish(slot, { kind: 'crashed', detail: 'The worker thread was recycled.' });
    }
    this.dispatch();
  }

  /** Removes a thread for good and resolves its running job, if any, with `outcome`. */
  private async finish(slot: Slot, outcome: JobOutcome): Promise<void> {
    const index = this.slots.indexOf(slot);
    if (index < 0) {
      return;
    }
    this.slots.splice(index, 1);

    const current = slot.current;
    slot.current = null;
    if (current !== null) {
      clearTimeout(current.timer);
      current.job.resolve(outcome);
    }

    await slot.worker.terminate();
    this.dispatch();
  }
}

const pools = new Map<number, ExtractionPool>();

/** Returns the shared pool for threads with the given heap limit, creating it on first use. */
export function extractionPool(maxHeapMb: number): ExtractionPool {
  let pool = pools.get(maxHeapMb);
  if (pool === undefined) {
    pool = new ExtractionPool(maxHeapMb, Math.max(1, Math.min(4, availableParallelism() - 1)));
    pools.set(maxHeapMb, pool);
  }

  return pool;
}
