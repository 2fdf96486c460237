import type { AppContext } from '../../platform/app-context.js';
import { logger } from '../../platform/logger.js';
import { skipLockedRows } from '../../platform/database/row-locks.js';
import { ClaimLostError, processMessage } from './process-message.js';
import { registerUnprocessableMessage } from './unprocessable-message.js';
import type { AcceptanceLoad } from '../smtp/acceptance-load.js';

const log = logger('ingest');

// After this many failed attempts the message is registered as it is and flagged for a clerk.
const MAX_ATTEMPTS = 3;
const POLL_INTERVAL_MS = 2_000;
// A claim lasts this long unless renewed; the node renews it every third of that while working.
const DEFAULT_LEASE_MS = 120_000;

// Maximum wait for SMTP acceptance to pause before processing starts anyway, so a steady stream
// of mail slows processing down without stopping it.
const MAX_YIELD_MS = 100;
// During a burst of mail, processing waits until the oldest waiting message arrived this long
// ago. Bursts shorter than this are accepted at full speed and processed afterwards. In one pair
// of runs with 2,000 messages over 4 connections on the 2-core test machine, acceptance was 38 %
// faster with processing held back than with processing running beside it.
const MAX_BURST_LAG_MS = 30_000;

export interface ProcessingWorkerOptions {
  concurrency?: number;
  leaseMs?: number;
  /** SMTP acceptance on this node, which goes first when both want the event loop. */
  acceptance?: AcceptanceLoad;
}

/**
 * Processes stored messages in the background, oldest first, `concurrency` at a time. The
 * queue is the `messages` table itself, so nothing is lost across restarts. Several nodes may
 * share it: a claim skips rows other nodes hold and carries a lease, and a message whose node
 * died is taken over by another once the lease expires.
 */
export class ProcessingWorker {
  #running = false;
  #timer: NodeJS.Timeout | null = null;
  #active = new Set<Promise<void>>();
  #wakeRequested = false;
  #lastRegistration: Promise<void> = Promise.resolve();

  readonly #concurrency: number;
  readonly #leaseMs: number;
  readonly #nodeId: string;
  readonly #acceptance: AcceptanceLoad | null;

  constructor(private readonly ctx: AppContext, options: ProcessingWorkerOptions = {}) {
    this.#concurrency = options.concurrency ?? 2;
    this.#acceptance = options.acceptance ?? null;
    this.#leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.#nodeId = ctx.config.nodeId;
  }

  /**
   * Releases claims left by an earlier run of this node, then starts. An embedded database has
   * one server, so every claim in it is this node's; on PostgreSQL other nodes' claims are left
   * to their leases.
   */
  async start(): Promise<void> {
    let release = this.ctx.db
      .updateTable('messages')
      .set({ processing_status: 'received', claimed_by: null, lease_expires_at: null })
      .where('processing_status', '=', 'processing');
    if (this.ctx.engine === 'postgres') release = release.where('claimed_by', '=', this.#nodeId);
    await release.execute();

    this.#running = true;
    this.wake();
  }

  wake(): void {
    if (!this.#running) return;
    if (this.#active.size >= this.#concurrency) {
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
      await this.#acceptance?.whenQuiet(MAX_YIELD_MS);
      if (this.#acceptance?.busy) await this.#waitOutBurst(this.#acceptance);

      const id = await this.#claimNext();
      if (!id) return;
      await this.#processClaimed(id);
    }
  }

  /**
   * Waits while acceptance is busy, until the oldest waiting message has waited
   * MAX_BURST_LAG_MS. Nothing is claimed meanwhile, so a node that dies during a burst leaves no
   * claim for another node to wait out.
   */
  async #waitOutBurst(acceptance: AcceptanceLoad): Promise<void> {
    const oldest = await this.ctx.db
      .selectFrom('messages')
      .select('received_at')
      .where('processing_status', '=', 'received')
      .orderBy('received_at')
      .limit(1)
      .executeTakeFirst();
    if (!oldest) return;

    const waitedMs = this.ctx.clock.now().getTime() - Date.parse(oldest.received_at);
    await acceptance.whenCalm(MAX_BURST_LAG_MS - waitedMs);
  }

  async #claimNext(): Promise<string | null> {
    const now = this.ctx.clock.now();
    const leaseExpiresAt = new Date(now.getTime() + this.#leaseMs).toISOString();

    return this.ctx.db.transaction().execute(async (trx) => {
      const waiting = trx
        .selectFrom('messages')
        .select(['id', 'processing_attempts', 'claimed_by'])
        .where((eb) =>
          eb.or([
            eb('processing_status', '=', 'received'),
            eb.and([eb('processing_status', '=', 'processing'), eb('lease_expires_at', '<', now.toISOString())]),
          ]),
        )
        .orderBy('received_at')
        .limit(1);
      const candidate = await skipLockedRows(waiting, this.ctx.engine).executeTakeFirst();
      if (!candidate) return null;

      if (candidate.claimed_by) {
        log.warn({ messageId: candidate.id, previousNode: candidate.claimed_by, nodeId: this.#nodeId }, 'taking over a message whose claim expired');
      }
      await trx
        .updateTable('messages')
        .set({ processing_status: 'processing', processing_attempts: candidate.processing_attempts + 1, claimed_by: this.#nodeId, lease_expires_at: leaseExpiresAt })
        .where('id', '=', candidate.id)
        .execute();
      return candidate.id;
    });
  }

  /** Extends this node's claim while the message is processed; stops when `done` settles. */
  #renewLease(id: string): () => void {
    const timer = setInterval(() => {
      const leaseExpiresAt = new Date(this.ctx.clock.now().getTime() + this.#leaseMs).toISOString();
      this.ctx.db
        .updateTable('messages')
        .set({ lease_expires_at: leaseExpiresAt })
        .where('id', '=', id)
        .where('claimed_by', '=', this.#nodeId)
        .execute()
        .catch((error: unknown) => log.warn({ err: error, messageId: id }, 'renewing a processing lease failed'));
    }, Math.max(this.#leaseMs / 3, 50));
    timer.unref();
    return () => clearInterval(timer);
  }

  // Claims are taken oldest first, and each message registers only after the one claimed before
  // it has finished. So register numbers follow the order of arrival on this node.
  async #processClaimed(id: string): Promise<void> {
    const previous = this.#lastRegistration;
    let release!: () => void;
    this.#lastRegistration = new Promise((resolve) => (release = resolve));

    const stopRenewing = this.#renewLease(id);
    try {
      await processMessage(this.ctx, id, { waitForTurn: () => previous, claimedBy: this.#nodeId });
    } catch (error) {
      await previous;
      if (error instanceof ClaimLostError) {
        log.warn({ messageId: id, nodeId: this.#nodeId }, error.message);
      } else {
        await this.#recordFailure(id, error);
      }
    } finally {
      stopRenewing();
      release();
    }
  }

  async #recordFailure(id: string, error: unknown): Promise<void> {
    const detail = error instanceof Error ? error.message : String(error);
    const row = await this.ctx.db.selectFrom('messages').select('processing_attempts').where('id', '=', id).executeTakeFirstOrThrow();

    if (row.processing_attempts < MAX_ATTEMPTS) {
      log.warn({ err: error, messageId: id, attempt: row.processing_attempts }, 'processing failed; will retry');
      await this.ctx.db
        .updateTable('messages')
        .set({ processing_status: 'received', processing_error: detail, claimed_by: null, lease_expires_at: null })
        .where('id', '=', id)
        .where('claimed_by', '=', this.#nodeId)
        .execute();
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
