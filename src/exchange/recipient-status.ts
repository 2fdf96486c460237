import type { AppContext } from '../platform/app-context.js';
import type { Db } from '../platform/database/connection.js';

/** Statuses of each recipient's copy of a dispatch, as the sender follows them. */
export const RECIPIENT_STATUSES = ['queued', 'delivered', 'read', 'accepted', 'rejected', 'failed', 'withdrawn'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

/**
 * Events on a recipient's copy. `delayed` (a temporary SMTP failure or a delay report),
 * `reminded` and `resent` are kept in the timeline without changing the status by themselves.
 */
export type RecipientEventKind = RecipientStatus | 'delayed' | 'reminded' | 'resent';

const FINAL: ReadonlySet<RecipientStatus> = new Set(['accepted', 'rejected', 'withdrawn']);

/**
 * Returns the status after an event. A decision (accepted, rejected) or a recall is final; a
 * late `delivered` or `read` never moves a copy back; `failed` follows only undecided copies.
 */
export function recipientStatusAfter(current: RecipientStatus, event: RecipientEventKind): RecipientStatus {
  if (FINAL.has(current)) return current;

  switch (event) {
    case 'delayed':
    case 'reminded':
      return current;
    case 'resent':
      return 'queued';
    case 'delivered':
      return current === 'queued' || current === 'failed' ? 'delivered' : current;
    case 'read':
      return current === 'queued' || current === 'delivered' ? 'read' : current;
    default:
      return event;
  }
}

/** Appends an event to a recipient's timeline and moves its status, in the caller's transaction. */
export async function recordRecipientEvent(
  ctx: AppContext,
  trx: Db,
  recipientId: string,
  kind: RecipientEventKind,
  details: { actorName?: string | null; detail?: string | null } = {},
): Promise<RecipientStatus> {
  const now = ctx.clock.now().toISOString();
  const recipient = await trx.selectFrom('dispatch_recipients').select('status').where('id', '=', recipientId).executeTakeFirstOrThrow();
  const status = recipientStatusAfter(recipient.status as RecipientStatus, kind);

  await trx
    .insertInto('dispatch_events')
    .values({ recipient_id: recipientId, at: now, kind, actor_name: details.actorName ?? null, detail: details.detail ?? null })
    .execute();
  if (status !== recipient.status) {
    await trx.updateTable('dispatch_recipients').set({ status, updated_at: now }).where('id', '=', recipientId).execute();
  }

  return status;
}
