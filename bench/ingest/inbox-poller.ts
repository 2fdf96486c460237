import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiClient } from '../../test/helpers/api-client.js';
import type { PollStats } from './measure-server.js';

const RESOLVE_CONCURRENCY = 4;

interface DocumentPage {
  items: { id: string }[];
  total: number;
}

/**
 * Polls the inbox API, `GET /api/v1/documents?box=incoming`, every `intervalMs` and stores when
 * each document id first appeared. A poll reads the newest page, and further pages only while
 * it has seen fewer ids than the `total` the API reports. A quiet inbox therefore costs one
 * small request per interval.
 */
export class InboxPoller {
  readonly #firstSeen = new Map<string, number>();
  #total = 0;
  #running = false;
  #loop: Promise<void> | null = null;
  #failures = 0;
  #requests = 0;
  #requestMs = 0;

  constructor(private readonly api: ApiClient, private readonly intervalMs = 50, private readonly pageSize = 5) {}

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

  /** Waits until `count` documents were seen and returns false on timeout. */
  async waitForCount(count: number, timeoutMs: number): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while (this.#firstSeen.size < count && performance.now() < deadline) await sleep(this.intervalMs);

    return this.#firstSeen.size >= count;
  }

  /**
   * Finds each token's document through the search parameter `q`, which matches the attachment
   * file name, and returns token → first-seen time. A token with no match, or with more than
   * one, is left out.
   */
  async arrivalsByToken(tokens: string[]): Promise<Map<string, number>> {
    const arrivals = new Map<string, number>();
    let next = 0;

    const worker = async () => {
      while (next < tokens.length) {
        const token = tokens[next++]!;
        const page = await this.api.json<DocumentPage>('GET', `/api/v1/documents?box=incoming&pageSize=5&q=${encodeURIComponent(token)}`);
        const seenMs = page.items.length === 1 ? this.#firstSeen.get(page.items[0]!.id) : undefined;
        if (seenMs !== undefined) arrivals.set(token, seenMs);
      }
    };
    await Promise.all(Array.from({ length: RESOLVE_CONCURRENCY }, worker));

    return arrivals;
  }

  /** Sends `count` polls one after another and returns the server CPU time per poll, read with `readServerCpuMs`. */
  async measurePollCpuMs(count: number, readServerCpuMs: () => number): Promise<number> {
    const before = readServerCpuMs();
    for (let poll = 0; poll < count; poll++) {
      await this.api.json<DocumentPage>('GET', `/api/v1/documents?box=incoming&pageSize=${this.pageSize}&page=1`);
    }

    return (readServerCpuMs() - before) / count;
  }

  async #run(): Promise<void> {
    while (this.#running) {
      const started = performance.now();
      try {
        await this.#pollOnce();
      } catch {
        this.#failures++;
      }
      await sleep(Math.max(0, this.intervalMs - (performance.now() - started)));
    }
  }

  async #pollOnce(): Promise<void> {
    const maxPages = Math.max(1, Math.ceil(this.#total / this.pageSize) + 1);

    for (let page = 1; page <= maxPages; page++) {
      const requestedMs = performance.now();
      const body = await this.api.json<DocumentPage>('GET', `/api/v1/documents?box=incoming&pageSize=${this.pageSize}&page=${page}`);
      const receivedMs = performance.now();
      this.#requests++;
      this.#requestMs += receivedMs - requestedMs;
      this.#total = body.total;
      for (const item of body.items) {
        if (!this.#firstSeen.has(item.id)) this.#firstSeen.set(item.id, receivedMs);
      }
      if (this.#firstSeen.size >= body.total || body.items.length < this.pageSize) return;
    }
  }
}
