import { z } from 'zod';
import type { AppContext } from '../platform/app-context.js';
import type { Db } from '../platform/database/connection.js';
import { enqueueJob } from '../platform/jobs/job-queue.js';

/** Job kind the mail layer's outbound delivery handles. */
export const OUTBOUND_DELIVERY_JOB = 'outbound-delivery';

export const outboundJobPayloadSchema = z.object({
  /** Address of the unsigned message in the blob store; the sender signs it for its domain. */
  rawSha256: z.string().regex(/^[0-9a-f]{64}$/),
  envelopeFrom: z.string().min(3),
  /** The recipients' domain, lower case: one job serves one domain. */
  domain: z.string().min(1),
  /** When the message was queued; the give-up time counts from here. */
  queuedAt: z.string().datetime(),
  /** `recipientId` is the dispatch recipient whose status follows the outcome; null for receipts. */
  recipients: z.array(z.object({ recipientId: z.string().min(1).nullable(), address: z.string().min(3) })).min(1),
});

export type OutboundJobPayload = z.infer<typeof outboundJobPayloadSchema>;

export interface OutboundRequest {
  rawSha256: string;
  envelopeFrom: string;
  recipients: { recipientId: string | null; address: string }[];
}

/**
 * Attempts do not end a delivery: the handler gives up once CONGVAN_OUTBOUND_GIVE_UP_HOURS have
 * passed. The runner's retry delay is capped at an hour, so this many attempts outlast the
 * largest give-up time the configuration allows (720 hours).
 */
const MAX_ATTEMPTS = 1000;

/**
 * Asks for a stored message to be delivered by SMTP to addresses outside this installation: one
 * job per recipient domain, in the caller's transaction, so the jobs exist exactly when the
 * dispatch or the decision that sends them does. Returns the number of jobs created.
 */
export async function requestOutboundDelivery(ctx: AppContext, trx: Db, request: OutboundRequest): Promise<number> {
  const now = ctx.clock.now();
  const byDomain = new Map<string, OutboundRequest['recipients']>();

  for (const recipient of request.recipients) {
    const at = recipient.address.lastIndexOf('@');
    if (at <= 0 || at === recipient.address.length - 1) {
      throw new Error(`Recipient ${recipient.recipientId ?? recipient.address} has no valid mail address: ${JSON.stringify(recipient.address)}.`);
    }
    const domain = recipient.address.slice(at + 1).toLowerCase();
    byDomain.set(domain, [...(byDomain.get(domain) ?? []), recipient]);
  }

  for (const [domain, recipients] of byDomain) {
    const payload: OutboundJobPayload = { rawSha256: request.rawSha256, envelopeFrom: request.envelopeFrom, domain, queuedAt: now.toISOString(), recipients };
    await enqueueJob(trx, now, { kind: OUTBOUND_DELIVERY_JOB, payload, maxAttempts: MAX_ATTEMPTS });
  }

  return byDomain.size;
}
