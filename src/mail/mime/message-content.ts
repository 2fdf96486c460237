import { buildAttachment } from './attachment.js';
import { readCalendarMethod } from './calendar-method.js';
import { readEnvelopeHeaders } from './envelope-headers.js';
import { readPartFileName } from './file-name.js';
import type { FlagList } from './flag-list.js';
import { plainParameter, type StructuredHeader } from './header-params.js';
import { findField, readHeaderSection } from './header-section.js';
import { headerText } from './header-value.js';
import { readMessageId } from './message-id.js';
import type { MimeEntity } from './mime-tree.js';
import { describeInlinePgp, describePkcs7, describeSignedMultipart } from './signature.js';
import { TNEF_TYPE } from './sniff-type.js';
import { decodeTextPart } from './text-part.js';
import { readTnef } from './tnef.js';
import { decodeTransferEncoding } from './transfer-encoding.js';
import {
  MESSAGE_FLAG_CODES,
  type CalendarPart,
  type ForwardedMessage,
  type MessageSignature,
  type ParsedAttachment,
} from './types.js';

export interface MessageContent {
  /** text/plain bodies of the top-level message, in order, one per chosen part. */
  texts: string[];
  /** text/html bodies of the top-level message, unsanitised. */
  htmls: string[];
  attachments: ParsedAttachment[];
  calendar: CalendarPart[];
  forwarded: ForwardedMessage[];
  signature: MessageSignature | null;
  /** Body of a delivery-status or disposition-notification part. */
  reportStatusText: string | null;
  /** Message-ID of a returned message or returned headers in a report. */
  returnedMessageId: string | null;
}

interface Bodies {
  texts: string[];
  htmls: string[];
}

const NO_BODIES: Bodies = { texts: [], htmls: [] };
const REPORT_STATUS_TYPES = new Set([
  'message/delivery-status',
  'message/global-delivery-status',
  'message/disposition-notification',
  'message/global-disposition-notification',
]);
const RETURNED_HEADER_TYPES = new Set(['text/rfc822-headers', 'message/rfc822-headers', 'message/global-headers']);
const EMBEDDED_MESSAGE_TYPES = new Set(['message/rfc822', 'message/global']);
const PKCS7_MIME_TYPES = new Set(['application/pkcs7-mime', 'application/x-pkcs7-mime']);
const CALENDAR_TYPES = new Set(['text/calendar', 'application/ics']);
const TNEF_DECLARED_TYPES = new Set([TNEF_TYPE, 'application/vnd.ms-tnef']);

/** Walks the MIME tree once and sorts every part into bodies, attachments, calendars and report data. */
export function collectMessageContent(root: MimeEntity, flags: FlagList): MessageContent {
  const content: MessageContent = {
    texts: [],
    htmls: [],
    attachments: [],
    calendar: [],
    forwarded: [],
    signature: null,
    reportStatusText: null,
    returnedMessageId: null,
  };

  const bodies = new ContentWalker(content, flags).walk(root);
  content.texts = bodies.texts;
  content.htmls = bodies.htmls;

  return content;
}

class ContentWalker {
  constructor(
    private readonly content: MessageContent,
    private readonly flags: FlagList,
  ) {}

  walk(entity: MimeEntity): Bodies {
    if (entity.skipped) {
      return NO_BODIES;
    }

    const type = entity.contentType.value;
    if (type === 'multipart/alternative') {
      return this.walkAlternative(entity);
    }
    if (type === 'multipart/signed') {
      return this.walkSigned(entity);
    }
    if (type.startsWith('multipart/')) {
      if (type === 'multipart/encrypted') {
        const where = `part ${entity.path || '(message)'}`;
        this.flags.add(MESSAGE_FLAG_CODES.messageEncrypted, 'PGP/MIME encrypted content cannot be read without the key', where);
      }
      return this.concatenate(entity.children.map((child) => this.walk(child)));
    }

    if (EMBEDDED_MESSAGE_TYPES.has(type)) {
      this.walkEmbeddedMessage(entity);
      return NO_BODIES;
    }
    if (PKCS7_MIME_TYPES.has(type)) {
      return this.walkPkcs7(entity);
    }

    return this.walkLeaf(entity);
  }

  // RFC 2046 section 5.1.4: alternatives come in increasing faithfulness, so the last one of each kind wins.
  private walkAlternative(entity: MimeEntity): Bodies {
    const alternatives = entity.children.map((child) => this.walk(child));
    const withText = alternatives.filter((bodies) => bodies.texts.length > 0).at(-1);
    const withHtml = alternatives.filter((bodies) => bodies.htmls.length > 0).at(-1);

    return { texts: withText?.texts ?? [], htmls: withHtml?.htmls ?? [] };
  }

  private walkSigned(entity: MimeEntity): Bodies {
    // A forwarded message's signature covers that message, not the one received.
    if (!entity.forwarded) {
      this.content.signature ??= describeSignedMultipart(entity, this.flags);
    }

    const signed = entity.children[0];

    return signed ? this.walk(signed) : NO_BODIES;
  }

  private walkPkcs7(entity: MimeEntity): Bodies {
    if (!entity.forwarded) {
      const signature = describePkcs7(entity, this.flags);
      this.content.signature ??= signature;
    }

    if (entity.message) {
      return this.walk(entity.message);
    }

    this.addAttachment(entity, this.decodeBody(entity));
    return NO_BODIES;
  }

