import { performance } from 'node:perf_hooks';

import { readCmsContentInfo, type CmsSummary } from './cms-signed-data.js';
import type { FlagList } from './flag-list.js';
import { parseStructuredHeader, plainParameter, type StructuredHeader } from './header-params.js';
import { findField, readHeaderSection, type HeaderField } from './header-section.js';
import { headerText } from './header-value.js';
import { HEADER_SECTION_WARN_BYTES, MAX_NESTING_DEPTH, MAX_PARTS } from './limits.js';
import { splitMultipart } from './multipart-split.js';
import { decodeTransferEncoding } from './transfer-encoding.js';
import { MESSAGE_FLAG_CODES } from './types.js';

export interface MimeEntity {
  /** Part number as in ParsedAttachment.partPath. The multipart root of a message has '', or "2" inside part 2. */
  path: string;
  headers: HeaderField[];
  /** Content-Type with a lower-case type/subtype, text/plain when absent or invalid (RFC 2045 section 5.2). */
  contentType: StructuredHeader;
  disposition: StructuredHeader | null;
  /** Content-Transfer-Encoding, lower case, '' when absent. */
  transferEncoding: string;
  /** Body bytes as received, still transfer-encoded. */
  body: Buffer;
  children: MimeEntity[];
  /** The message inside a message/rfc822 part, or the content inside opaque S/MIME signed data. */
  message: MimeEntity | null;
  /** Inside a message/rfc822 part. */
  forwarded: boolean;
  /** Summary of a PKCS #7 part's content, or the error that stopped reading it. */
  cms: CmsSummary | { error: string } | null;
  /** Left unparsed because of a nesting, part-count or time limit. */
  skipped: boolean;
}

export interface TreeContext {
  flags: FlagList;
  parts: number;
  deadline: number;
  timedOut: boolean;
}

interface EntityPlace {
  /** Set for the top entity of a message: '' at the top level, "2/" inside part 2. */
  messagePrefix: string | null;
  path: string;
  depth: number;
  forwarded: boolean;
  /** Content type when the part declares none: message/rfc822 inside multipart/digest. */
  defaultType: string;
}

const MESSAGE_TYPES = new Set(['message/rfc822', 'message/global']);
const PKCS7_MIME_TYPES = new Set(['application/pkcs7-mime', 'application/x-pkcs7-mime']);

/** Builds the MIME tree of a raw message. */
export function readMessageTree(raw: Buffer, context: TreeContext): MimeEntity {
  const place: EntityPlace = { messagePrefix: '', path: '', depth: 0, forwarded: false, defaultType: 'text/plain' };

  return readEntity(raw, place, context);
}

function readEntity(bytes: Buffer, place: EntityPlace, context: TreeContext): MimeEntity {
  context.parts++;
  const section = readHeaderSection(bytes, place.messagePrefix === '');
  const where = place.path === '' ? 'message' : `part ${place.path}`;
  reportHeaderProblems(section.bodyOffset, section.malformedLine, section.droppedFields, context.flags, where);

  const contentType = readContentType(section.fields, place.defaultType, context.flags, where);
  const dispositionField = findField(section.fields, 'content-disposition');
  const encodingField = findField(section.fields, 'content-transfer-encoding');
  const isMultipart = contentType.value.startsWith('multipart/');
  const path = entityPath(place, isMultipart);

  const entity: MimeEntity = {
    path,
    headers: section.fields,
    contentType,
    disposition: dispositionField
      ? parseStructuredHeader(headerText(dispositionField, context.flags, where))
      : null,
    transferEncoding: encodingField ? headerText(encodingField, context.flags, where).trim().toLowerCase() : '',
    body: bytes.subarray(section.bodyOffset),
    children: [],
    message: null,
    forwarded: place.forwarded,
    cms: null,
    skipped: false,
  };

  if (!withinLimits(place, context, where)) {
    entity.skipped = true;
    return entity;
  }

  if (isMultipart) {
    readMultipart(entity, place, context);
  } else if (MESSAGE_TYPES.has(contentType.value)) {
    readEmbeddedMessage(entity, place, context);
  } else if (PKCS7_MIME_TYPES.has(contentType.value)) {
    readPkcs7(entity, place, context);
  }

  return entity;
}

function entityPath(place: EntityPlace, isMultipart: boolean): string {
  if (place.messagePrefix === null) {
    return place.path;
  }

  return isMultipart ? place.messagePrefix.replace(/\/$/, '') : `${place.messagePrefix}1`;
}

function childPrefix(entity: MimeEntity, place: EntityPlace): string {
  return place.messagePrefix ?? `${entity.path}.`;
}

