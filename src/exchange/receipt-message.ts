import { randomBytes } from 'node:crypto';

export const RECEIPT_PART_TYPE = 'application/vnd.congvan.receipt+json';
export const RECEIPT_PART_NAME = 'congvan-receipt.json';

export interface ReceiptContent {
  format: 'congvan-receipt';
  version: 1;
  /** The sender's dispatch id, when another Công Văn sent the document. */
  dispatchId: string | null;
  /** Without angle brackets. */
  originalMessageId: string;
  /** The receiving organization's address, as the sender addressed it. */
  recipient: string;
  decision: 'accepted' | 'rejected';
  reason: string | null;
  at: string;
  by: string | null;
  /** Số đến: the number the document got in the recipient's incoming register. */
  registerNumber: number | null;
}

export interface ReceiptMessageInput {
  from: { name: string; address: string };
  to: string;
  messageId: string;
  reportingHost: string;
  subject: string;
  receipt: ReceiptContent;
}

/**
 * Builds the receipt sent back when a clerk accepts or rejects a received document: a
 * disposition notification (RFC 8098) that any mail system understands, whose third part
 * carries the decision, the reason and the incoming number for another Công Văn.
 */
export function buildReceiptMessage(input: ReceiptMessageInput): Buffer {
  const boundary = `----=_congvan_receipt_${randomBytes(12).toString('hex')}`;
  const { receipt } = input;
  const accepted = receipt.decision === 'accepted';
  const human = [
    accepted ? `${input.from.name} đã tiếp nhận văn bản "${input.subject}".` : `${input.from.name} đã từ chối văn bản "${input.subject}".`,
    ...(receipt.registerNumber !== null && accepted ? [`Số đến: ${receipt.registerNumber}.`] : []),
    ...(receipt.reason ? [`Lý do: ${receipt.reason}`] : []),
    ...(receipt.by ? [`Người xử lý: ${receipt.by}.`] : []),
    '',
    'Thư báo nhận tự động của hệ thống Công Văn.',
  ].join('\r\n');
  const notification = [
    `Reporting-UA: ${input.reportingHost}; Cong Van`,
    `Original-Recipient: rfc822;${receipt.recipient}`,
    `Final-Recipient: rfc822;${receipt.recipient}`,
    `Original-Message-ID: <${receipt.originalMessageId}>`,
    // RFC 8098 section 3.2.6: "processed" for a document taken into handling, "deleted" for one refused.
    `Disposition: manual-action/MDN-sent-manually; ${accepted ? 'processed' : 'deleted'}`,
  ].join('\r\n');

  const lines = [
    `From: ${encodeWord(input.from.name)} <${input.from.address}>`,
    `To: <${input.to}>`,
    `Subject: ${encodeWord(`${accepted ? 'Báo nhận' : 'Từ chối'}: ${input.subject}`)}`,
    `Date: ${new Date(receipt.at).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${input.messageId}>`,
    `In-Reply-To: <${receipt.originalMessageId}>`,
    `References: <${receipt.originalMessageId}>`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=disposition-notification; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    wrapBase64(Buffer.from(`${human}\r\n`, 'utf8')),
    `--${boundary}`,
    'Content-Type: message/disposition-notification',
    '',
    notification,
    '',
    `--${boundary}`,
    `Content-Type: ${RECEIPT_PART_TYPE}; name="${RECEIPT_PART_NAME}"`,
    `Content-Disposition: attachment; filename="${RECEIPT_PART_NAME}"`,
    'Content-Transfer-Encoding: base64',
    '',
    wrapBase64(Buffer.from(JSON.stringify(receipt), 'utf8')),
    `--${boundary}--`,
    '',
  ];

  return Buffer.from(lines.join('\r\n'), 'utf8');
}

// RFC 2047 caps an encoded word at 75 characters, so long text becomes several folded words;
// 15 characters of Vietnamese are at most 45 bytes, 60 in base64.
function encodeWord(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;

  const characters = [...text.normalize('NFC')];
  const words: string[] = [];
  for (let start = 0; start < characters.length; start += 15) {
    words.push(`=?UTF-8?B?${Buffer.from(characters.slice(start, start + 15).join(''), 'utf8').toString('base64')}?=`);
  }
  return words.join('\r\n ');
}

function wrapBase64(bytes: Buffer): string {
  return bytes.toString('base64').replace(/.{76}/g, '$&\r\n').replace(/\r\n$/, '');
}