  private walkEmbeddedMessage(entity: MimeEntity): void {
    const message = entity.message;
    if (!message) {
      return;
    }

    const where = `part ${entity.path}`;
    const headers = readEnvelopeHeaders(message.headers, this.flags, where);
    this.content.forwarded.push({
      partPath: entity.path,
      messageId: headers.messageId,
      subject: headers.subject,
      from: headers.from,
      date: headers.date,
    });
    this.content.returnedMessageId ??= headers.messageId;

    // The embedded message's text stays out of the top-level body, but its attachments come out.
    this.walk(message);
  }

  private walkLeaf(entity: MimeEntity): Bodies {
    const type = entity.contentType.value;

    if (REPORT_STATUS_TYPES.has(type)) {
      this.content.reportStatusText ??= decodeTextPart(entity, this.decodeBody(entity), this.flags);
      return NO_BODIES;
    }
    if (RETURNED_HEADER_TYPES.has(type)) {
      this.readReturnedHeaders(entity);
      return NO_BODIES;
    }
    if (CALENDAR_TYPES.has(type)) {
      this.addCalendar(entity);
      return NO_BODIES;
    }
    if ((type === 'text/plain' || type === 'text/html') && !this.isAttachment(entity)) {
      return this.readBody(entity);
    }

    this.addAttachment(entity, this.decodeBody(entity));
    return NO_BODIES;
  }

  private readBody(entity: MimeEntity): Bodies {
    const text = decodeTextPart(entity, this.decodeBody(entity), this.flags);
    if (entity.contentType.value === 'text/html') {
      return { texts: [], htmls: [text] };
    }

    if (!entity.forwarded) {
      this.content.signature ??= describeInlinePgp(text, entity.path || '1', this.flags);
    }

    return { texts: [text], htmls: [] };
  }

  private readReturnedHeaders(entity: MimeEntity): void {
    const section = readHeaderSection(this.decodeBody(entity));
    const field = findField(section.fields, 'message-id');
    if (field) {
      this.content.returnedMessageId ??= readMessageId(headerText(field, this.flags, `part ${entity.path}`));
    }
  }

  private addCalendar(entity: MimeEntity): void {
    const bytes = this.decodeBody(entity);
    const text = decodeTextPart(entity, bytes, this.flags);
    this.content.calendar.push({
      method: readCalendarMethod(plainParameter(entity.contentType, 'method'), text),
      content: text,
      partPath: entity.path || '1',
    });

    if (entity.disposition?.value === 'attachment') {
      this.addAttachment(entity, bytes);
    }
  }

  // A text part is an attachment when its disposition is not inline, or when it has a file name
  // and no inline disposition.
  private isAttachment(entity: MimeEntity): boolean {
    const disposition = entity.disposition?.value ?? '';
    if (disposition !== '' && disposition !== 'inline') {
      return true;
    }
    if (disposition === 'inline') {
      return false;
    }

    if (entity.disposition !== null) {
      return hasParameter(entity.disposition, 'filename');
    }

    return hasParameter(entity.contentType, 'name');
  }

  private addAttachment(entity: MimeEntity, content: Buffer): void {
    const path = entity.path || '1';
    const where = `part ${path}`;
    const name = readPartFileName(entity.disposition, entity.contentType, this.flags, where);
    const contentIdField = findField(entity.headers, 'content-id');
    const contentId = contentIdField ? readMessageId(headerText(contentIdField, this.flags, where)) : null;

    const attachment = buildAttachment({
      content,
      filename: name.filename,
      filenameOriginal: name.original,
      declaredType: entity.contentType.value,
      disposition: entity.disposition?.value ?? null,
      partPath: path,
      forwarded: entity.forwarded,
      contentId,
    });
    this.content.attachments.push(attachment);

    if (attachment.detectedType === TNEF_TYPE || TNEF_DECLARED_TYPES.has(attachment.declaredType)) {
      this.unpackTnef(attachment);
    }
  }

  private unpackTnef(container: ParsedAttachment): void {
    const where = `part ${container.partPath}`;
    const tnef = readTnef(container.content);
    const problem = tnef.error ? `: ${tnef.error}` : '';
    const summary = `Outlook winmail.dat with ${tnef.files.length} files${problem}`;
    this.flags.add(MESSAGE_FLAG_CODES.winmailDat, summary, where);
    if (tnef.files.length === 0) {
      return;
    }

    tnef.files.forEach((file, index) => {
      this.content.attachments.push(
        buildAttachment({
          content: file.content,
          filename: file.name,
          filenameOriginal: file.name ?? '',
          declaredType: file.mimeType ?? 'application/octet-stream',
          disposition: 'attachment',
          partPath: `${container.partPath}:${index + 1}`,
          forwarded: container.forwarded,
          contentId: null,
        }),
      );
    });
    const unpacked = `${tnef.files.length} files unpacked from winmail.dat`;
    this.flags.add(MESSAGE_FLAG_CODES.winmailDatUnpacked, unpacked, where);
  }

  private decodeBody(entity: MimeEntity): Buffer {
    const decoded = decodeTransferEncoding(entity.body, entity.transferEncoding);
    if (decoded.problem) {
      this.flags.add(decoded.problem.code, decoded.problem.message, `part ${entity.path || '1'}`);
    }

    return decoded.bytes;
  }

  private concatenate(list: Bodies[]): Bodies {
    return { texts: list.flatMap((bodies) => bodies.texts), htmls: list.flatMap((bodies) => bodies.htmls) };
  }
}

// Checks whether a parameter is present in plain or RFC 2231 form (`name*`, `name*0`, `name*0*`).
function hasParameter(header: StructuredHeader, name: string): boolean {
  return header.params.some((param) => param.name === name || param.name.startsWith(`${name}*`));
}
