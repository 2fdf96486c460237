import type { ParsedMessage } from '../mail/mime/types.js';
import { normalizeMailAddress } from '../directory/mail-address.js';
import { DISPATCH_PART_NAME, DISPATCH_PART_TYPE, parseDispatchPart } from './dispatch-metadata.js';

/** The address a receipt for a received document goes to, and the message it concerns. */
export interface ReceiptRequest {
  /** Receipt destination: the Disposition-Notification-To address (RFC 8098). */
  to: string;
  /** The Message-ID of the received message, without angle brackets. */
  originalMessageId: string;
  /** The sender's dispatch id when another Công Văn sent it. */
  dispatchId: string | null;
}

/**
 * Reads the receipt request of a received message: a Disposition-Notification-To header and
 * a Message-ID. Null for messages that ask for none, and for delivery reports and receipts
 * themselves, which must never get a receipt of their own.
 */
export function receiptRequestOf(parsed: ParsedMessage): ReceiptRequest | null {
  if (parsed.kind !== 'message' || !parsed.messageId) return null;

  const header = parsed.headers.find((candidate) => candidate.name.toLowerCase() === 'disposition-notification-to');
  const address = header ? normalizeMailAddress(/<([^>]+)>/.exec(header.value)?.[1] ?? header.value) : null;
  if (!address) return null;

  const part = parsed.attachments.find((attachment) => attachment.filename === DISPATCH_PART_NAME && attachment.declaredType === DISPATCH_PART_TYPE);
  const dispatch = part ? parseDispatchPart(part.content) : null;

  return { to: address, originalMessageId: parsed.messageId, dispatchId: dispatch?.dispatchId ?? null };
}
