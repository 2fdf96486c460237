import iconv from 'iconv-lite';

import { MESSAGE_FLAG_CODES, type MessageFlagCode } from './types.js';

// Label families whose bytes decide whether the label was honest, see labelFits().
type LabelFamily = 'utf-8' | 'us-ascii' | 'latin-1' | 'gb2312' | 'euc-kr' | 'other';

export interface ResolvedCharset {
  /** Name that iconv-lite (or TextDecoder, for UTF-8) decodes. */
  encoding: string;
  family: LabelFamily;
}

export interface DecodedText {
  text: string;
  /** Charset that decoded the bytes. */
  encoding: string;
  problem: { code: MessageFlagCode; message: string } | null;
}

// Keys are labels lower-cased with everything but letters and digits removed, so "UTF_8",
// "utf8" and "Windows-1258" all find their entry. Lying labels map to the superset that real
// senders mean: gb2312 to GB18030, ks_c_5601-1987 and euc-kr to CP949, iso-8859-1 to
// windows-1252 (as the WHATWG Encoding Standard does).
const LABELS: Record<string, ResolvedCharset> = {
  utf8: { encoding: 'utf-8', family: 'utf-8' },
  unicode11utf8: { encoding: 'utf-8', family: 'utf-8' },
  usascii: { encoding: 'windows-1252', family: 'us-ascii' },
  ascii: { encoding: 'windows-1252', family: 'us-ascii' },
  ansix341968: { encoding: 'windows-1252', family: 'us-ascii' },
  iso646us: { encoding: 'windows-1252', family: 'us-ascii' },
  iso88591: { encoding: 'windows-1252', family: 'latin-1' },
  iso885911987: { encoding: 'windows-1252', family: 'latin-1' },
  latin1: { encoding: 'windows-1252', family: 'latin-1' },
  l1: { encoding: 'windows-1252', family: 'latin-1' },
  cp819: { encoding: 'windows-1252', family: 'latin-1' },
  ibm819: { encoding: 'windows-1252', family: 'latin-1' },
  windows1252: { encoding: 'windows-1252', family: 'other' },
  cp1252: { encoding: 'windows-1252', family: 'other' },
  windows1258: { encoding: 'windows-1258', family: 'other' },
  cp1258: { encoding: 'windows-1258', family: 'other' },
  win1258: { encoding: 'windows-1258', family: 'other' },
  xcp1258: { encoding: 'windows-1258', family: 'other' },
  gb2312: { encoding: 'gb18030', family: 'gb2312' },
  csgb2312: { encoding: 'gb18030', family: 'gb2312' },
  gb231280: { encoding: 'gb18030', family: 'gb2312' },
  euccn: { encoding: 'gb18030', family: 'gb2312' },
  gbk: { encoding: 'gb18030', family: 'other' },
  xgbk: { encoding: 'gb18030', family: 'other' },
  cp936: { encoding: 'gb18030', family: 'other' },
  gb18030: { encoding: 'gb18030', family: 'other' },
  ksc56011987: { encoding: 'cp949', family: 'euc-kr' },
  ksc5601: { encoding: 'cp949', family: 'euc-kr' },
  csksc56011987: { encoding: 'cp949', family: 'euc-kr' },
  euckr: { encoding: 'cp949', family: 'euc-kr' },
  korean: { encoding: 'cp949', family: 'euc-kr' },
  cp949: { encoding: 'cp949', family: 'other' },
  windows949: { encoding: 'cp949', family: 'other' },
  shiftjis: { encoding: 'cp932', family: 'other' },
  sjis: { encoding: 'cp932', family: 'other' },
  xsjis: { encoding: 'cp932', family: 'other' },
  windows31j: { encoding: 'cp932', family: 'other' },
  tcvn: { encoding: 'tcvn', family: 'other' },
  tcvn5712: { encoding: 'tcvn', family: 'other' },
  viscii: { encoding: 'viscii', family: 'other' },
};

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

/** Finds the decoder for a charset label, or returns null for an unknown label. */
export function resolveCharset(label: string): ResolvedCharset | null {
  const trimmed = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  const key = trimmed.replace(/[^a-z0-9]/g, '');
  if (key === '') {
    return null;
  }

  const known = LABELS[key];
  if (known) {
    return known;
  }

  if (encodingExists(trimmed)) {
    return { encoding: trimmed, family: 'other' };
  }

  const withoutX = trimmed.replace(/^x-/, '');
  if (withoutX !== trimmed && encodingExists(withoutX)) {
    return { encoding: withoutX, family: 'other' };
  }

  return null;
}

