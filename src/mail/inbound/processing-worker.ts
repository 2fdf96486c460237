import type { AppContext } from '../../platform/app-context.js';
import { logger } from '../../platform/logger.js';
import { processMessage } from './process-message.js';
import { registerUnprocessableMessage } from './unprocessable-message.js';

const log = logger('ingest');

// After this many failed attempts the message is registered as it is and flagged for a clerk.
const MAX_ATTEMPTS = 3;
const POLL_INTERVAL_MS = 2_000;

/**
 * Processes stored messages in the background, oldest first, `concurrency` at a time. The
 * queue is the `messages` table itself, so nothing is lost across restarts.
 * TODO: claims carry no lease yet. With several nodes on one database, a message claimed by a
 * node that died stays `processing` until that node starts again.
 */
export class ProcessingWorker {
  #running = false;
  #timer: NodeJS.Timeout | null = null;
  #active = new Set<Promise<void>>();
  #wakeRequested = false;
  #lastRegistration: Promise<void> = Promise.resolve();

  constructor(private readonly ctx: AppContext, private readonly concurrency = 2) {}

  async start(): Promise<void> {
    await this.ctx.db.updateTable('messages').set({ processing_status: 'received' }).where('processing_status', '=', 'processing').execute();
    this.#running = true;
    this.wake();
  }

  wake(): void {
    if (!this.#running) return;
    if (this.#active.size >= this.concurrency) {
      this.#wakeRequested = true;
      return;
    }

    const run = this.#drain().finally(() => {
      this.#active.delete(run);
      if (this.#wakeRequested) {
        this.#wakeRequested = false;
        this.wake();
      }
    });
    this.#active.add(run);
    this.#schedulePoll();
  }

  /** Stops claiming and waits for the messages in progress. */
  async stop(): Promise<void> {
    this.#running = false;
    if (this.#timer) clearTimeout(this.#timer);
    await Promise.allSettled([...this.#active]);
  }

  /** Resolves once no stored message is waiting or in progress; for tests and the CLI. */
  async idle(): Promise<void> {
    for (;;) {
      await Promise.allSettled([...this.#active]);
      const waiting = await this.ctx.db
        .selectFrom('messages')
        .select('id')
        .where('processing_status', 'in', ['received', 'processing'])
        .executeTakeFirst();
      if (!waiting && this.#active.size === 0) return;
      if (this.#active.size === 0) this.wake();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  #schedulePoll(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.wake(), POLL_INTERVAL_MS);
    this.#timer.unref();
  }

  async #drain(): Promise<void> {
    while (this.#running) {
      const id = await this.#claimNext();
      if (!id) return;
      await this.#processClaimed(id);
    }
  }

  async #claimNext(): Promise<string | null> {
    for (let tries = 0; tries < 5; tries++) {
      const candidate = await this.ctx.db
        .selectFrom('messages')
        .select(['id', 'processing_attempts'])
        .where('processing_status', '=', 'received')
        .orderBy('received_at')
        .limit(1)
        .executeTakeFirst();
      if (!candidate) return null;

      const claimed = await this.ctx.db
        .updateTable('messages')
        .set({ processing_status: 'processing', processing_attempts: candidate.processing_attempts + 1 })
        .where('id', '=', candidate.id)
        .where('processing_status', '=', 'received')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 1) return candidate.id;
    }
    return null;
  }

  // Claims are taken oldest first, and each message registers only after the one claimed before
  // it has finished. So register numbers follow the order of arrival on this node.
  async #processClaimed(id: string): Promise<void> {
    const previous = this.#lastRegistration;
    let release!: () => void;
    this.#lastRegistration = new Promise((resolve) => (release = resolve));

    try {
      await processMessage(this.ctx, id, { waitForTurn: () => previous });
    } catch (error) {
      await previous;
      await this.#recordFailure(id, error);
    } finally {
      release();
    }
  }

  async #recordFailure(id: string, error: unknown): Promise<void> {
    const detail = error instanceof Error ? error.message : String(error);
    const row = await this.ctx.db.selectFrom('messages').select('processing_attempts').where('id', '=', id).executeTakeFirstOrThrow();

    if (row.processing_attempts < MAX_ATTEMPTS) {
      log.warn({ err: error, messageId: id, attempt: row.processing_attempts }, 'processing failed; will retry');
      await this.ctx.db.updateTable('messages').set({ processing_status: 'received', processing_error: detail }).where('id', '=', id).execute();
      return;
    }

    log.error({ err: error, messageId: id, attempts: row.processing_attempts }, 'processing failed for good; registering the message unprocessed');
    try {
      await registerUnprocessableMessage(this.ctx, id, detail);
    } catch (fallbackError) {
      log.error({ err: fallbackError, messageId: id }, 'registering an unprocessable message failed');
      await this.ctx.db.updateTable('messages').set({ processing_status: 'failed', processing_error: detail }).where('id', '=', id).execute();
    }
  }
}
