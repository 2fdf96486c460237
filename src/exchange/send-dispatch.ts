import type { AppContext } from '../platform/app-context.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { logger } from '../platform/logger.js';
import { foldText } from '../platform/text-fold.js';
import { vietnamYear } from '../platform/vietnam-time.js';
import { getOrganization } from '../directory/organization-repository.js';
import type { User } from '../directory/user-repository.js';
import { registerIncomingDocuments, type DocumentToRegister } from '../documents/register-incoming.js';
import { buildDispatchMessage, dispatchSubject } from './build-dispatch-message.js';
import { dispatchMetadataColumns, metadataFromSender, type DispatchMetadata } from './dispatch-metadata.js';
import { resolveRecipients, type ResolvedRecipient } from './dispatch-recipients.js';
import type { PreparedFile } from './dispatch-files.js';
import { assignOutgoingNumber } from './outgoing-numbering.js';
import { readOutgoingDocument } from './document-reading.js';
import { recordRecipientEvent } from './recipient-status.js';
import { checkSendingRules, loadSendingRules, needsPaperCopy } from './sending-rules.js';
import { requestOutboundDelivery } from './outbound-request.js';
import { overdueTimeFor } from './overdue-time.js';

const log = logger('exchange');


export interface SendInput {
  metadata: DispatchMetadata;
  recipients: string[];
  files: PreparedFile[];
  source: 'web' | 'api' | 'submission';
  /** A saved draft that this send turns into the dispatch. */
  draftId?: string;
}

export interface SentDispatch {
  id: string;
  number: string;
  notation: string | null;
  registerNumber: number;
  recipients: { kind: 'local' | 'remote'; name: string; address: string; status: string }[];
}

/**
 * Sends a document: checks the rules, numbers it in the outgoing register, builds its one mail
 * message, and in the same transaction registers it in the incoming register of every recipient
 * in this installation and queues it for every other. When the transaction commits, local
 * recipients already have it: no moment exists in which the dispatch is sent and a local register lacks it.
 */
