import type { AppContext } from '../platform/app-context.js';
import { AppError, invalidInput } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { logger } from '../platform/logger.js';
import type { User } from '../directory/user-repository.js';
import { appendDeliveryEvent } from '../documents/delivery-actions.js';
import { queueNoticeMail } from './notice-mail.js';
import { recordRecipientEvent } from './recipient-status.js';
import { requestOutboundDelivery } from './outbound-request.js';
import { assertMaySend } from './send-dispatch.js';

const log = logger('exchange');
const MAX_REASON_LENGTH = 2000;

/**
 * Recalls (thu hồi) a dispatch: every copy not yet accepted or rejected is marked withdrawn,
 * and each local recipient gets a notice with the reason. Copies already decided stay as they
 * are. Returns how many copies were withdrawn.
 */
export async function withdrawDispatch(ctx: AppContext, user: User, dispatchId: string, reason: string): Promise<number> {
  assertMaySend(user);
  const trimmed = reason.normalize('NFC').trim();
  if (trimmed === '') throw invalidInput('reason', 'Cần nhập lý do thu hồi.', 'A reason for the recall is required.');
  if (trimmed.length > MAX_REASON_LENGTH) {
    throw invalidInput('reason', `Lý do thu hồi dài quá ${MAX_REASON_LENGTH} ký tự.`, `The reason is longer than ${MAX_REASON_LENGTH} characters.`);
  }

  const withdrawn = await ctx.db.transaction().execute(async (trx) => {
    const dispatch = await trx.selectFrom('dispatches').selectAll().where('id', '=', dispatchId).executeTakeFirst();
    if (!dispatch || dispatch.organization_id !== user.organizationId) {
      throw new AppError('not-found', 'Không tìm thấy văn bản đi này trong cơ quan của bạn.', 'No such dispatch in your organization.');
    }
    if (dispatch.status !== 'sent') {
      throw new AppError('conflict', 'Chỉ thu hồi được văn bản đã gửi và chưa thu hồi.', 'Only a sent dispatch that was not recalled yet can be recalled.');
    }

    const open = await trx
      .selectFrom('dispatch_recipients')
      .select(['id', 'kind', 'organization_id', 'delivery_id', 'address', 'status'])
      .where('dispatch_id', '=', dispatchId)
      .where('status', 'in', ['queued', 'delivered', 'read', 'failed'])
      .execute();
    if (open.length === 0) {
      throw new AppError('conflict', 'Mọi nơi nhận đã tiếp nhận hoặc từ chối văn bản; không còn bản nào để thu hồi.', 'Every recipient already accepted or rejected the document; there is no copy left to recall.');
    }

    const now = ctx.clock.now().toISOString();
    const label = [dispatch.number, dispatch.notation].filter(Boolean).join('/');
    for (const recipient of open) {
      if (recipient.kind === 'local' && recipient.delivery_id) {
        // Moves the recipient's copy and, through it, the sender's view of that recipient.
        await appendDeliveryEvent(ctx, trx, recipient.delivery_id, recipient.organization_id!, 'withdrawn', user, trimmed);
        const document = await trx.selectFrom('deliveries').select('document_id').where('id', '=', recipient.delivery_id).executeTakeFirstOrThrow();
        await trx
          .insertInto('notifications')
          .values({
            id: newId(),
            organization_id: recipient.organization_id!,
            at: now,
            kind: 'dispatch-withdrawn',
            message_id: dispatch.message_row_id,
            document_id: document.document_id,
            text: `Văn bản số ${label} "${dispatch.subject ?? ''}" đã bị cơ quan gửi thu hồi. Lý do: ${trimmed}`,
            read_at: null,
          })
          .execute();
      } else {
        await recordRecipientEvent(ctx, trx, recipient.id, 'withdrawn', { actorName: user.fullName, detail: trimmed });
        // A copy still queued is never sent now; one that arrived is recalled by mail.
        if (recipient.status === 'delivered' || recipient.status === 'read') {
          const message = await trx.selectFrom('messages').select(['from_name', 'from_address']).where('id', '=', dispatch.message_row_id!).executeTakeFirstOrThrow();
          await queueNoticeMail(ctx, trx, {
            kind: 'recall',
            to: recipient.address!,
            fromName: message.from_name ?? '',
            fromAddress: message.from_address!,
            originalMessageId: dispatch.message_id_header!,
            dispatchId,
            text: `Văn bản số ${label} "${dispatch.subject ?? ''}" đã bị ${message.from_name ?? 'cơ quan gửi'} thu hồi. Lý do: ${trimmed}`,
          });
        }
      }
    }

    await trx.updateTable('dispatches').set({ status: 'withdrawn', withdraw_reason: trimmed, withdrawn_at: now, updated_at: now }).where('id', '=', dispatchId).execute();
    return open.length;
  });

  log.info({ dispatchId, withdrawn, userId: user.id }, 'dispatch recalled');
  return withdrawn;
}

/** Sends the dispatch message again to one recipient outside this installation. */
export async function resendToRecipient(ctx: AppContext, user: User, dispatchId: string, recipientId: string): Promise<void> {
  assertMaySend(user);

  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('dispatch_recipients')
      .innerJoin('dispatches', 'dispatches.id', 'dispatch_recipients.dispatch_id')
      .innerJoin('messages', 'messages.id', 'dispatches.message_row_id')
      .select(['dispatch_recipients.kind', 'dispatch_recipients.status', 'dispatch_recipients.address', 'dispatches.organization_id', 'dispatches.status as dispatch_status', 'messages.raw_sha256', 'messages.envelope_from'])
      .where('dispatch_recipients.id', '=', recipientId)
      .where('dispatch_recipients.dispatch_id', '=', dispatchId)
      .executeTakeFirst();
    if (!row || row.organization_id !== user.organizationId) {
      throw new AppError('not-found', 'Không tìm thấy nơi nhận này của văn bản đi.', 'No such recipient of this dispatch.');
    }
    if (row.kind === 'local') {
      throw new AppError('conflict', 'Nơi nhận trong hệ thống đã có văn bản trong sổ đến; không cần gửi lại.', 'A recipient in this installation already has the document in its register; there is nothing to resend.');
    }
    if (!['queued', 'delivered', 'read', 'failed'].includes(row.status) || row.dispatch_status !== 'sent') {
      throw new AppError('conflict', `Bản gửi đang ở trạng thái "${row.status}", không gửi lại được.`, `The copy is ${row.status}; it cannot be resent.`);
    }

    await recordRecipientEvent(ctx, trx, recipientId, 'resent', { actorName: user.fullName });
    await requestOutboundDelivery(ctx, trx, { rawSha256: row.raw_sha256, envelopeFrom: row.envelope_from!, recipients: [{ recipientId, address: row.address! }] });
  });
}
