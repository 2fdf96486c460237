import { readdirSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PollStats } from './measure-server.js';

const HEADER_BYTES = 8192;

/**
 * Lists a Maildir `new/` folder every `intervalMs` and stores when each file was first listed,
 * which is when Postfix's delivery of that message became visible to a mail reader.
 */
export class MaildirPoller {
  readonly #firstSeen = new Map<string, number>();
  #running = false;
  #loop: Promise<void> | null = null;
  #failures = 0;
  #requests = 0;
  #requestMs = 0;

  constructor(private readonly folder: string, private readonly intervalMs = 50) {}

  start(): void {
    this.#running = true;
    this.#loop = this.#run();
  }

  async stop(): Promise<void> {
    this.#running = false;
    await this.#loop;
  }

  seenCount(): number {
    return this.#firstSeen.size;
  }

  pollStats(): PollStats {
    return { requests: this.#requests, failed: this.#failures, meanRequestMs: this.#requests > 0 ? this.#requestMs / this.#requests : null };
  }

  /** Waits until `count` files were seen and returns false on timeout. */
  async waitForCount(count: number, timeoutMs: number): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while (this.#firstSeen.size < count && performance.now() < deadline) await sleep(this.intervalMs);

    return this.#firstSeen.size >= count;
  }

  /** Maps each seen file to its `X-Bench-Token` header value and returns token → first-seen time. */
  async arrivalsByToken(_tokens: string[]): Promise<Map<string, number>> {
    const arrivals = new Map<string, number>();

    for (const [name, seenMs] of this.#firstSeen) {
      const token = await readBenchToken(path.join(this.folder, name));
      if (token) arrivals.set(token, seenMs);
    }

    return arrivals;
  }

  async #run(): Promise<void> {
    while (this.#running) {
      const started = performance.now();
      try {
        const names = readdirSync(this.folder);
        const listedMs = performance.now();
        this.#requests++;
        this.#requestMs += listedMs - started;
        for (const name of names) {
          if (!this.#firstSeen.has(name)) this.#firstSeen.set(name, listedMs);
        }
      } catch {
        this.#failures++;
      }
      await sleep(Math.max(0, this.intervalMs - (performance.now() - started)));
    }
  }
}

async function readBenchToken(file: string): Promise<string | null> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEADER_BYTES, 0);
    const headers = buffer.subarray(0, bytesRead).toString('latin1').split(/\r?\n\r?\n/)[0]!;

    return /^X-Bench-Token:\s*(\S+)/im.exec(headers)?.[1] ?? null;
  } finally {
    await handle.close();
  }
}
