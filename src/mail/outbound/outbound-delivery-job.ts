import type { AppContext } from '../../platform/app-context.js';
import type { Db } from '../../platform/database/connection.js';
import type { JobRunner } from '../../platform/jobs/job-runner.js';
import type { ClaimedJob } from '../../platform/jobs/job-queue.js';
import { logger } from '../../platform/logger.js';
import { recordRecipientEvent } from '../../exchange/recipient-status.js';
import { recordDeliveryFailure } from '../../exchange/delivery-reports.js';
import { OUTBOUND_DELIVERY_JOB, outboundJobPayloadSchema, type OutboundJobPayload } from '../../exchange/outbound-request.js';
import { signMessage, signingDomainOf } from './dkim-sign.js';
import { lookUpDeliveryHops, type MailResolver } from './delivery-hops.js';
import { deliverOverSmtp, type AddressOutcome } from './smtp-delivery.js';

const log = logger('outbound');

export interface OutboundDeliveryOptions {
  /** DNS for MX and address lookups, the system resolver by default. */
  resolver?: MailResolver;
  /** Port of MX hosts: 25, except in tests that stand in for an MX host on loopback. */
  mxPort?: number;
  /** Trust anchors (PEM) for the smarthost's certificate in place of the system's. */
  smarthostCa?: string | Buffer;
}

interface PendingRecipient {
  /** The dispatch recipient whose status follows the outcome, or null for a receipt. */
  recipientId: string | null;
  address: string;
}

/** A temporary failure: the runner retries the job with a doubling delay. */
export class DeliveryDeferredError extends Error {
  override name = 'DeliveryDeferredError';
}

/** Registers the `outbound-delivery` handler on a node's job runner. */
export function registerOutboundDelivery(runner: JobRunner, options: OutboundDeliveryOptions = {}): JobRunner {
  return runner.handle(OUTBOUND_DELIVERY_JOB, async (ctx, payload, job) => {
    // A payload no code version could have written would fail on every retry, so it ends here.
    const parsed = outboundJobPayloadSchema.safeParse(payload);
    if (!parsed.success) {
      log.error({ jobId: job.id, issue: parsed.error.issues[0] }, 'outbound delivery job has an invalid payload; nothing sent');
      return { invalidPayload: true };
    }

    return runOutboundDelivery(ctx, parsed.data, job, { ...options, resolver: options.resolver ?? ctx.dns });
  });
}

/**
 * Makes one delivery attempt for the recipients of a job that are still queued, records each
 * outcome, and throws DeliveryDeferredError while temporary failures remain within the give-up
 * time. Recipients delivered or failed in an earlier attempt, or withdrawn meanwhile, are not
 * sent again. The stored message is DKIM-signed for its From domain on each attempt.
 *
 * The job's lease keeps a second node from sending at the same time, but delivery is still at
 * least once. A node that dies after the server's 250 and before the outcomes commit leaves the
 * job to another node, which sends again. A connection lost after the final dot and before its
 * reply also leads to a second copy, a duplicate that RFC 5321 section 6.1 accepts.
 */
export async function runOutboundDelivery(
  ctx: AppContext,
  payload: OutboundJobPayload,
  job: ClaimedJob,
  options: OutboundDeliveryOptions & { resolver: MailResolver },
): Promise<{ delivered: number; failed: number; deferred: number }> {
  const pending = await listPendingRecipients(ctx, payload);
  if (pending.length === 0) return { delivered: 0, failed: 0, deferred: 0 };

  const outcomes = await attemptDelivery(ctx, payload, pending, options);
  const giveUpAt = new Date(payload.queuedAt).getTime() + ctx.config.outboundGiveUpHours * 3600_000;
  const givenUp = ctx.clock.now().getTime() >= giveUpAt;

  await ctx.db.transaction().execute(async (trx) => {
    for (const recipient of pending) {
      if (recipient.recipientId === null) continue;
      await recordOutcome(ctx, trx, recipient.recipientId, outcomes.get(recipient.address.toLowerCase())!, givenUp);
    }
  });

  const summary = countResults(pending, outcomes, givenUp);
  const logged = { jobId: job.id, attempt: job.attempts, domain: payload.domain, recipientIds: pending.map((recipient) => recipient.recipientId), ...summary };
  if (summary.failed > 0) {
    const failures = [...outcomes.values()].filter((outcome) => outcome.result === 'failed' || (givenUp && outcome.result === 'deferred'));
    log.warn({ ...logged, failures }, 'outbound delivery failed for some recipients');
  }
  if (summary.deferred === 0) {
    if (summary.failed === 0) log.info(logged, 'outbound delivery finished');
    return summary;
  }

  const firstDeferred = [...outcomes.values()].find((outcome) => outcome.result === 'deferred')!;
  log.warn({ ...logged, reply: firstDeferred.reply }, 'outbound delivery deferred');
  throw new DeliveryDeferredError(`${summary.deferred} recipient(s) at ${payload.domain} deferred: ${firstDeferred.reply}`);
}

