import type { AppContext } from '../../platform/app-context.js';
import { newId } from '../../platform/ids.js';
import { logger } from '../../platform/logger.js';
import { foldText } from '../../platform/text-fold.js';
import { findOrganizationByAddress, listOrganizations } from '../../directory/organization-repository.js';
import type { Flag } from '../../documents/document-item.js';
import { registerIncomingDocuments, type DocumentToRegister } from '../../documents/register-incoming.js';
import type { AnalyzedDocument } from '../../documents/analyze-document.js';
import { analyzeMessage } from './analyze-message.js';
import { notifyQuarantine } from './quarantine-notice.js';

const log = logger('ingest');

// Enough of the extracted text for search without bloating every row.
const MAX_SEARCH_TEXT_CHARS = 200_000;

/**
 * Processes one stored message: parse, store the parts, recognise the documents, and register
 * them for every recipient organization, all in one transaction after the blobs are written.
 */
export async function processMessage(ctx: AppContext, messageRowId: string): Promise<void> {
  const message = await ctx.db.selectFrom('messages').selectAll().where('id', '=', messageRowId).executeTakeFirstOrThrow();
  const raw = await ctx.blobs.get(message.raw_sha256);

  const organizations = await listOrganizations(ctx.db);
  const analysis = await analyzeMessage(raw, organizations);
  const { parsed } = analysis;

  for (const attachment of parsed.attachments) {
    await ctx.blobs.put(attachment.content);
  }

  const flags: Flag[] = [...analysis.flags];
  if (await isReusedMessageId(ctx, message.id, message.message_id_header, message.content_sha256)) {
    flags.push({ code: 'message-id-reused', message: 'Another message with this Message-ID but different content was received earlier; registered as a new message.' });
  }

  const sender = parsed.from ? await findOrganizationByAddress(ctx.db, parsed.from.address) : null;
  const reportsOn = parsed.report?.originalMessageId
    ? await ctx.db.selectFrom('messages').select('id').where('message_id_header', '=', parsed.report.originalMessageId).executeTakeFirst()
    : undefined;
  const recipientOrganizationIds = JSON.parse(message.recipient_organization_ids) as string[];
  const now = ctx.clock.now().toISOString();

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
          flags: '[]',
        })
        .execute();
    }

    const documents: DocumentToRegister[] = [];
    for (const analyzed of analysis.documents) {
      const id = newId();
      const quarantined = analyzed.recognized.metadata.confidentiality !== 'none';
      const attachmentId = analyzed.attachmentPartPath ? (attachmentIds.get(analyzed.attachmentPartPath) ?? null) : null;
      await insertDocument(trx, id, message.id, analyzed, parsed.subject, attachmentId, [...flags, ...analyzed.flags], quarantined, now);
      documents.push({ id, documentIndex: analyzed.documentIndex, quarantined });
    }

    await trx
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
        parsed: JSON.stringify({ from: parsed.from, to: parsed.to, cc: parsed.cc, date: parsed.date, text: parsed.text, html: parsed.html, report: parsed.report, signature: parsed.signature, calendar: parsed.calendar }),
        flags: JSON.stringify(flags),
        has_meeting: parsed.calendar.length > 0 ? 1 : 0,
        reports_on_message_id: reportsOn?.id ?? null,
      })
      .where('id', '=', message.id)
      .execute();

    const messageKey = `${message.message_id_header ?? `raw:${message.raw_sha256}`}|${message.content_sha256}`;
    const deliveries = await registerIncomingDocuments(ctx, trx, {
      messageKey,
      receivedAt: new Date(message.received_at),
      organizationIds: recipientOrganizationIds,
      documents,
    });

    for (const document of documents.filter((candidate) => candidate.quarantined)) {
      await notifyQuarantine(ctx, trx, { documentId: document.id, messageRowId: message.id, senderOrganizationId: sender?.id ?? null, subject: parsed.subject });
    }

    return deliveries;
  });

  log.info(
    { messageId: message.id, kind: parsed.kind, documents: analysis.documents.length, deliveries: registered.length, flags: flags.map((flag) => flag.code) },
    'message processed',
  );
}

async function insertDocument(
  trx: AppContext['db'],
  id: string,
  messageRowId: string,
  analyzed: AnalyzedDocument,
  mailSubject: string,
  attachmentId: string | null,
  flags: Flag[],
  quarantined: boolean,
  now: string,
): Promise<void> {
  const metadata = analyzed.recognized.metadata;
  const searchable = [metadata.number, metadata.notation, metadata.issuer, metadata.subject, metadata.signer, metadata.place, mailSubject, analyzed.fileName, analyzed.text.slice(0, MAX_SEARCH_TEXT_CHARS)];

  await trx
    .insertInto('documents')
    .values({
      id,
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
      quarantined: quarantined ? 1 : 0,
      flags: JSON.stringify(flags),
      search_text: foldText(searchable.filter(Boolean).join(' ')),
      created_at: now,
      updated_at: now,
    })
    .execute();
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
