import type { AppContext } from '../platform/app-context.js';
import type { Db } from '../platform/database/connection.js';
import { newId } from '../platform/ids.js';
import type { MessageReport } from '../mail/mime/types.js';
import { recordRecipientEvent, type RecipientEventKind } from './recipient-status.js';

/** Why a remote copy failed, which decides the wording of the sender's notice. */
export type DeliveryFailure =
  /** The receiving server refused the message with a permanent (5xx) reply. */
  | { kind: 'rejected'; reply: string }
  /** Temporary failures went on past CONGVAN_OUTBOUND_GIVE_UP_HOURS. */
  | { kind: 'expired'; reply: string; hours: number }
  /** A delivery status notification (RFC 3464) came back with action "failed". */
  | { kind: 'reported'; reply: string };

// An SMTP reply or diagnostic can run over several lines, so the notice keeps only its start.
const MAX_REPLY_IN_NOTICE = 500;

/**
 * Marks a remote recipient's copy failed and notifies the sending organization of the failed
 * address and the server's reply, in the caller's transaction.
 */
export async function recordDeliveryFailure(ctx: AppContext, trx: Db, recipientId: string, failure: DeliveryFailure): Promise<void> {
  await recordRecipientEvent(ctx, trx, recipientId, 'failed', { detail: failure.reply });

  const row = await trx
    .selectFrom('dispatch_recipients')
    .innerJoin('dispatches', 'dispatches.id', 'dispatch_recipients.dispatch_id')
    .select(['dispatch_recipients.address', 'dispatch_recipients.name', 'dispatches.organization_id', 'dispatches.message_row_id', 'dispatches.number', 'dispatches.notation', 'dispatches.subject'])
    .where('dispatch_recipients.id', '=', recipientId)
    .executeTakeFirstOrThrow();

  await trx
    .insertInto('notifications')
    .values({
      id: newId(),
      organization_id: row.organization_id,
      at: ctx.clock.now().toISOString(),
      kind: 'delivery-failed',
      message_id: row.message_row_id,
      document_id: null,
      text: failureNotice(documentLabelOf(row), row.address ?? row.name, failure),
      read_at: null,
    })
    .execute();
}

/**
 * Applies a delivery status notification to the dispatch whose Message-ID it reports on: each
 * listed remote recipient, matched by address without regard to case, is marked failed (with a
 * notice to the sender), delayed, or delivered. Returns how many recipients matched; 0 means the
 * report belongs to no dispatch.
 * NOTE: the report is matched on Final-Recipient when present, so a remote server that forwarded
 * the copy to another address reports an address that matches nothing here.
 */
export async function applyDeliveryReport(ctx: AppContext, trx: Db, report: MessageReport): Promise<number> {
  if (!report.originalMessageId) return 0;

  const recipients = await trx
    .selectFrom('dispatch_recipients')
    .innerJoin('dispatches', 'dispatches.id', 'dispatch_recipients.dispatch_id')
    .select(['dispatch_recipients.id', 'dispatch_recipients.address'])
    .where('dispatches.message_id_header', '=', report.originalMessageId)
    .where('dispatch_recipients.kind', '=', 'remote')
    .execute();

  let matched = 0;
  for (const entry of report.recipients) {
    const kind = eventKindOf(entry.action);
    const reported = entry.recipient?.toLowerCase();
    if (!kind || !reported) continue;

    const reply = entry.diagnostic ?? `status ${entry.status ?? 'unknown'} (${entry.action})`;
    for (const recipient of recipients.filter((candidate) => candidate.address?.toLowerCase() === reported)) {
      if (kind === 'failed') {
        await recordDeliveryFailure(ctx, trx, recipient.id, { kind: 'reported', reply });
      } else {
        await recordRecipientEvent(ctx, trx, recipient.id, kind, { detail: reply });
      }
      matched++;
    }
  }

  return matched;
}

// RFC 3464 section 2.3.3: "expanded" means delivered to a list that forwards the copy further.
function eventKindOf(action: string | null): Extract<RecipientEventKind, 'failed' | 'delayed' | 'delivered'> | null {
  switch (action) {
    case 'failed':
      return 'failed';
    case 'delayed':
      return 'delayed';
    case 'delivered':
    case 'relayed':
    case 'expanded':
      return 'delivered';
    default:
      return null;
  }
}

function documentLabelOf(dispatch: { number: string | null; notation: string | null; subject: string | null }): string {
  const reference = dispatch.number ? [dispatch.number, dispatch.notation].filter(Boolean).join('/') : null;
  const parts = [reference ? `số ${reference}` : null, dispatch.subject ? `"${dispatch.subject}"` : null].filter(Boolean);

  return parts.length > 0 ? `văn bản ${parts.join(' ')}` : 'văn bản chưa có số và trích yếu';
}

function failureNotice(document: string, address: string, failure: DeliveryFailure): string {
  const reply = failure.reply.length > MAX_REPLY_IN_NOTICE ? `${failure.reply.slice(0, MAX_REPLY_IN_NOTICE)}…` : failure.reply;

  switch (failure.kind) {
    case 'rejected':
      return `Không gửi được ${document} đến ${address}: máy chủ thư nhận từ chối, trả lời "${reply}".`;
    case 'expired':
      return `Không gửi được ${document} đến ${address} sau ${failure.hours} giờ thử lại. Lỗi lần thử cuối: "${reply}".`;
    case 'reported':
      return `Máy chủ thư báo không chuyển được ${document} đến ${address}: "${reply}".`;
  }
}
