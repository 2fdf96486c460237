import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DatabaseReader } from './database-reader.js';

export interface ProgressSample {
  /** performance.now() of the poll. */
  atMs: number;
  /** Remote recipients of the sender marked `delivered`. */
  delivered: number;
  /** Remote recipients in any other final state: `failed` or `withdrawn`. */
  failed: number;
  /** The sender's outbound delivery jobs not finished yet: the delivery queue. */
  jobsWaiting: number;
  /** Copies registered in the receiver's incoming registers. */
  registered: number;
}

/**
 * Polls the sender's and the receiver's databases every `intervalMs` and keeps every sample, so
 * that the report shows how the delivery queue grew and drained. Records when the counts first
 * reached the expected totals.
 */
export class DeliveryProgress {
  readonly samples: ProgressSample[] = [];
  allDeliveredMs: number | null = null;
  allRegisteredMs: number | null = null;
  #timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly sender: DatabaseReader,
    private readonly receiver: DatabaseReader,
    private readonly expected: number,
    private readonly intervalMs = 50,
  ) {}

  // better-sqlite3 reads synchronously, so each sample is complete before the next timer fires.
  start(): void {
    this.#sample();
    this.#timer = setInterval(() => this.#sample(), this.intervalMs);
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  latest(): ProgressSample | null {
    return this.samples.at(-1) ?? null;
  }

  /** Waits until every delivery is final in the sender and registered in the receiver, and returns false on timeout. */
  async waitUntilDone(timeoutMs: number): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while (!this.#done() && performance.now() < deadline) await sleep(this.intervalMs);

    return this.#done();
  }

  #done(): boolean {
    const latest = this.latest();
    if (!latest) return false;

    return latest.delivered + latest.failed >= this.expected && (latest.registered >= this.expected || latest.failed > 0);
  }

  #sample(): void {
    const counts = this.sender.remoteRecipientCounts();
    const sample: ProgressSample = {
      atMs: performance.now(),
      delivered: counts.get('delivered') ?? 0,
      failed: (counts.get('failed') ?? 0) + (counts.get('withdrawn') ?? 0),
      jobsWaiting: this.sender.outboundJobsWaiting(),
      registered: this.receiver.registeredCopies(),
    };
    this.samples.push(sample);

    if (this.allDeliveredMs === null && sample.delivered >= this.expected) this.allDeliveredMs = sample.atMs;
    if (this.allRegisteredMs === null && sample.registered >= this.expected) this.allRegisteredMs = sample.atMs;
  }
}
