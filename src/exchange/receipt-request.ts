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
 * a Message-ID. Null for messages that ask for none, for delivery reports and receipts
 * themselves, which must never get a receipt of their own, and for a request whose address is
 * outside the From domain (see foreignReceiptRequest).
 */
export function receiptRequestOf(parsed: ParsedMessage): ReceiptRequest | null {
  if (parsed.kind !== 'message' || !parsed.messageId) return null;

  const address = requestedAddress(parsed);
  if (!address || !sameDomain(address, parsed.from?.address)) return null;

  const part = parsed.attachments.find((attachment) => attachment.filename === DISPATCH_PART_NAME && attachment.declaredType === DISPATCH_PART_TYPE);
  const dispatch = part ? parseDispatchPart(part.content) : null;

  return { to: address, originalMessageId: parsed.messageId, dispatchId: dispatch?.dispatchId ?? null };
}

/**
 * Returns whether the message requests a receipt at an address outside its From domain. RFC 8098
 * section 2.1 warns that such a request can aim receipts at a third party, so none is sent
 * automatically; the message is flagged instead.
 */
export function foreignReceiptRequest(parsed: ParsedMessage): boolean {
  if (parsed.kind !== 'message' || !parsed.messageId) return false;

  const address = requestedAddress(parsed);
  return address !== null && !sameDomain(address, parsed.from?.address);
}

function requestedAddress(parsed: ParsedMessage): string | null {
  const header = parsed.headers.find((candidate) => candidate.name.toLowerCase() === 'disposition-notification-to');

  return header ? normalizeMailAddress(/<([^>]+)>/.exec(header.value)?.[1] ?? header.value) : null;
}

function sameDomain(address: string, other: string | undefined): boolean {
  const domainOf = (value: string) => value.slice(value.lastIndexOf('@') + 1).toLowerCase();

  return other !== undefined && domainOf(address) === domainOf(other);
}