/**
 * Returns the job's recipients still to send to: dispatch recipients whose status is `queued`,
 * and every recipient without a dispatch row (a receipt), which has no status to check.
 */
async function listPendingRecipients(ctx: AppContext, payload: OutboundJobPayload): Promise<PendingRecipient[]> {
  const ids = payload.recipients.flatMap((recipient) => (recipient.recipientId === null ? [] : [recipient.recipientId]));
  const rows = ids.length === 0 ? [] : await ctx.db.selectFrom('dispatch_recipients').select('id').where('id', 'in', ids).where('status', '=', 'queued').execute();
  const queued = new Set(rows.map((row) => row.id));

  return payload.recipients.filter((recipient) => recipient.recipientId === null || queued.has(recipient.recipientId));
}

async function recordOutcome(ctx: AppContext, trx: Db, recipientId: string, outcome: AddressOutcome, givenUp: boolean): Promise<void> {
  if (outcome.result === 'delivered') {
    await recordRecipientEvent(ctx, trx, recipientId, 'delivered', { detail: outcome.reply });
  } else if (outcome.result === 'failed') {
    await recordDeliveryFailure(ctx, trx, recipientId, { kind: 'rejected', reply: outcome.reply });
  } else if (givenUp) {
    await recordDeliveryFailure(ctx, trx, recipientId, { kind: 'expired', reply: outcome.reply, hours: ctx.config.outboundGiveUpHours });
  } else {
    await recordRecipientEvent(ctx, trx, recipientId, 'delayed', { detail: outcome.reply });
  }
}

/**
 * Looks up the hops, signs and sends. Every failure before a server replies (a DNS error, an
 * unreadable blob) becomes a deferred outcome, so the give-up time also ends retries that never
 * reach SMTP.
 */
async function attemptDelivery(
  ctx: AppContext,
  payload: OutboundJobPayload,
  pending: PendingRecipient[],
  options: OutboundDeliveryOptions & { resolver: MailResolver },
): Promise<Map<string, AddressOutcome>> {
  const addresses = [...new Set(pending.map((recipient) => recipient.address.toLowerCase()))];
  const everyAddress = (result: AddressOutcome['result'], reply: string) => new Map(addresses.map((address) => [address, { address, result, reply }]));

  let outcomes: AddressOutcome[];
  try {
    const lookup = await lookUpDeliveryHops(ctx.config, payload.domain, options.resolver, options.mxPort ?? 25);
    if (lookup.kind === 'unreachable') return everyAddress('failed', lookup.reason);

    const raw = await ctx.blobs.get(payload.rawSha256);
    const signed = await signMessage(ctx, raw, signingDomainOf(raw, payload.envelopeFrom));
    const message = { envelopeFrom: payload.envelopeFrom, addresses, raw: signed };
    outcomes = await deliverOverSmtp(lookup.hops, message, { heloName: ctx.config.hostname, smarthostCa: options.smarthostCa });
  } catch (error) {
    return everyAddress('deferred', `local error before SMTP: ${error instanceof Error ? error.message : String(error)}`);
  }

  return new Map(outcomes.map((outcome) => [outcome.address.toLowerCase(), outcome]));
}

function countResults(pending: PendingRecipient[], outcomes: Map<string, AddressOutcome>, givenUp: boolean) {
  const summary = { delivered: 0, failed: 0, deferred: 0 };
  for (const recipient of pending) {
    const result = outcomes.get(recipient.address.toLowerCase())!.result;
    if (result === 'deferred' && givenUp) summary.failed++;
    else summary[result]++;
  }

  return summary;
}
