import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import type { Db } from '../../platform/database/connection.js';
import { enqueueJob } from '../../platform/jobs/job-queue.js';

export const OUTBOUND_DELIVERY_JOB = 'outbound-delivery';

export const outboundJobPayloadSchema = z.object({
  /** Address of the signed message in the blob store. */
  rawSha256: z.string().regex(/^[0-9a-f]{64}$/),
  envelopeFrom: z.string().min(3),
  /** The recipients' domain, lower case: one job serves one domain. */
  domain: z.string().min(1),
  /** When the message was queued; the give-up time counts from here. */
  queuedAt: z.string().datetime(),
  recipients: z.array(z.object({ recipientId: z.string().min(1), address: z.string().min(3) })).min(1),
});

export type OutboundJobPayload = z.infer<typeof outboundJobPayloadSchema>;

export interface OutboundMessage {
  rawSha256: string;
  envelopeFrom: string;
  /** Remote recipients: `dispatch_recipients` ids and their addresses. */
  recipients: { recipientId: string; address: string }[];
}

/**
 * Attempts are not what ends a delivery: the handler gives up once CONGVAN_OUTBOUND_GIVE_UP_HOURS
 * have passed. The runner's retry delay is capped at an hour, so this many attempts outlast the
 * largest give-up time the configuration allows (720 hours).
 */
const MAX_ATTEMPTS = 1000;

/**
 * Queues delivery of a stored message to remote recipients, one `outbound-delivery` job per
 * recipient domain, in the caller's transaction so the jobs exist exactly when the dispatch does.
 * Returns the number of jobs created.
 */
export async function enqueueOutboundMessage(ctx: AppContext, trx: Db, message: OutboundMessage): Promise<number> {
  const now = ctx.clock.now();
  const byDomain = new Map<string, OutboundMessage['recipients']>();

  for (const recipient of message.recipients) {
    const at = recipient.address.lastIndexOf('@');
    if (at <= 0 || at === recipient.address.length - 1) {
      throw new Error(`Recipient ${recipient.recipientId} has no valid mail address: ${JSON.stringify(recipient.address)}.`);
    }
    const domain = recipient.address.slice(at + 1).toLowerCase();
    byDomain.set(domain, [...(byDomain.get(domain) ?? []), recipient]);
  }

  for (const [domain, recipients] of byDomain) {
    const payload: OutboundJobPayload = { rawSha256: message.rawSha256, envelopeFrom: message.envelopeFrom, domain, queuedAt: now.toISOString(), recipients };
    await enqueueJob(trx, now, { kind: OUTBOUND_DELIVERY_JOB, payload, maxAttempts: MAX_ATTEMPTS });
  }

  return byDomain.size;
}
