import MailComposer from 'nodemailer/lib/mail-composer';
import type { AppContext } from '../platform/app-context.js';
import type { Db } from '../platform/database/connection.js';
import { newId } from '../platform/ids.js';
import { normalizeMailAddress } from '../directory/mail-address.js';
import type { User } from '../directory/user-repository.js';
import { appendDeliveryEvent } from '../documents/delivery-actions.js';
import { requestOutboundDelivery } from './outbound-request.js';

/**
 * Header that marks a notice about a document sent earlier, so another Công Văn acts on the
 * document it names instead of registering the notice as a new one.
 */
export const NOTICE_HEADER = 'X-CongVan-Notice';

export type NoticeKind = 'reminder' | 'recall';

const SUBJECTS: Record<NoticeKind, string> = { reminder: 'Nhắc tiếp nhận văn bản', recall: 'Thu hồi văn bản' };
const CLOSINGS: Record<NoticeKind, string> = {
  reminder: 'Đề nghị văn thư tiếp nhận và báo nhận văn bản.',
  recall: 'Đề nghị văn thư gỡ bản điện tử của văn bản này và không xử lý tiếp.',
};

/** Queues a short notice mail about a dispatch to a recipient in another installation. */
export async function queueNoticeMail(
  ctx: AppContext,
  trx: Db,
  input: { kind: NoticeKind; to: string; fromName: string; fromAddress: string; originalMessageId: string; dispatchId: string; text: string },
): Promise<void> {
  const domain = input.fromAddress.split('@')[1]!;
  const raw = await new MailComposer({
    from: { name: input.fromName, address: input.fromAddress },
    to: input.to,
    subject: SUBJECTS[input.kind],
    messageId: `<${newId()}@${domain}>`,
    inReplyTo: `<${input.originalMessageId}>`,
    references: [`<${input.originalMessageId}>`],
    date: ctx.clock.now(),
    text: `${input.text}\n\n${CLOSINGS[input.kind]}\n\n--\nThư tự động của hệ thống Công Văn.\n`,
    headers: { [NOTICE_HEADER]: input.kind, 'X-CongVan-Dispatch': input.dispatchId, 'Auto-Submitted': 'auto-generated' },
    xMailer: 'Cong Van',
  })
    .compile()
    .build();

  const rawSha256 = await ctx.blobs.put(raw, trx);
  await requestOutboundDelivery(ctx, trx, { rawSha256, envelopeFrom: input.fromAddress, recipients: [{ recipientId: null, address: input.to }] });
}

/**
 * Acts on a notice from another Công Văn about a document registered here: a reminder becomes
 * a notice in the app; a recall marks every copy not yet decided withdrawn and notifies the clerks. Returns
 * how many copies the notice named; 0 means the document is unknown here and the mail stays an
 * ordinary message.
 */
export async function applyIncomingNotice(
  ctx: AppContext,
  trx: Db,
  input: { kind: NoticeKind; originalMessageId: string; text: string; from: string | null },
): Promise<number> {
  const rows = await trx
    .selectFrom('messages')
    .innerJoin('documents', 'documents.message_id', 'messages.id')
    .innerJoin('deliveries', 'deliveries.document_id', 'documents.id')
    .select(['messages.id as message_row_id', 'messages.from_address', 'documents.id as document_id', 'deliveries.id as delivery_id', 'deliveries.organization_id', 'deliveries.status'])
    .where('messages.message_id_header', '=', input.originalMessageId)
    .execute();

  // Only the address that sent the document may remind about it or recall it. A Message-ID is
  // no secret, so a notice from anyone else stays an ordinary message for a clerk to judge. The
  // caller applies notices only when DKIM or SPF proves the From address.
  const sender = input.from ? normalizeMailAddress(input.from) : null;
  const copies = rows.filter((row) => sender !== null && row.from_address !== null && normalizeMailAddress(row.from_address) === sender);

  const now = ctx.clock.now().toISOString();
  for (const copy of copies.filter((candidate) => candidate.status === 'delivered' || candidate.status === 'read')) {
    if (input.kind === 'recall') {
      await appendDeliveryEvent(ctx, trx, copy.delivery_id, copy.organization_id, 'withdrawn', null as User | null, input.text);
    }
    await trx
      .insertInto('notifications')
      .values({
        id: newId(),
        organization_id: copy.organization_id,
        at: now,
        kind: input.kind === 'recall' ? 'dispatch-withdrawn' : 'acceptance-reminder',
        message_id: copy.message_row_id,
        document_id: copy.document_id,
        text: input.text,
        read_at: null,
      })
      .execute();
  }

  return copies.length;
}
