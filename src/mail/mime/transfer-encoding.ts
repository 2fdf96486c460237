import { MESSAGE_FLAG_CODES, type MessageFlagCode } from './types.js';

export interface DecodedBody {
  bytes: Buffer;
  problem: { code: MessageFlagCode; message: string } | null;
}

const BASE64_VALUES = new Int16Array(256).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  .split('')
  .forEach((character, index) => {
    BASE64_VALUES[character.charCodeAt(0)] = index;
  });

const EQUALS = 0x3d;
const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;

// Well-formed base64 as encoders write it: alphabet and line breaks, padding only at the end.
const CLEAN_BASE64 = /^[A-Za-z0-9+/\r\n \t]*(?:={1,2}[\r\n \t]*)?$/;

/** Decodes a body by its Content-Transfer-Encoding. Unknown encodings leave the bytes as they are. */
export function decodeTransferEncoding(body: Buffer, encoding: string): DecodedBody {
  const name = encoding.trim().toLowerCase();

  if (name === 'base64') {
    return decodeBase64(body);
  }

  if (name === 'quoted-printable') {
    return decodeQuotedPrintable(body);
  }

  if (name === '' || name === '7bit' || name === '8bit' || name === 'binary') {
    return { bytes: body, problem: null };
  }

  return {
    bytes: body,
    problem: {
      code: MESSAGE_FLAG_CODES.transferEncodingUnknown,
      message: `Content-Transfer-Encoding "${encoding}" is not decoded, the body is kept as it is`,
    },
  };
}

/**
 * Decodes base64 leniently: characters outside the alphabet are skipped, padding in the middle
 * starts a new group (some encoders pad every chunk), and an incomplete final group yields the
 * whole bytes it holds.
 */
export function decodeBase64(body: Uint8Array): DecodedBody {
  const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const text = buffer.toString('latin1');
  if (CLEAN_BASE64.test(text) && countBase64Characters(buffer) % 4 !== 1) {
    return { bytes: Buffer.from(text, 'base64'), problem: null };
  }

  return decodeBase64Slowly(buffer);
}

function countBase64Characters(bytes: Uint8Array): number {
  let count = 0;
  for (const byte of bytes) {
    if (BASE64_VALUES[byte]! >= 0) {
      count++;
    }
  }

  return count;
}

function decodeBase64Slowly(bytes: Uint8Array): DecodedBody {
  const output = Buffer.alloc(Math.ceil((bytes.length * 3) / 4) + 3);
  let written = 0;
  let group = 0;
  let groupLength = 0;
  let invalid = 0;
  let danglingGroups = 0;

  const flushGroup = (): void => {
    if (groupLength === 1) {
      danglingGroups++;
    }
    if (groupLength >= 2) {
      output[written++] = (group >> (groupLength === 2 ? 4 : 10)) & 0xff;
    }
    if (groupLength === 3) {
      output[written++] = (group >> 2) & 0xff;
    }
    group = 0;
    groupLength = 0;
  };

  for (const byte of bytes) {
    const value = BASE64_VALUES[byte]!;
    if (value >= 0) {
      group = (group << 6) | value;
      groupLength++;
      if (groupLength === 4) {
        output[written++] = (group >> 16) & 0xff;
        output[written++] = (group >> 8) & 0xff;
        output[written++] = group & 0xff;
        group = 0;
        groupLength = 0;
      }
      continue;
    }

    if (byte === EQUALS) {
      flushGroup();
      continue;
    }

    if (byte !== CR && byte !== LF && byte !== SPACE && byte !== TAB) {
      invalid++;
    }
  }
  flushGroup();

  const problems: string[] = [];
  if (invalid > 0) {
    problems.push(`${invalid} characters outside the base64 alphabet were skipped`);
  }
  if (danglingGroups > 0) {
    problems.push('a group of one base64 character was dropped');
  }

  return {
    bytes: output.subarray(0, written),
    problem:
      problems.length === 0 ? null : { code: MESSAGE_FLAG_CODES.base64Invalid, message: problems.join('; ') },
  };
}

/**
 * Decodes quoted-printable (RFC 2045 section 6.7). Trailing blanks of an encoded line are
 * transport padding and dropped. An "=" that starts neither a soft break nor a hex pair stays a
 * literal "=". Hard line breaks keep the bytes they had.
 */
export function decodeQuotedPrintable(body: Uint8Array): DecodedBody {
  const output = Buffer.alloc(body.length);
  let written = 0;
  let invalid = 0;
  let index = 0;

  while (index < body.length) {
    const byte = body[index]!;

    if (byte === SPACE || byte === TAB) {
      const end = skipBlanks(body, index);
      if (end >= body.length || body[end] === CR || body[end] === LF) {
        index = end;
        continue;
      }
      output[written++] = byte;
      index++;
      continue;
    }

    if (byte !== EQUALS) {
      output[written++] = byte;
      index++;
      continue;
    }

    const afterBlanks = skipBlanks(body, index + 1);
    if (afterBlanks >= body.length) {
      index = afterBlanks;
      continue;
    }
    if (body[afterBlanks] === LF) {
      index = afterBlanks + 1;
      continue;
    }
    if (body[afterBlanks] === CR) {
      index = body[afterBlanks + 1] === LF ? afterBlanks + 2 : afterBlanks + 1;
      continue;
    }

    const high = hexValue(body[index + 1]);
    const low = hexValue(body[index + 2]);
    if (high >= 0 && low >= 0) {
      output[written++] = (high << 4) | low;
      index += 3;
      continue;
    }

    invalid++;
    output[written++] = byte;
    index++;
  }

  return {
    bytes: output.subarray(0, written),
    problem:
      invalid === 0
        ? null
        : {
            code: MESSAGE_FLAG_CODES.quotedPrintableInvalid,
            message: `${invalid} "=" signs without a hex pair were kept as they are`,
          },
  };
}

function skipBlanks(bytes: Uint8Array, from: number): number {
  let index = from;
  while (index < bytes.length && (bytes[index] === SPACE || bytes[index] === TAB)) {
    index++;
  }

  return index;
}

function hexValue(byte: number | undefined): number {
  if (byte === undefined) {
    return -1;
  }
  if (byte >= 0x30 && byte <= 0x39) {
    return byte - 0x30;
  }
  if (byte >= 0x41 && byte <= 0x46) {
    return byte - 0x37;
  }
  if (byte >= 0x61 && byte <= 0x66) {
    return byte - 0x57;
  }

  return -1;
}
