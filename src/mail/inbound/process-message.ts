import type { AppContext } from '../../platform/app-context.js';
import { newId } from '../../platform/ids.js';
import { logger } from '../../platform/logger.js';
import { foldText } from '../../platform/text-fold.js';
import { withoutControlCharacters } from '../../platform/control-characters.js';
import { findOrganizationByAddress, listOrganizations, type Organization } from '../../directory/organization-repository.js';
import type { Flag } from '../../documents/document-item.js';
import { registerIncomingDocuments, type DocumentToRegister } from '../../documents/register-incoming.js';
import type { AnalyzedDocument } from '../../documents/analyze-document.js';
import { analyzeMessage } from './analyze-message.js';
import { authenticateSender, provesFrom } from './sender-authentication.js';
import { attachmentFlags } from './attachment-flags.js';
import { notifyQuarantine } from './quarantine-notice.js';
import { waitForEarlierArrivals } from './arrival-order.js';
import { foreignReceiptRequest, receiptRequestOf } from '../../exchange/receipt-request.js';
import { applyIncomingReceipt } from '../../exchange/receipts.js';
import { applyIncomingNotice, NOTICE_HEADER, type NoticeKind } from '../../exchange/notice-mail.js';
import type { ParsedMessage } from '../mime/types.js';
import { applyDeliveryReport } from '../../exchange/delivery-reports.js';
import { readRawMessage } from './raw-message.js';

const log = logger('ingest');

// Enough of the extracted text for search without bloating every row.
const MAX_SEARCH_TEXT_CHARS = 200_000;

export interface ProcessOptions {
  /**
   * Resolves when this message may take register numbers. The worker analyses several messages
   * at once but registers them in order of arrival (Decree 30/2020: incoming numbers follow the
   * order of arrival), so a large message never gets a later number than one behind it.
   */
  waitForTurn?: () => Promise<void>;
  /**
   * The node that claimed the message. The registration commits only while the claim is still
   * this node's, so a message whose lease expired and was taken over is registered once.
   */
  claimedBy?: string;
}

/** The claim on a message passed to another node while this one was still processing it. */
export class ClaimLostError extends Error {
  constructor(messageRowId: string, nodeId: string) {
    super(`Message ${messageRowId} is no longer claimed by node ${nodeId}; its registration was rolled back.`);
  }
}

/**
 * Processes one stored message: parse, store the parts, recognise the documents, and register
 * them for every recipient organization, all in one transaction after the blobs are written.
 */
