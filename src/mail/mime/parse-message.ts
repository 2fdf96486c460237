// Parser choice. Of the two parsers the design names, mailparser 3.14 is the better one: it streams
// and decodes an encoded word split inside a character correctly, which postal-mime 4.2 garbled
// when the project measured both on Node 20. Its result still cannot be the parse, because it
// loses what this module must keep or report. On Node 20 with mailparser 3.14.5, 8-bit text
// without a charset, 8-bit header bytes and text in an unknown charset become U+FFFD, so
// windows-1258 text cannot be recovered. Broken base64 is decoded without any warning. A
// forwarded message/rfc822 part comes out as one opaque attachment, not as the files inside it,
// and the result exposes neither raw header bytes nor a missing closing boundary. Patching that
// means reading the raw message a second time anyway. So mime-tree.ts splits the structure in one
// synchronous pass over the Buffer, bounded in depth, part count and time, and charset.ts,
// encoded-words.ts and parameter-value.ts do the decoding. The tests compare the real fixture
// messages with mailparser.

import { performance } from 'node:perf_hooks';

import { readEnvelopeHeaders, type EnvelopeHeaders } from './envelope-headers.js';
import { FlagList } from './flag-list.js';
import { plainParameter } from './header-params.js';
import { readHeaderSection, type HeaderField } from './header-section.js';
import { decodedHeaderValue } from './header-value.js';
import { htmlToText } from './html-to-text.js';
import { DEFAULT_TIME_BUDGET_MS } from './limits.js';
import { flagLongLines } from './line-length.js';
import { collectMessageContent, type MessageContent } from './message-content.js';
import { readMessageTree, type MimeEntity } from './mime-tree.js';
import { buildReport } from './report-parts.js';
import { sanitiseMailHtml } from './sanitize-html.js';
import { MESSAGE_FLAG_CODES, type ParsedMessage, type ReportKind } from './types.js';

export interface ParseOptions {
  /** Wall-clock budget in milliseconds. Parts not reached in time are left unparsed and flagged. */
  timeBudgetMs?: number;
}

/**
 * Parses a raw RFC 5322 message. Never rejects: a problem becomes a flag, and input with no
 * usable header section yields an empty message flagged parse-failed. Attachment bytes are
 * exactly the decoded part bytes, never charset-converted.
 */
export async function parseMessage(raw: Buffer, options: ParseOptions = {}): Promise<ParsedMessage> {
  const flags = new FlagList();

  try {
    return parseOrFlag(Buffer.isBuffer(raw) ? raw : Buffer.from(raw), flags, options);
  } catch (error) {
    return failedMessage(raw, flags, error);
  }
}

function parseOrFlag(raw: Buffer, flags: FlagList, options: ParseOptions): ParsedMessage {
  flagLongLines(raw, flags);

  const deadline = performance.now() + (options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS);
  const root = readMessageTree(raw, { flags, parts: 0, deadline, timedOut: false });
  if (root.headers.length === 0) {
    flags.add(MESSAGE_FLAG_CODES.parseFailed, 'no header section found, the input is not a message');
    return emptyMessage(flags);
  }

  const envelope = readEnvelopeHeaders(root.headers, flags, 'message');
  flagEnvelopeProblems(envelope, flags);

  const content = collectMessageContent(root, flags);
  const kind = reportKindOf(root);
  const html = sanitiseBodies(content.htmls, flags);

  return {
    messageId: envelope.messageId,
    subject: envelope.subject,
    from: envelope.from,
    to: envelope.to,
    cc: envelope.cc,
    replyTo: envelope.replyTo,
    date: envelope.date,
    headers: decodeHeaderList(root.headers, flags),
    text: plainText(content),
    html,
    attachments: kind === 'message' ? content.attachments : content.attachments.map((file) => ({ ...file, isDocument: false })),
    calendar: content.calendar,
    kind,
    report:
      kind === 'message'
        ? null
        : buildReport({
            kind,
            statusText: content.reportStatusText,
            returnedMessageId: content.returnedMessageId,
            inReplyTo: envelope.inReplyTo,
            references: envelope.references,
          }),
    signature: content.signature,
    forwarded: content.forwarded,
    flags: flags.toArray(),
  };
}

