import type { AppContext } from '../../platform/app-context.js';
import { logger } from '../../platform/logger.js';

const log = logger('ingest');

const POLL_MS = 50;
// A message ahead that takes longer than this (a huge PDF, a node that died before its lease
// ran out) stops blocking the others. They are numbered, and the overtaking is logged.
const MAX_WAIT_MS = 30_000;

/**
 * Waits until every message that arrived earlier for one of the same organizations and is being
 * processed, on any node, has been registered (Decree 30/2020: incoming numbers follow the order
 * of arrival). One node already registers in the order it claims; this keeps several nodes in
 * step. Earlier messages no node has claimed yet are not waited for: every worker could end up
 * waiting for a message that none of them is free to take.
 * NOTE: `received_at` is taken before the message row commits, so a message that arrived a few
 * milliseconds earlier but committed later may still be numbered after this one.
 */
export async function waitForEarlierArrivals(ctx: AppContext, message: { id: string; received_at: string; recipient_organization_ids: string }): Promise<void> {
  const organizations = new Set(JSON.parse(message.recipient_organization_ids) as string[]);
  if (organizations.size === 0) return;

  const started = Date.now();
  for (;;) {
    const waiting = await ctx.db
      .selectFrom('messages')
      .select(['id', 'recipient_organization_ids'])
      .where('processing_status', '=', 'processing')
      // This node's own messages register in claim order already (ProcessingWorker), and one
      // claimed after this message must not hold it back.
      .where('claimed_by', '!=', ctx.config.nodeId)
      .where('received_at', '<', message.received_at)
      .where('id', '!=', message.id)
      .execute();
    const ahead = waiting.filter((row) => (JSON.parse(row.recipient_organization_ids) as string[]).some((id) => organizations.has(id)));
    if (ahead.length === 0) return;

    if (Date.now() - started > MAX_WAIT_MS) {
      log.warn({ messageId: message.id, ahead: ahead.map((row) => row.id) }, 'registering before earlier messages that are still in processing');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