export async function processMessage(ctx: AppContext, messageRowId: string, options: ProcessOptions = {}): Promise<void> {
  const message = await ctx.db.selectFrom('messages').selectAll().where('id', '=', messageRowId).executeTakeFirstOrThrow();
  const raw = await readRawMessage(ctx, message);

  const organizations = await listOrganizations(ctx.db);
  const authentication = await authenticateSender(ctx, raw, { remoteAddress: message.remote_address, helo: message.helo, envelopeFrom: message.envelope_from });
  const analysis = await analyzeMessage(raw, organizations, authentication);
  const { parsed } = analysis;
  const fromProven = provesFrom(authentication, parsed.from?.address);

  for (const attachment of parsed.attachments) {
    await ctx.blobs.put(attachment.content);
  }

  const flags: Flag[] = [...analysis.flags, ...attachmentFlags(parsed.attachments)];
  if (await isReusedMessageId(ctx, message.id, message.message_id_header, message.content_sha256)) {
    flags.push({ code: 'message-id-reused', message: 'Trùng Message-ID với một thư nhận trước có nội dung khác; thư này được đăng ký như thư mới.' });
  }
  if (foreignReceiptRequest(parsed)) {
    flags.push({ code: 'receipt-request-ignored', message: 'Thư yêu cầu gửi báo nhận tới một địa chỉ khác miền của người gửi; hệ thống không tự gửi báo nhận tới địa chỉ đó.' });
  }
  const spoofingSuspected = parsed.from !== null && !fromProven && (authentication.dmarc === 'fail' || isDirectoryDomain(organizations, parsed.from.address));
  if (spoofingSuspected) {
    flags.push({ code: 'sender-not-authenticated', message: `Không xác thực được địa chỉ gửi ${parsed.from!.address} (DKIM ${authentication.dkim}, SPF ${authentication.spf}, DMARC ${authentication.dmarc}); thư có thể bị giả mạo.` });
  }

  const sender = parsed.from ? await findOrganizationByAddress(ctx.db, parsed.from.address) : null;
  const reportsOn = parsed.report?.originalMessageId
    ? await ctx.db.selectFrom('messages').select('id').where('message_id_header', '=', parsed.report.originalMessageId).executeTakeFirst()
    : undefined;
  const recipientOrganizationIds = JSON.parse(message.recipient_organization_ids) as string[];
  const now = ctx.clock.now().toISOString();

  await options.waitForTurn?.();
  await waitForEarlierArrivals(ctx, message);

  const registered = await ctx.db.transaction().execute(async (trx) => {
    const attachmentIds = new Map<string, string>();
    for (const attachment of parsed.attachments) {
      const id = newId();
      attachmentIds.set(attachment.partPath, id);
      await trx
        .insertInto('attachments')
        .values({
          id,
          message_id: message.id,
          part_path: attachment.partPath,
          filename: attachment.filename,
          filename_original: attachment.filenameOriginal,
          declared_type: attachment.declaredType,
          detected_type: attachment.detectedType,
          disposition: attachment.disposition,
          size: attachment.size,
          sha256: attachment.sha256,
          is_document: attachment.isDocument ? 1 : 0,
          forwarded: attachment.forwarded ? 1 : 0,
          flags: JSON.stringify(attachmentFlags([attachment])),
        })
        .execute();
    }

    const toRegister: DocumentToRegister[] = [];
    // A reminder or recall about a document registered here acts on it, not as a new document.
    // A notice or receipt acts on a document only when DKIM or SPF proves who sent it.
    const notice = noticeOf(parsed);
    const noticed = notice && fromProven ? await applyIncomingNotice(ctx, trx, notice) : 0;
    if (notice && !fromProven) {
      flags.push({ code: 'unauthenticated-notice', message: 'Thư nhắc hoặc thu hồi không xác thực được người gửi; không áp dụng, lưu như thư thường để văn thư xem.' });
    }

    for (const analyzed of noticed > 0 ? [] : analysis.documents) {
      const attachmentId = analyzed.attachmentPartPath ? (attachmentIds.get(analyzed.attachmentPartPath) ?? null) : null;
      const row = documentRow(message.id, analyzed, parsed.subject, attachmentId, [...flags, ...analyzed.flags], now);

      if (analyzed.recognized.metadata.confidentiality !== 'none') {
        const id = newId();
        await trx.insertInto('documents').values({ ...row, id, organization_id: null, quarantined: 1 }).execute();
        await notifyQuarantine(ctx, trx, { documentId: id, messageRowId: message.id, senderOrganizationId: sender?.id ?? null, subject: parsed.subject });
        continue;
      }

      toRegister.push({
        documentIndex: analyzed.documentIndex,
        insertCopy: async (organizationId) => {
          const id = newId();
          await trx.insertInto('documents').values({ ...row, id, organization_id: organizationId, quarantined: 0 }).execute();
          return id;
        },
      });
    }

    const messageKey = `${message.message_id_header ?? `raw:${message.raw_sha256}`}|${message.content_sha256}`;
    const deliveries = await registerIncomingDocuments(ctx, trx, {
      messageKey,
      receivedAt: new Date(message.received_at),
      organizationIds: recipientOrganizationIds,
      documents: toRegister,
    });

    if (parsed.kind === 'read-receipt' && !fromProven) {
      flags.push({ code: 'unauthenticated-receipt', message: 'Thư báo nhận không xác thực được người gửi (DKIM, SPF); không cập nhật văn bản đi.' });
    } else if (parsed.kind === 'read-receipt' && (await applyIncomingReceipt(ctx, trx, parsed)) === 0) {
      flags.push({ code: 'unmatched-receipt', message: 'Thư báo nhận không khớp với văn bản đi nào; lưu lại để văn thư xem.' });
    }
    if (parsed.kind === 'delivery-status' && parsed.report && (await applyDeliveryReport(ctx, trx, parsed.report)) === 0) {
      flags.push({ code: 'unmatched-report', message: 'Báo cáo chuyển phát không khớp với văn bản đi nào; lưu lại để văn thư xem.' });
    }

    if (toRegister.length > 0 && recipientOrganizationIds.length > 0 && deliveries.length === 0) {
      flags.push({ code: 'duplicate', message: 'Thư này đã được nhận và đăng ký trước đó; không đăng ký lại.' });
    }

    let finished = trx
      .updateTable('messages')
      .set({
        processing_status: 'processed',
        processed_at: now,
        processing_error: null,
        kind: parsed.kind,
        subject: parsed.subject,
        from_address: parsed.from?.address ?? null,
        from_name: parsed.from?.name ?? null,
        sender_organization_id: sender?.id ?? null,
        parsed: JSON.stringify({ from: parsed.from, to: parsed.to, cc: parsed.cc, date: parsed.date, text: parsed.text, html: parsed.html, report: parsed.report, signature: parsed.signature, calendar: parsed.calendar, receiptRequest: receiptRequestOf(parsed), authentication }),
        flags: JSON.stringify(flags),
        has_meeting: parsed.calendar.length > 0 ? 1 : 0,
        reports_on_message_id: reportsOn?.id ?? null,
        claimed_by: null,
        lease_expires_at: null,
      })
      .where('id', '=', message.id);
    if (options.claimedBy) finished = finished.where('claimed_by', '=', options.claimedBy);

    const { numUpdatedRows } = await finished.executeTakeFirst();
    if (options.claimedBy && Number(numUpdatedRows) !== 1) throw new ClaimLostError(message.id, options.claimedBy);

    return deliveries;
  });

  log.info(
    { messageId: message.id, kind: parsed.kind, documents: analysis.documents.length, deliveries: registered.length, flags: flags.map((flag) => flag.code) },
    'message processed',
  );
}

