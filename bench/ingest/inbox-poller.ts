import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiClient } from '../../test/helpers/api-client.js';
import type { PollStats } from './measure-server.js';

const RESOLVE_CONCURRENCY = 4;
// A document below the first page is looked for at most this often, so its time may be late by up to this much.
const CATCH_UP_INTERVAL_MS = 1000;
const CATCH_UP_PAGE_SIZE = 200;

interface DocumentPage {
  items: { id: string }[];
  total: number;
}

/**
 * Polls the inbox API, `GET /api/v1/documents?box=incoming`, every `intervalMs` and stores when
 * each document id first appeared. A poll reads the newest page of 5, and the next page only
 * while every document on a page is new, so a quiet inbox costs one small request per interval.
 * While fewer ids were seen than the `total` the API reports, a catch-up scan reads the whole
 * inbox at most once a second.
 */
export class InboxPoller {
  readonly #firstSeen = new Map<string, number>();
  #total = 0;
  #running = false;
  #loop: Promise<void> | null = null;
  #failures = 0;
  #requests = 0;
  #requestMs = 0;
  #catchUps = 0;
  #lastCatchUpMs = 0;

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
    return {
      requests: this.#requests,
      failed: this.#failures,
      meanRequestMs: this.#requests > 0 ? this.#requestMs / this.#requests : null,
      catchUpScans: this.#catchUps,
    };
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

    // New documents sort to the top, so a page that contains an already seen document ends the poll.
    for (let page = 1; page <= maxPages; page++) {
      const body = await this.#fetchPage(page, this.pageSize);
      const newItems = this.#record(body);
      if (newItems < body.items.length || body.items.length < this.pageSize) break;
    }

    if (this.#firstSeen.size < this.#total && performance.now() - this.#lastCatchUpMs >= CATCH_UP_INTERVAL_MS) {
      await this.#catchUp();
    }
  }

  // Reads the whole inbox in large pages, for a document that was registered below the first
  // page: one that committed between two page requests, or one processed out of order.
  async #catchUp(): Promise<void> {
    this.#lastCatchUpMs = performance.now();
    this.#catchUps++;
    const pages = Math.max(1, Math.ceil(this.#total / CATCH_UP_PAGE_SIZE) + 1);

    for (let page = 1; page <= pages; page++) {
      const body = await this.#fetchPage(page, CATCH_UP_PAGE_SIZE);
      this.#record(body);
      if (this.#firstSeen.size >= body.total || body.items.length < CATCH_UP_PAGE_SIZE) return;
    }
  }

  async #fetchPage(page: number, pageSize: number): Promise<DocumentPage> {
    const requestedMs = performance.now();
    const body = await this.api.json<DocumentPage>('GET', `/api/v1/documents?box=incoming&pageSize=${pageSize}&page=${page}`);
    this.#requests++;
    this.#requestMs += performance.now() - requestedMs;

    return body;
  }

  // Stores the first-seen time of each new document and returns how many were new.
  #record(body: DocumentPage): number {
    const receivedMs = performance.now();
    let newItems = 0;
    this.#total = body.total;

    for (const item of body.items) {
      if (this.#firstSeen.has(item.id)) continue;
      this.#firstSeen.set(item.id, receivedMs);
      newItems++;
    }

    return newItems;
  }
}
