import { MAX_HEADER_FIELDS } from './limits.js';

export interface HeaderField {
  /** Field name as written. */
  name: string;
  /** Field name in lower case. */
  key: string;
  /** Bytes after the colon up to the end of the last continuation line, folds included. */
  value: Buffer;
}

export interface HeaderSection {
  fields: HeaderField[];
  /** Offset of the first body byte. */
  bodyOffset: number;
  /** Start (up to 80 characters) of the line that was neither a field nor a continuation and so ended the section. */
  malformedLine: string | null;
  /** Fields beyond MAX_HEADER_FIELDS that were not kept. */
  droppedFields: number;
}

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const COLON = 0x3a;

/**
 * Splits the header section at the start of an entity. It ends at the first empty line, or at
 * the first line that is neither a field nor a continuation (the body is taken to start there, as
 * Python's email parser does). A leading mbox "From " line is skipped when `allowMboxLine` is set.
 */
export function readHeaderSection(bytes: Buffer, allowMboxLine = false): HeaderSection {
  const fields: HeaderField[] = [];
  let droppedFields = 0;
  let fieldStart = -1;
  let fieldValueStart = -1;
  let fieldEnd = -1;
  let fieldName = '';
  let position = 0;

  const closeField = (): void => {
    if (fieldStart < 0) {
      return;
    }
    if (fields.length >= MAX_HEADER_FIELDS) {
      droppedFields++;
    } else {
      fields.push({ name: fieldName, key: fieldName.toLowerCase(), value: bytes.subarray(fieldValueStart, fieldEnd) });
    }
    fieldStart = -1;
  };

  if (allowMboxLine && bytes.subarray(0, 5).toString('latin1') === 'From ') {
    position = nextLineStart(bytes, 0);
  }

  while (position < bytes.length) {
    const newline = bytes.indexOf(LF, position);
    const lineEnd = newline < 0 ? bytes.length : newline;
    const next = newline < 0 ? bytes.length : newline + 1;
    const contentEnd = lineEnd > position && bytes[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd;

    if (contentEnd === position) {
      closeField();
      return { fields, bodyOffset: next, malformedLine: null, droppedFields };
    }

    const first = bytes[position];
    if (first === SPACE || first === TAB) {
      if (fieldStart >= 0) {
        fieldEnd = contentEnd;
      }
      position = next;
      continue;
    }

    const name = fieldNameOf(bytes, position, contentEnd);
    if (name === null) {
      closeField();
      const line = bytes.subarray(position, Math.min(contentEnd, position + 80)).toString('latin1');
      return { fields, bodyOffset: position, malformedLine: line, droppedFields };
    }

    closeField();
    fieldStart = position;
    fieldName = name.text;
    fieldValueStart = name.colon + 1;
    fieldEnd = contentEnd;
    position = next;
  }

  closeField();
  return { fields, bodyOffset: bytes.length, malformedLine: null, droppedFields };
}

// RFC 5322 section 2.2: a field name is printable US-ASCII except the colon. Blanks between the
// name and the colon are obsolete syntax (section 4.5) and accepted.
function fieldNameOf(bytes: Buffer, start: number, end: number): { text: string; colon: number } | null {
  const colon = bytes.indexOf(COLON, start);
  if (colon <= start || colon >= end) {
    return null;
  }

  let nameEnd = colon;
  while (nameEnd > start && (bytes[nameEnd - 1] === SPACE || bytes[nameEnd - 1] === TAB)) {
    nameEnd--;
  }
  if (nameEnd === start) {
    return null;
  }

  for (let index = start; index < nameEnd; index++) {
    const byte = bytes[index]!;
    if (byte < 0x21 || byte > 0x7e) {
      return null;
    }
  }

  return { text: bytes.subarray(start, nameEnd).toString('latin1'), colon };
}

function nextLineStart(bytes: Buffer, from: number): number {
  const newline = bytes.indexOf(LF, from);

  return newline < 0 ? bytes.length : newline + 1;
}

/** Finds the first field with this lower-case name. */
export function findField(fields: readonly HeaderField[], key: string): HeaderField | undefined {
  return fields.find((field) => field.key === key);
}