export async function sendDispatch(ctx: AppContext, user: User, input: SendInput): Promise<SentDispatch> {
  assertMaySend(user);

  const rules = await loadSendingRules(ctx.db);
  const main = input.files.find((file) => file.role === 'document');
  // A MẬT stamp on the document refuses it even when the form marks it unclassified.
  const reading = main ? await readOutgoingDocument(main) : null;
  checkSendingRules(rules, {
    type: input.metadata.type,
    confidentiality: input.metadata.confidentiality !== 'none' ? input.metadata.confidentiality : (reading?.confidentiality ?? 'none'),
    files: input.files.map((file) => ({ filename: file.filename, detectedType: file.detectedType, size: file.size, role: file.role })),
  });

  const sender = (await getOrganization(ctx.db, user.organizationId))!;
  const senderAddress = sender.addresses.find((address) => !address.isAlias)?.address ?? sender.addresses[0]?.address;
  if (!senderAddress) {
    throw new AppError('conflict', `Cơ quan "${sender.name}" chưa có địa chỉ thư; quản trị viên cần thêm địa chỉ trước khi gửi.`, `Organization "${sender.name}" has no mail address; an administrator must add one before sending.`);
  }
  const { recipients } = await resolveRecipients(ctx.db, input.recipients, sender.id);
  if (recipients.length === 0) {
    throw new AppError('rule-violation', 'Danh sách nơi nhận chỉ có chính cơ quan gửi.', 'The only recipient is the sending organization itself.', 'recipients');
  }

  for (const file of input.files) await ctx.blobs.put(file.content);
  const searchText = searchTextOf(main!, reading!.text, input.metadata, sender.name);

  const now = ctx.clock.now();
  const year = vietnamYear(now);
  const dispatchId = input.draftId ?? newId();
  const domain = senderAddress.split('@')[1]!;
  // Read before the transaction, because on SQLite the transaction uses the only connection.
  const overdueAt = await overdueTimeFor(ctx, input.metadata.urgency, now);

  const sent = await ctx.db.transaction().execute(async (trx) => {
    const numbering = await assignOutgoingNumber(ctx, trx, { organizationId: sender.id, year, number: input.metadata.number, notation: input.metadata.notation });
    const metadata: DispatchMetadata = { ...input.metadata, number: numbering.number };
    const messageId = `${dispatchId}@${domain}`;

    const raw = await buildDispatchMessage({
      dispatchId,
      messageId,
      from: { name: sender.name, address: senderAddress, organizationCode: sender.code },
      to: recipients.map((recipient) => ({ name: recipient.name, address: recipient.address })),
      metadata,
      files: input.files.map((file) => ({ filename: file.filename, contentType: file.detectedType, content: file.content, role: file.role })),
      sentAt: now,
      needsPaperCopy: needsPaperCopy(rules, metadata.type),
    });
    const rawSha256 = await ctx.blobs.put(raw, trx);
    const messageRowId = newId();
    const subject = dispatchSubject(metadata);

    await trx
      .insertInto('messages')
      .values({
        id: messageRowId,
        message_id_header: messageId,
        content_sha256: rawSha256,
        raw_sha256: rawSha256,
        size: raw.length,
        received_at: now.toISOString(),
        source: 'dispatch',
        envelope_from: senderAddress,
        envelope_to: JSON.stringify(recipients.map((recipient) => recipient.address)),
        recipient_organization_ids: JSON.stringify(recipients.filter((recipient) => recipient.kind === 'local').map((recipient) => recipient.organizationId)),
        remote_address: null,
        helo: null,
        processing_status: 'processed',
        processing_attempts: 0,
        processed_at: now.toISOString(),
        kind: 'message',
        subject,
        from_address: senderAddress,
        from_name: sender.name,
        sender_organization_id: sender.id,
        parsed: JSON.stringify({ from: { name: sender.name, address: senderAddress }, to: recipients.map((recipient) => ({ name: recipient.name, address: recipient.address })), cc: [], date: now.toISOString(), text: '', html: null }),
        flags: '[]',
        has_meeting: 0,
      })
      .execute();

    const attachmentIds: string[] = [];
    for (const [index, file] of input.files.entries()) {
      const id = newId();
      attachmentIds.push(id);
      await trx
        .insertInto('attachments')
        .values({
          id,
          message_id: messageRowId,
          part_path: String(index + 2),
          filename: file.filename,
          filename_original: file.filename,
          declared_type: file.detectedType,
          detected_type: file.detectedType,
          disposition: 'attachment',
          size: file.size,
          sha256: file.sha256,
          is_document: file.role === 'document' ? 1 : 0,
          forwarded: 0,
          flags: '[]',
        })
        .execute();
    }

    await writeDispatchRow(trx, { id: dispatchId, user, organizationId: sender.id, metadata, input, year, registerNumber: numbering.registerNumber, messageRowId, messageId, now });

    const mainIndex = input.files.findIndex((file) => file.role === 'document');
    const senderMetadata = metadataFromSender(metadata, { code: sender.code, name: sender.name });
    const copy: DocumentToRegister = {
      documentIndex: 0,
      insertCopy: async (organizationId) => {
        const id = newId();
        await trx
          .insertInto('documents')
          .values({
            id,
            message_id: messageRowId,
            attachment_id: attachmentIds[mainIndex]!,
            organization_id: organizationId,
            document_index: 0,
            recognized: JSON.stringify(senderMetadata.metadata),
            fields: JSON.stringify(senderMetadata.fields),
            type: metadata.type,
            number: metadata.number,
            notation: metadata.notation,
            issued_on: metadata.issuedOn,
            place: metadata.place,
            issuer: sender.name,
            issuer_code: sender.code,
            subject: metadata.subject,
            signer: metadata.signer,
            signer_position: metadata.signerPosition,
            urgency: metadata.urgency,
            confidentiality: metadata.confidentiality,
            meeting: null,
            quarantined: 0,
            flags: '[]',
            search_text: searchText,
            created_at: now.toISOString(),
            updated_at: now.toISOString(),
          })
          .execute();
        return id;
      },
    };

    const locals = recipients.filter((recipient) => recipient.kind === 'local');
    const deliveries = await registerIncomingDocuments(ctx, trx, {
      messageKey: `dispatch:${dispatchId}`,
      receivedAt: now,
      organizationIds: locals.map((recipient) => recipient.organizationId!),
      documents: [copy],
    });
    const deliveryByOrganization = new Map(deliveries.map((delivery) => [delivery.organizationId, delivery.deliveryId]));

    const remotes: { recipientId: string; address: string }[] = [];
    for (const recipient of recipients) {
      const recipientId = newId();
      await insertRecipient(trx, dispatchId, recipientId, recipient, deliveryByOrganization.get(recipient.organizationId ?? '') ?? null, overdueAt, now);
      await recordRecipientEvent(ctx, trx, recipientId, recipient.kind === 'local' ? 'delivered' : 'queued', { actorName: user.fullName });
      if (recipient.kind === 'remote') remotes.push({ recipientId, address: recipient.address });
    }

    if (remotes.length > 0) {
      await requestOutboundDelivery(ctx, trx, { rawSha256, envelopeFrom: senderAddress, recipients: remotes });
    }

    return { number: numbering.number, registerNumber: numbering.registerNumber, notation: metadata.notation };
  });

  log.info({ dispatchId, organizationId: sender.id, recipients: recipients.length, registerNumber: sent.registerNumber }, 'dispatch sent');

  return {
    id: dispatchId,
    ...sent,
    recipients: recipients.map((recipient) => ({ kind: recipient.kind, name: recipient.name, address: recipient.address, status: recipient.kind === 'local' ? 'delivered' : 'queued' })),
  };
}