function flagEnvelopeProblems(envelope: EnvelopeHeaders, flags: FlagList): void {
  if (envelope.messageId === null) {
    const reason = envelope.hasMessageIdField ? 'the Message-ID header has no usable value' : 'no Message-ID header';
    flags.add(MESSAGE_FLAG_CODES.messageIdMissing, reason);
  }

  if (envelope.invalidDate !== null) {
    flags.add(MESSAGE_FLAG_CODES.dateInvalid, 'the Date header is not a date', envelope.invalidDate);
  }
}

// RFC 6522: multipart/report names its kind in report-type. RFC 3464 and RFC 8098 define the two read here.
function reportKindOf(root: MimeEntity): ReportKind {
  if (root.contentType.value !== 'multipart/report') {
    return 'message';
  }

  const reportType = (plainParameter(root.contentType, 'report-type') ?? '').toLowerCase();
  const childTypes = root.children.map((child) => child.contentType.value);
  if (reportType.endsWith('delivery-status') || childTypes.some((type) => type.endsWith('delivery-status'))) {
    return 'delivery-status';
  }
  if (reportType.endsWith('disposition-notification') || childTypes.some((type) => type.endsWith('disposition-notification'))) {
    return 'read-receipt';
  }

  return 'message';
}

function plainText(content: MessageContent): string {
  if (content.texts.length > 0) {
    return content.texts.join('\n').normalize('NFC');
  }

  if (content.htmls.length > 0) {
    return htmlToText(content.htmls.join('\n'));
  }

  return '';
}

function sanitiseBodies(htmls: string[], flags: FlagList): string | null {
  if (htmls.length === 0) {
    return null;
  }

  const sanitised = sanitiseMailHtml(htmls.join('<br>\n'));
  if (sanitised.removed.length > 0) {
    flags.add(MESSAGE_FLAG_CODES.htmlSanitised, 'active or remote HTML content was removed', sanitised.removed.join(', '));
  }
  if (sanitised.truncated) {
    flags.add(MESSAGE_FLAG_CODES.htmlTruncated, 'the HTML body was cut to the size the sanitiser accepts');
  }
  if (sanitised.droppedTags > 0) {
    const message = `${sanitised.droppedTags} HTML tags nested too deeply were dropped`;
    flags.add(MESSAGE_FLAG_CODES.htmlTruncated, message);
  }

  return sanitised.html;
}

function decodeHeaderList(fields: HeaderField[], flags: FlagList): ParsedMessage['headers'] {
  return fields.map((field) => ({ name: field.name, value: decodedHeaderValue(field, flags, 'message') }));
}

function emptyMessage(flags: FlagList): ParsedMessage {
  return {
    messageId: null,
    subject: '',
    from: null,
    to: [],
    cc: [],
    replyTo: [],
    date: null,
    headers: [],
    text: '',
    html: null,
    attachments: [],
    calendar: [],
    kind: 'message',
    report: null,
    signature: null,
    forwarded: [],
    flags: flags.toArray(),
  };
}

// An unexpected error still returns the envelope fields of the header section, so the clerk sees who sent it.
function failedMessage(raw: Buffer, flags: FlagList, error: unknown): ParsedMessage {
  const reason = error instanceof Error ? error.message : String(error);
  flags.add(MESSAGE_FLAG_CODES.parseFailed, 'the message could not be parsed', reason);

  try {
    const section = readHeaderSection(raw, true);
    const envelope = readEnvelopeHeaders(section.fields, flags, 'message');
    return {
      ...emptyMessage(flags),
      messageId: envelope.messageId,
      subject: envelope.subject,
      from: envelope.from,
      to: envelope.to,
      cc: envelope.cc,
      replyTo: envelope.replyTo,
      date: envelope.date,
    };
  } catch {
    return emptyMessage(flags);
  }
}
