import type { AppContext } from '../platform/app-context.js';
import type { Db } from '../platform/database/connection.js';
import { recordRecipientEvent, type RecipientEventKind } from './recipient-status.js';

/**
 * Carries an event on a recipient's incoming copy (read, accepted, rejected) to the sender's
 * view of that recipient, in the same transaction, so a local sender has it at once. Copies
 * that did not come from a dispatch of this installation have no recipient row and are skipped.
 */
export async function followLocalDelivery(
  ctx: AppContext,
  trx: Db,
  deliveryId: string,
  kind: RecipientEventKind,
  details: { actorName: string | null; reason: string | null },
): Promise<void> {
  const recipient = await trx.selectFrom('dispatch_recipients').select('id').where('delivery_id', '=', deliveryId).executeTakeFirst();
  if (!recipient) return;

  await recordRecipientEvent(ctx, trx, recipient.id, kind, { actorName: details.actorName, detail: details.reason });
}
