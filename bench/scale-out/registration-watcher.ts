import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../../src/platform/database/connection.js';
import { countDeliveries } from './register-check.js';

export interface CountSample {
  /** performance.now() when the count query returned. */
  atMs: number;
  count: number;
}

/**
 * Counts an organization's deliveries in the database every `intervalMs`. A delivery row is
 * committed in the same transaction as its register number, so the count is the number of
 * messages registered so far. Reading the database directly costs the server no CPU, unlike
 * polling the inbox API.
 */
export class RegistrationWatcher {
  readonly samples: CountSample[] = [];
  #running = false;
  #loop: Promise<void> | null = null;
  #failures = 0;

  constructor(private readonly db: Db, private readonly organizationId: string, private readonly intervalMs: number) {}

  start(): void {
    this.#running = true;
    this.#loop = this.#run();
  }

  async stop(): Promise<void> {
    this.#running = false;
    await this.#loop;
  }

  failures(): number {
    return this.#failures;
  }

  latestCount(): number {
    return this.samples.at(-1)?.count ?? 0;
  }

  /** Waits until the count reaches `count` and returns the time of the first sample that showed it, or null on timeout. */
  async waitForCount(count: number, timeoutMs: number): Promise<number | null> {
    const deadline = performance.now() + timeoutMs;

    while (performance.now() < deadline) {
      const reached = this.samples.find((sample) => sample.count >= count);
      if (reached) return reached.atMs;
      await sleep(this.intervalMs);
    }

    return null;
  }

  async #run(): Promise<void> {
    while (this.#running) {
      const started = performance.now();
      try {
        const count = await countDeliveries(this.db, this.organizationId);
        this.samples.push({ atMs: performance.now(), count });
      } catch {
        this.#failures++;
      }
      await sleep(Math.max(0, this.intervalMs - (performance.now() - started)));
    }
  }
}