/** Clerks and leaders send on behalf of their organization. */
export function assertMaySend(user: User): void {
  if (!user.roles.includes('clerk') && !user.roles.includes('leader')) {
    throw new AppError('forbidden', 'Chỉ văn thư hoặc lãnh đạo của cơ quan được gửi văn bản.', 'Only a clerk or a leader of the organization may send documents.');
  }
}

function searchTextOf(file: PreparedFile, text: string, metadata: DispatchMetadata, issuer: string): string {
  const searchable = [metadata.number, metadata.notation, issuer, metadata.subject, metadata.signer, metadata.place, file.filename, text];

  return foldText(searchable.filter(Boolean).join(' '));
}

async function writeDispatchRow(
  trx: AppContext['db'],
  row: { id: string; user: User; organizationId: string; metadata: DispatchMetadata; input: SendInput; year: number; registerNumber: number; messageRowId: string; messageId: string; now: Date },
): Promise<void> {
  const { metadata } = row;
  const values = {
    organization_id: row.organizationId,
    created_by_user_id: row.user.id,
    created_by_name: row.user.fullName,
    status: 'sent' as const,
    source: row.input.source,
    ...dispatchMetadataColumns(metadata),
    recipients: JSON.stringify(row.input.recipients),
    register_year: row.year,
    register_number: row.registerNumber,
    message_row_id: row.messageRowId,
    message_id_header: row.messageId,
    updated_at: row.now.toISOString(),
    sent_at: row.now.toISOString(),
  };

  if (row.input.draftId) {
    const updated = await trx.updateTable('dispatches').set(values).where('id', '=', row.id).where('status', '=', 'draft').executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      throw new AppError('conflict', 'Bản nháp này đã được gửi hoặc đã bị xóa.', 'This draft was already sent or deleted.');
    }
    await trx.deleteFrom('dispatch_files').where('dispatch_id', '=', row.id).execute();
  } else {
    await trx.insertInto('dispatches').values({ id: row.id, ...values, withdraw_reason: null, created_at: row.now.toISOString(), withdrawn_at: null }).execute();
  }

  for (const [position, file] of row.input.files.entries()) {
    await trx
      .insertInto('dispatch_files')
      .values({ dispatch_id: row.id, position, role: file.role, filename: file.filename, content_type: file.detectedType, size: file.size, sha256: file.sha256 })
      .execute();
  }
}

async function insertRecipient(
  trx: AppContext['db'],
  dispatchId: string,
  recipientId: string,
  recipient: ResolvedRecipient,
  deliveryId: string | null,
  overdueAt: string | null,
  now: Date,
): Promise<void> {
  await trx
    .insertInto('dispatch_recipients')
    .values({
      id: recipientId,
      dispatch_id: dispatchId,
      kind: recipient.kind,
      organization_id: recipient.organizationId,
      address: recipient.address,
      name: recipient.name,
      // recordRecipientEvent moves it to delivered or keeps it queued.
      status: 'queued',
      delivery_id: deliveryId,
      overdue_at: overdueAt,
      reminded_at: null,
      updated_at: now.toISOString(),
    })
    .execute();
}
