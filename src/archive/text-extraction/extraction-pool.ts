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

// JavaScript dependencies of the worker module, which the bootstrap imports before it registers
// tsx and with source maps off. When tsx transformed them, or Node parsed the 8 MB of source maps
// that pdfjs ships, a warm thread added 300 to 400 MiB to the process's resident memory. Loaded
// this way, it adds about 80 MiB (pdfjs-dist 5.6, tsx 4, Node 20.20, 2-core test machine).
// pdfjs later imports pdf.worker.mjs by the same URL, so it comes from the module cache.
const dependencyUrls = ['pdfjs-dist/legacy/build/pdf.mjs', 'pdfjs-dist/legacy/build/pdf.worker.mjs', 'mammoth'].map((specifier) =>
  import.meta.resolve(specifier),
);

// Node 20 aborts the whole process when a worker thread is terminated while it has an open node:zlib
// handle (`close before init` in node_zlib.cc), and the pool terminates a thread on every timeout.
// pdfjs inflates with DecompressionStream, which is node:zlib, when it exists, and with its own
// JavaScript inflater otherwise, so the bootstrap removes it. The DOCX size check uses fflate.
const BOOTSTRAP = `
import { workerData } from 'node:worker_threads';
delete globalThis.DecompressionStream;
delete globalThis.CompressionStream;
process.setSourceMapsEnabled(false);
for (const url of workerData.dependencyUrls) {
  await import(url);
}
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

// Young generation of a worker's heap in MiB. Beyond 8 MiB, each further MiB added about 1 MiB to
// the process's resident memory and nothing measurable to the speed. That was measured on a
// 2-core test machine with 250 one-page PDFs or DOCX files in a row, a 30-page PDF with a font
// per page, and a 150-page DOCX.
const MAX_YOUNG_GENERATION_MB = 8;

/**
 * Worker threads that parse document files, each with a heap limit. Starting a thread and loading
 * pdfjs under tsx took 0.4 to 0.6 s on a 2-core test machine, so threads are kept between files.
 * A thread that times out, runs out of memory or crashes is terminated, and a new one takes the
 * next file. A thread is also replaced after `JOBS_PER_WORKER` files or when its heap has grown.
 */
export class ExtractionPool {
  private readonly slots: Slot[] = [];
  private readonly queue: PendingJob[] = [];

  private readonly youngGenerationMb: number;

  constructor(
    private readonly maxHeapMb: number,
    private readonly maxThreads: number,
  ) {
    this.youngGenerationMb = Math.min(MAX_YOUNG_GENERATION_MB, Math.max(4, Math.floor(maxHeapMb / 8)));
  }

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
        dependencyUrls,
        moduleUrl: workerModuleUrl.href,
        tsxApiUrl: needsTypeScriptLoader ? import.meta.resolve('tsx/esm/api') : null,
      },
      resourceLimits: {
        maxOldGenerationSizeMb: this.maxHeapMb,
        maxYoungGenerationSizeMb: this.youngGenerationMb,
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

    if (slot.jobsDone >= JOBS_PER_WORKER || this.heapHasGrown(outcome)) {
      await this.finish(slot, { kind: 'crashed', detail: 'The worker thread was recycled.' });
      // The replacement loads while no file waits for it, as `warmUp` does.
      this.warmUp();
    }
    this.dispatch();
  }

  /**
   * Returns whether the thread's heap is still larger than half its old-generation limit plus its
   * young generation after a job. V8 keeps such a heap for a while after a large file. With the
   * default limits, a thread reserved 32 to 46 MiB after the fixtures and the 30-page test PDFs.
   */
  private heapHasGrown(outcome: JobOutcome): boolean {
    const thresholdMb = this.maxHeapMb / 2 + this.youngGenerationMb;

    return outcome.kind === 'reply' && outcome.reply.heapTotalBytes > thresholdMb * 1024 * 1024;
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