function isDirectoryDomain(organizations: Organization[], address: string): boolean {
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();

  return organizations.some((organization) => organization.addresses.some((entry) => entry.address.endsWith(`@${domain}`)));
}

function documentRow(messageRowId: string, analyzed: AnalyzedDocument, mailSubject: string, attachmentId: string | null, flags: Flag[], now: string) {
  // Text read from a file may carry NUL and other controls, which PostgreSQL text cannot hold.
  const metadata = Object.fromEntries(
    Object.entries(analyzed.recognized.metadata).map(([key, value]) => [key, typeof value === 'string' ? withoutControlCharacters(value) : value]),
  ) as typeof analyzed.recognized.metadata;
  const searchable = [metadata.number, metadata.notation, metadata.issuer, metadata.subject, metadata.signer, metadata.place, mailSubject, analyzed.fileName, analyzed.text.slice(0, MAX_SEARCH_TEXT_CHARS)];

  return {
    message_id: messageRowId,
    attachment_id: attachmentId,
    document_index: analyzed.documentIndex,
    recognized: JSON.stringify(metadata),
    fields: JSON.stringify(analyzed.recognized.fields),
    type: metadata.type,
    number: metadata.number,
    notation: metadata.notation,
    issued_on: metadata.issuedOn,
    place: metadata.place,
    issuer: metadata.issuer,
    issuer_code: metadata.issuerCode,
    subject: metadata.subject,
    signer: metadata.signer,
    signer_position: metadata.signerPosition,
    urgency: metadata.urgency,
    confidentiality: metadata.confidentiality,
    meeting: metadata.meeting ? JSON.stringify(metadata.meeting) : null,
    flags: JSON.stringify(flags),
    search_text: foldText(searchable.filter(Boolean).join(' ')),
    created_at: now,
    updated_at: now,
  };
}

function noticeOf(parsed: ParsedMessage): { kind: NoticeKind; originalMessageId: string; text: string; from: string | null } | null {
  const header = (name: string) => parsed.headers.find((candidate) => candidate.name.toLowerCase() === name)?.value ?? null;
  const kind = header(NOTICE_HEADER.toLowerCase())?.trim();
  const originalMessageId = /<([^>]+)>/.exec(header('in-reply-to') ?? '')?.[1];
  if ((kind !== 'reminder' && kind !== 'recall') || !originalMessageId) return null;

  return { kind, originalMessageId, text: parsed.text.trim().split('\n')[0] || parsed.subject, from: parsed.from?.address ?? null };
}

async function isReusedMessageId(ctx: AppContext, id: string, messageIdHeader: string | null, contentSha256: string): Promise<boolean> {
  if (!messageIdHeader) return false;

  const other = await ctx.db
    .selectFrom('messages')
    .select('id')
    .where('message_id_header', '=', messageIdHeader)
    .where('content_sha256', '!=', contentSha256)
    .where('id', '!=', id)
    .executeTakeFirst();

  return other !== undefined;
}