function withinLimits(place: EntityPlace, context: TreeContext, where: string): boolean {
  if (context.timedOut) {
    return false;
  }

  if (performance.now() > context.deadline) {
    context.timedOut = true;
    context.flags.add(MESSAGE_FLAG_CODES.parseTimeout, 'the parse ran out of time, later parts were not read', where);
    return false;
  }

  if (place.depth > MAX_NESTING_DEPTH) {
    context.flags.add(
      MESSAGE_FLAG_CODES.structureTooComplex,
      `MIME nesting deeper than ${MAX_NESTING_DEPTH} levels was not read`,
      where,
    );
    return false;
  }

  return true;
}

function readMultipart(entity: MimeEntity, place: EntityPlace, context: TreeContext): void {
  const where = entity.path === '' ? 'message' : `part ${entity.path}`;
  const boundary = plainParameter(entity.contentType, 'boundary');
  if (!boundary) {
    const message = `${entity.contentType.value} has no boundary, read as text`;
    context.flags.add(MESSAGE_FLAG_CODES.boundaryMissing, message, where);
    entity.contentType = { value: 'text/plain', params: [] };
    return;
  }

  const split = splitMultipart(entity.body, boundary, Math.max(1, MAX_PARTS - context.parts));
  if (!split.found) {
    const message = `no delimiter line for boundary "${boundary}", read as text`;
    context.flags.add(MESSAGE_FLAG_CODES.boundaryMissing, message, where);
    entity.contentType = { value: 'text/plain', params: [] };
    return;
  }
  if (split.truncated) {
    const message = `more than ${MAX_PARTS} MIME parts, the rest was not read`;
    context.flags.add(MESSAGE_FLAG_CODES.structureTooComplex, message, where);
  } else if (!split.closed) {
    context.flags.add(MESSAGE_FLAG_CODES.boundaryMissing, `closing delimiter "--${boundary}--" is missing`, where);
  }

  const prefix = childPrefix(entity, place);
  const defaultType = entity.contentType.value === 'multipart/digest' ? 'message/rfc822' : 'text/plain';
  entity.children = split.parts.map((part, index) => {
    const childPlace: EntityPlace = {
      messagePrefix: null,
      path: `${prefix}${index + 1}`,
      depth: place.depth + 1,
      forwarded: place.forwarded,
      defaultType,
    };
    return readEntity(part, childPlace, context);
  });
}

function readEmbeddedMessage(entity: MimeEntity, place: EntityPlace, context: TreeContext): void {
  // message/rfc822 must be 7bit, 8bit or binary (RFC 2046 section 5.2.1), but base64 is seen.
  const decoded = decodeTransferEncoding(entity.body, entity.transferEncoding);

  const messagePlace: EntityPlace = {
    messagePrefix: `${entity.path}/`,
    path: '',
    depth: place.depth + 1,
    forwarded: true,
    defaultType: 'text/plain',
  };
  entity.message = readEntity(decoded.bytes, messagePlace, context);
}

function readPkcs7(entity: MimeEntity, place: EntityPlace, context: TreeContext): void {
  const decoded = decodeTransferEncoding(entity.body, entity.transferEncoding);

  try {
    entity.cms = readCmsContentInfo(decoded.bytes);
  } catch (error) {
    entity.cms = { error: error instanceof Error ? error.message : String(error) };
    return;
  }

  if (entity.cms.kind !== 'signed-data' || entity.cms.content === null) {
    return;
  }

  // The signed content takes the place of the PKCS #7 part, so it keeps that part's number.
  const contentPlace: EntityPlace = {
    messagePrefix: null,
    path: entity.path,
    depth: place.depth + 1,
    forwarded: place.forwarded,
    defaultType: 'text/plain',
  };
  entity.message = readEntity(entity.cms.content, contentPlace, context);
}

function readContentType(fields: HeaderField[], defaultType: string, flags: FlagList, where: string): StructuredHeader {
  const field = findField(fields, 'content-type');
  if (!field) {
    return { value: defaultType, params: [] };
  }

  const parsed = parseStructuredHeader(headerText(field, flags, where));
  if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(parsed.value)) {
    return { value: 'text/plain', params: parsed.params };
  }

  return parsed;
}

function reportHeaderProblems(
  headerBytes: number,
  malformedLine: string | null,
  droppedFields: number,
  flags: FlagList,
  where: string,
): void {
  if (malformedLine !== null && headerBytes > 0) {
    const message = 'a header line without a field name, the body was taken to start there';
    flags.add(MESSAGE_FLAG_CODES.headerMalformed, message, `${where}: ${malformedLine}`);
  }

  if (headerBytes > HEADER_SECTION_WARN_BYTES || droppedFields > 0) {
    const dropped = droppedFields > 0 ? `, ${droppedFields} fields dropped` : '';
    flags.add(MESSAGE_FLAG_CODES.headerTooLarge, `header section of ${headerBytes} bytes${dropped}`, where);
  }
}