// iconv-lite types encodingExists as a type guard, which would narrow a failed label to never.
function encodingExists(name: string): boolean {
  return iconv.encodingExists(name);
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function hasEightBitBytes(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte >= 0x80) {
      return true;
    }
  }

  return false;
}

/**
 * Decodes text bytes under a charset label and normalises to NFC. Without a label, 8-bit bytes
 * are UTF-8 if valid, else `fallbackForMissing` (windows-1258, the Vietnamese Windows code page).
 */
export function decodeText(
  bytes: Uint8Array,
  label: string | null | undefined,
  fallbackForMissing = 'windows-1258',
): DecodedText {
  if (!label || label.trim() === '') {
    return decodeWithoutLabel(bytes, fallbackForMissing);
  }

  const resolved = resolveCharset(label);
  if (!resolved) {
    const encoding = isValidUtf8(bytes) ? 'utf-8' : 'windows-1252';
    return {
      text: decodeWith(bytes, encoding),
      encoding,
      problem: {
        code: MESSAGE_FLAG_CODES.charsetUnknown,
        message: `unknown charset "${label}", decoded as ${encoding}`,
      },
    };
  }

  return decodeResolved(bytes, label, resolved);
}

function decodeWithoutLabel(bytes: Uint8Array, fallback: string): DecodedText {
  if (!hasEightBitBytes(bytes)) {
    return { text: decodeWith(bytes, 'utf-8'), encoding: 'us-ascii', problem: null };
  }

  const encoding = isValidUtf8(bytes) ? 'utf-8' : fallback;
  return {
    text: decodeWith(bytes, encoding),
    encoding,
    problem: {
      code: MESSAGE_FLAG_CODES.charsetMissing,
      message: `8-bit text without a charset, decoded as ${encoding}`,
    },
  };
}

function decodeResolved(bytes: Uint8Array, label: string, resolved: ResolvedCharset): DecodedText {
  if (resolved.family === 'utf-8') {
    const valid = isValidUtf8(bytes);
    return {
      text: decodeWith(bytes, 'utf-8'),
      encoding: 'utf-8',
      problem: valid
        ? null
        : { code: MESSAGE_FLAG_CODES.charsetMismatch, message: 'invalid UTF-8 bytes replaced by U+FFFD' },
    };
  }

  // A us-ascii label promises no 8-bit bytes, so it cannot name the 8-bit charset the sender
  // used. Valid UTF-8 is a strong sign of UTF-8, as in the fallback for unknown labels.
  let encoding = resolved.encoding;
  if (resolved.family === 'us-ascii' && isValidUtf8(bytes)) {
    encoding = 'utf-8';
  }

  const text = decodeWith(bytes, encoding);
  if (labelFits(bytes, resolved.family)) {
    return { text, encoding, problem: null };
  }

  return {
    text,
    encoding,
    problem: {
      code: MESSAGE_FLAG_CODES.charsetRelabelled,
      message: `bytes do not fit charset "${label.trim()}", decoded as ${encoding}`,
    },
  };
}

// Checks that the bytes are valid in the narrow charset the label names. When they are not, the
// superset decoded them and the caller flags the relabelling.
function labelFits(bytes: Uint8Array, family: LabelFamily): boolean {
  switch (family) {
    case 'us-ascii':
      return !hasEightBitBytes(bytes);
    case 'latin-1':
      return !bytes.some((byte) => byte >= 0x80 && byte <= 0x9f);
    case 'gb2312':
    case 'euc-kr':
      return hasOnlyEucPairs(bytes);
    default:
      return true;
  }
}

// GB2312 and KS X 1001 in EUC form encode each non-ASCII character as two bytes in 0xA1-0xFE.
// GBK and CP949 add lead or trail bytes below 0xA1.
function hasOnlyEucPairs(bytes: Uint8Array): boolean {
  for (let index = 0; index < bytes.length; index++) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      continue;
    }

    const trail = bytes[index + 1];
    if (lead < 0xa1 || lead > 0xfe || trail === undefined || trail < 0xa1 || trail > 0xfe) {
      return false;
    }
    index++;
  }

  return true;
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8') {
    return utf8Lenient.decode(bytes).normalize('NFC');
  }

  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return iconv.decode(buffer, encoding).normalize('NFC');
}
