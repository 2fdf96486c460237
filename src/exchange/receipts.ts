import type { AppContext } from '../platform/app-context.js';
import type { Db } from '../platform/database/connection.js';
import { newId } from '../platform/ids.js';
import { logger } from '../platform/logger.js';
import { parseJsonColumn } from '../platform/json-column.js';
import { normalizeMailAddress } from '../directory/mail-address.js';
import { findOrganizationByAddress, getOrganization } from '../directory/organization-repository.js';
import type { ParsedMessage } from '../mail/mime/types.js';
import { requestOutboundDelivery } from './outbound-request.js';
import { buildReceiptMessage, RECEIPT_PART_NAME, RECEIPT_PART_TYPE, type ReceiptContent } from './receipt-message.js';
import type { ReceiptRequest } from './receipt-request.js';
import { recordRecipientEvent, type RecipientEventKind } from './recipient-status.js';

const log = logger('exchange');

/**
 * Sends the receipt for a received document whose sender asked for one (Decree 30/2020: the
 * recipient notifies the sender of receipt the same day). Queued in the caller's transaction, so
 * the receipt leaves exactly when the decision is committed. Senders in this installation
 * follow their recipients directly and get no mail.
 */
export async function queueReceipt(
  ctx: AppContext,
  trx: Db,
  input: { deliveryId: string; decision: 'accepted' | 'rejected'; reason: string | null; by: string | null },
): Promise<void> {
  const row = await trx
    .selectFrom('deliveries')
    .innerJoin('documents', 'documents.id', 'deliveries.document_id')
    .innerJoin('messages', 'messages.id', 'documents.message_id')
    .select(['deliveries.organization_id', 'deliveries.register_number', 'messages.parsed', 'messages.subject', 'messages.envelope_to', 'messages.source'])
    .where('deliveries.id', '=', input.deliveryId)
    .executeTakeFirstOrThrow();
  if (row.source === 'dispatch') return;

  const request = parseJsonColumn<{ receiptRequest?: ReceiptRequest | null }>(row.parsed, {}).receiptRequest;
  if (!request || (await findOrganizationByAddress(trx, request.to))) return;

  const organization = (await getOrganization(trx, row.organization_id))!;
  const addressedTo = recipientAddressOf(organization.addresses.map((entry) => entry.address), JSON.parse(row.envelope_to) as string[]);
  const from = { name: organization.name, address: addressedTo };
  const now = ctx.clock.now();
  const receipt: ReceiptContent = {
    format: 'congvan-receipt',
    version: 1,
    dispatchId: request.dispatchId,
    originalMessageId: request.originalMessageId,
    recipient: addressedTo,
    decision: input.decision,
    reason: input.reason,
    at: now.toISOString(),
    by: input.by,
    registerNumber: row.register_number,
  };

  const domain = addressedTo.split('@')[1]!;
  const raw = buildReceiptMessage({ from, to: request.to, messageId: `${newId()}@${domain}`, reportingHost: ctx.config.hostname, subject: row.subject ?? '', receipt });
  const rawSha256 = await ctx.blobs.put(raw, trx);

  await requestOutboundDelivery(ctx, trx, { rawSha256, envelopeFrom: addressedTo, recipients: [{ recipientId: null, address: request.to }] });
  log.info({ deliveryId: input.deliveryId, decision: input.decision, to: request.to }, 'receipt queued');
}

/**
 * Applies a received disposition notification to the dispatch it replies to: Công Văn's own
 * receipt part gives the decision and reason, a plain MDN its disposition type (processed →
 * accepted, deleted → rejected, displayed → read). Returns the number of recipients updated;
 * 0 means the receipt matched nothing and must be flagged, never dropped.
 */
export async function applyIncomingReceipt(ctx: AppContext, trx: Db, parsed: ParsedMessage): Promise<number> {
  const part = parsed.attachments.find((attachment) => attachment.filename === RECEIPT_PART_NAME || attachment.declaredType === RECEIPT_PART_TYPE);
  const stated = part ? parseReceiptPart(part.content) : null;
  const originalMessageId = stated?.originalMessageId ?? parsed.report?.originalMessageId ?? null;
  if (!originalMessageId) return 0;

  const dispatch = await trx.selectFrom('dispatches').select('id').where('message_id_header', '=', originalMessageId).executeTakeFirst();
  if (!dispatch) return 0;

  const address = normalizeMailAddress(stated?.recipient ?? stripAddressType(parsed.report?.recipient) ?? parsed.from?.address ?? '');
  const recipients = await trx.selectFrom('dispatch_recipients').select(['id', 'address']).where('dispatch_id', '=', dispatch.id).where('kind', '=', 'remote').execute();
  const recipient = recipients.find((candidate) => candidate.address !== null && normalizeMailAddress(candidate.address) === address);
  if (!recipient) return 0;

  // The receipt must come from the recipient it speaks for, not from anyone who learnt the
  // Message-ID. The caller applies receipts only when DKIM or SPF proves the From address.
  if (!parsed.from || normalizeMailAddress(parsed.from.address) !== address) return 0;

  const kind = receiptKind(stated?.decision ?? null, parsed.report?.action ?? null);
  if (!kind) return 0;

  const detail = [stated?.registerNumber ? `Số đến: ${stated.registerNumber}` : null, stated?.reason ? `Lý do: ${stated.reason}` : null].filter(Boolean).join('. ') || null;
  await recordRecipientEvent(ctx, trx, recipient.id, kind, { actorName: stated?.by ?? null, detail });
  return 1;
}

function receiptKind(decision: string | null, action: string | null): RecipientEventKind | null {
  if (decision === 'accepted' || decision === 'rejected') return decision;

  const disposition = (action ?? '').toLowerCase();
  if (disposition === 'processed') return 'accepted';
  if (disposition === 'deleted') return 'rejected';
  if (disposition === 'displayed') return 'read';
  return null;
}

function parseReceiptPart(bytes: Uint8Array): ReceiptContent | null {
  try {
    const value = JSON.parse(Buffer.from(bytes).toString('utf8')) as Partial<ReceiptContent>;
    if (value.format !== 'congvan-receipt' || typeof value.originalMessageId !== 'string' || typeof value.recipient !== 'string') return null;
    return value as ReceiptContent;
  } catch {
    return null;
  }
}

// "rfc822;vanthu@so.gov.vn" in a Final-Recipient field.
function stripAddressType(value: string | null | undefined): string | null {
  if (!value) return null;
  return value.includes(';') ? value.slice(value.indexOf(';') + 1).trim() : value.trim();
}

// The address the sender wrote to, so its system matches the receipt to the right recipient.
function recipientAddressOf(ownAddresses: string[], envelopeTo: string[]): string {
  const addressed = envelopeTo.map((address) => normalizeMailAddress(address)).find((address) => address !== null && ownAddresses.includes(address));
  return addressed ?? ownAddresses[0]!;
}
