import type { AppContext } from '../platform/app-context.js';
import { AppError, invalidInput } from '../platform/errors.js';
import type { User } from '../directory/user-repository.js';
import { followLocalDelivery } from '../exchange/local-receipts.js';
import { queueReceipt } from '../exchange/receipts.js';
import { statusAfter, type DeliveryEventKind, type DeliveryStatus } from './delivery-status.js';

const MAX_REASON_LENGTH = 2000;

/** Marks a delivered copy read by the user; a copy already read or decided is left as it is. */
export async function markRead(ctx: AppContext, deliveryId: string, user: User): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const delivery = await trx.selectFrom('deliveries').select(['status', 'organization_id']).where('id', '=', deliveryId).executeTakeFirstOrThrow();
    if (delivery.status !== 'delivered') return;

    await appendDeliveryEvent(ctx, trx, deliveryId, delivery.organization_id, 'read', user, null);
  });
}

export async function acceptDelivery(ctx: AppContext, deliveryId: string, user: User): Promise<void> {
  await decide(ctx, deliveryId, user, 'accepted', null);
}

export async function rejectDelivery(ctx: AppContext, deliveryId: string, user: User, reason: string): Promise<void> {
  const trimmed = reason.normalize('NFC').trim();
  if (trimmed === '') {
    throw invalidInput('reason', 'Cần nhập lý do từ chối.', 'A reason for the rejection is required.');
  }
  if (trimmed.length > MAX_REASON_LENGTH) {
    throw invalidInput('reason', `Lý do từ chối dài quá ${MAX_REASON_LENGTH} ký tự.`, `The reason is longer than ${MAX_REASON_LENGTH} characters.`);
  }

  await decide(ctx, deliveryId, user, 'rejected', trimmed);
}

async function decide(ctx: AppContext, deliveryId: string, user: User, kind: 'accepted' | 'rejected', reason: string | null): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const delivery = await trx.selectFrom('deliveries').select(['status', 'organization_id']).where('id', '=', deliveryId).executeTakeFirstOrThrow();

    if (delivery.status === 'accepted' || delivery.status === 'rejected' || delivery.status === 'withdrawn') {
      throw new AppError(
        'conflict',
        `Văn bản đã ở trạng thái "${statusLabelVi(delivery.status)}", không thể ${kind === 'accepted' ? 'tiếp nhận' : 'từ chối'} nữa.`,
        `The document is already ${delivery.status}; it cannot be ${kind} again.`,
      );
    }

    await appendDeliveryEvent(ctx, trx, deliveryId, delivery.organization_id, kind, user, reason);
    await queueReceipt(ctx, trx, { deliveryId, decision: kind, reason, by: user.fullName });
  });
}

/** Appends an event and moves the cached status with it, in the caller's transaction. */
export async function appendDeliveryEvent(
  ctx: AppContext,
  trx: AppContext['db'],
  deliveryId: string,
  organizationId: string,
  kind: DeliveryEventKind,
  user: User | null,
  reason: string | null,
): Promise<void> {
  const now = ctx.clock.now().toISOString();
  const current = await trx.selectFrom('deliveries').select('status').where('id', '=', deliveryId).executeTakeFirstOrThrow();

  await trx
    .insertInto('delivery_events')
    .values({
      delivery_id: deliveryId,
      at: now,
      kind,
      actor_user_id: user?.id ?? null,
      actor_name: user?.fullName ?? null,
      organization_id: organizationId,
      reason,
      data: null,
    })
    .execute();

  await trx
    .updateTable('deliveries')
    .set({ status: statusAfter(current.status as DeliveryStatus, kind), updated_at: now })
    .where('id', '=', deliveryId)
    .execute();

  await followLocalDelivery(ctx, trx, deliveryId, kind, { actorName: user?.fullName ?? null, reason });
}

function statusLabelVi(status: string): string {
  const labels: Record<string, string> = { accepted: 'đã tiếp nhận', rejected: 'đã từ chối', withdrawn: 'đã thu hồi' };
  return labels[status] ?? status;
}
