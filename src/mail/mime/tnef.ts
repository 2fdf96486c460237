import { decodeText } from './charset.js';
import { MAX_TNEF_ATTACHMENTS } from './limits.js';
import { PT_BINARY, PT_STRING8, PT_UNICODE, readMapiProperties, type MapiProperty } from './mapi-properties.js';

// Unpacks the attached files of an Outlook winmail.dat (Microsoft [MS-OXTNEF]). The stream is a
// signature, a legacy key, then attributes of level, id, length, data and checksum.

export interface TnefFile {
  /** Name decoded from the stream's code page to NFC, or null when the stream names no file. */
  name: string | null;
  /** PR_ATTACH_MIME_TAG, lower case, when given. */
  mimeType: string | null;
  content: Buffer;
}

export interface TnefContents {
  files: TnefFile[];
  /** Reason reading stopped early, or null when the whole stream was read. */
  error: string | null;
}

const TNEF_SIGNATURE = 0x223e9f78;

// Attribute ids without their type word.
const ATT_ATTACH_DATA = 0x800f;
const ATT_ATTACH_TITLE = 0x8010;
const ATT_ATTACH_REND_DATA = 0x9002;
const ATT_ATTACHMENT = 0x9005;
const ATT_OEM_CODEPAGE = 0x9007;

// MAPI property ids of an attachment: PidTagAttachDataBinary, PidTagAttachFilename,
// PidTagAttachLongFilename and PidTagAttachMimeTag.
const PR_ATTACH_DATA_BIN = 0x3701;
const PR_ATTACH_FILENAME = 0x3704;
const PR_ATTACH_LONG_FILENAME = 0x3707;
const PR_ATTACH_MIME_TAG = 0x370e;

const LEVEL_ATTACHMENT = 0x02;

interface PendingFile {
  title: Buffer | null;
  data: Buffer | null;
  properties: MapiProperty[];
}

export function isTnef(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32LE(0) === TNEF_SIGNATURE;
}

/** Reads the files in a TNEF stream. A truncated stream yields the files read before the damage. */
export function readTnef(bytes: Buffer): TnefContents {
  if (!isTnef(bytes)) {
    return { files: [], error: 'no TNEF signature' };
  }

  const pending: PendingFile[] = [];
  let codepage = 1252;
  let position = 6;
  let error: string | null = null;

  while (position < bytes.length) {
    if (position + 9 > bytes.length) {
      error = `truncated attribute header at byte ${position}`;
      break;
    }

    const level = bytes[position]!;
    const id = bytes.readUInt32LE(position + 1) & 0xffff;
    const length = bytes.readUInt32LE(position + 5);
    const start = position + 9;
    if (start + length + 2 > bytes.length) {
      error = `attribute at byte ${position} runs past the end`;
      break;
    }
    const data = bytes.subarray(start, start + length);
    position = start + length + 2;

    if (id === ATT_OEM_CODEPAGE && length >= 4) {
      codepage = data.readUInt32LE(0);
      continue;
    }
    if (level !== LEVEL_ATTACHMENT) {
      continue;
    }

    if (id === ATT_ATTACH_REND_DATA || pending.length === 0) {
      if (pending.length >= MAX_TNEF_ATTACHMENTS) {
        error = `more than ${MAX_TNEF_ATTACHMENTS} attachments`;
        break;
      }
      pending.push({ title: null, data: null, properties: [] });
    }
    const current = pending[pending.length - 1]!;

    if (id === ATT_ATTACH_TITLE) {
      current.title = data;
    } else if (id === ATT_ATTACH_DATA) {
      current.data = data;
    } else if (id === ATT_ATTACHMENT) {
      current.properties = readMapiProperties(data);
    }
  }

  const files = pending
    .map((file) => toTnefFile(file, codepage))
    .filter((file): file is TnefFile => file !== null);

  return { files, error };
}

function toTnefFile(file: PendingFile, codepage: number): TnefFile | null {
  const content = file.data ?? binaryProperty(file.properties, PR_ATTACH_DATA_BIN);
  if (!content) {
    return null;
  }

  const name =
    stringProperty(file.properties, PR_ATTACH_LONG_FILENAME, codepage) ??
    (file.title ? decodeString(file.title, codepage) : null) ??
    stringProperty(file.properties, PR_ATTACH_FILENAME, codepage);
  const mimeType = stringProperty(file.properties, PR_ATTACH_MIME_TAG, codepage);

  return {
    name: name === null || name === '' ? null : name,
    mimeType: mimeType ? mimeType.toLowerCase() : null,
    content,
  };
}

function binaryProperty(properties: MapiProperty[], id: number): Buffer | null {
  const property = properties.find((candidate) => candidate.id === id && candidate.type === PT_BINARY);

  return property?.values[0] ?? null;
}

function stringProperty(properties: MapiProperty[], id: number, codepage: number): string | null {
  const property = properties.find((candidate) => candidate.id === id);
  const value = property?.values[0];
  if (!property || !value) {
    return null;
  }

  if (property.type === PT_UNICODE) {
    return value.toString('utf16le').replace(/\u0000+$/, '').normalize('NFC');
  }
  if (property.type === PT_STRING8) {
    return decodeString(value, codepage);
  }

  return null;
}

// 8-bit strings are in the sender's Windows code page, 1258 on Vietnamese Windows.
function decodeString(bytes: Buffer, codepage: number): string {
  const label = codepage === 65001 ? 'utf-8' : `cp${codepage}`;

  return decodeText(bytes, label).text.replace(/\u0000+$/, '');
}
