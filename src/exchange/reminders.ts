import type { AppContext } from '../platform/app-context.js';
import type { Db } from '../platform/database/connection.js';
import { newId } from '../platform/ids.js';
import { logger } from '../platform/logger.js';
import type { Schedule } from '../platform/jobs/job-runner.js';
import { queueClerkReminderMails } from './clerk-reminder-mail.js';
import { queueNoticeMail } from './notice-mail.js';
import { recordRecipientEvent } from './recipient-status.js';

const log = logger('exchange');

// Enough for one run; the rest wait for the next slot rather than holding a long transaction.
const BATCH = 200;

/**
 * Reminds recipients of copies still not accepted past their acceptance time, once per copy.
 * A recipient in this installation gets a notice in the app and a mail to each of its clerks
 * with a personal address. Any other recipient gets a short notice mail. The sender's view
 * marks the copy overdue either way.
 */
export function reminderSchedule(intervalMs: number): Schedule {
  return { name: 'reminders', intervalMs, run: sendDueReminders };
}

export async function sendDueReminders(ctx: AppContext): Promise<{ reminded: number }> {
  const now = ctx.clock.now().toISOString();
  const due = await ctx.db
    .selectFrom('dispatch_recipients')
    .innerJoin('dispatches', 'dispatches.id', 'dispatch_recipients.dispatch_id')
    .innerJoin('messages', 'messages.id', 'dispatches.message_row_id')
    .select([
      'dispatch_recipients.id',
      'dispatch_recipients.kind',
      'dispatch_recipients.organization_id',
      'dispatch_recipients.address',
      'dispatch_recipients.delivery_id',
      'dispatch_recipients.overdue_at',
      'dispatches.id as dispatch_id',
      'dispatches.number',
      'dispatches.notation',
      'dispatches.subject',
      'dispatches.message_id_header',
      'dispatches.message_row_id',
      'messages.from_name',
      'messages.from_address',
    ])
    .where('dispatch_recipients.status', 'in', ['delivered', 'read'])
    .where('dispatch_recipients.reminded_at', 'is', null)
    .where('dispatch_recipients.overdue_at', '<', now)
    .where('dispatches.status', '=', 'sent')
    .orderBy('dispatch_recipients.overdue_at')
    .limit(BATCH)
    .execute();

  let mailed = 0;
  for (const recipient of due) {
    await ctx.db.transaction().execute(async (trx) => {
      // Another node's run may have taken this copy since the query above.
      const claimed = await trx.updateTable('dispatch_recipients').set({ reminded_at: now }).where('id', '=', recipient.id).where('reminded_at', 'is', null).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return;

      const label = [recipient.number, recipient.notation].filter(Boolean).join('/');
      const text = `Nhắc tiếp nhận: văn bản số ${label} "${recipient.subject ?? ''}" của ${recipient.from_name ?? 'cơ quan gửi'} đã quá thời hạn tiếp nhận mà chưa được tiếp nhận.`;

      if (recipient.kind === 'local') {
        const document = await trx.selectFrom('deliveries').select('document_id').where('id', '=', recipient.delivery_id!).executeTakeFirst();
        const documentId = document?.document_id ?? null;
        await insertNotice(trx, recipient.organization_id!, now, text, recipient.message_row_id, documentId);
        mailed += await queueClerkReminderMails(ctx, trx, {
          organizationId: recipient.organization_id!,
          dispatchId: recipient.dispatch_id,
          documentId,
          label,
          subject: recipient.subject ?? '',
          senderName: recipient.from_name ?? 'cơ quan gửi',
          overdueAt: recipient.overdue_at!,
        });
      } else {
        await queueNoticeMail(ctx, trx, { kind: 'reminder', to: recipient.address!, fromName: recipient.from_name ?? '', fromAddress: recipient.from_address!, originalMessageId: recipient.message_id_header!, dispatchId: recipient.dispatch_id, text });
      }
      await recordRecipientEvent(ctx, trx, recipient.id, 'reminded', { detail: `Quá hạn từ ${recipient.overdue_at}` });
    });
  }

  if (due.length > 0) log.info({ reminded: due.length, clerkMails: mailed }, 'reminders sent');
  return { reminded: due.length };
}

async function insertNotice(trx: Db, organizationId: string, at: string, text: string, messageRowId: string | null, documentId: string | null): Promise<void> {
  await trx
    .insertInto('notifications')
    .values({ id: newId(), organization_id: organizationId, at, kind: 'acceptance-reminder', message_id: messageRowId, document_id: documentId, text, read_at: null })
    .execute();
}
