import { decodeText } from './charset.js';
import { decodeEncodedWords } from './encoded-words.js';
import type { FlagList } from './flag-list.js';
import type { HeaderParameter, StructuredHeader } from './header-params.js';

export interface ParameterValue {
  /** Decoded and NFC. */
  value: string;
  /** As written in the header: the joined raw segments of an RFC 2231 value, else the plain value. */
  original: string;
}

interface Segment {
  index: number;
  encoded: boolean;
  text: string;
}

const SEGMENT_NAME = /^(.+?)\*(\d+)(\*?)$/;

/**
 * Reads a parameter in any of its forms: RFC 2231 continuations (`name*0*=utf-8''…; name*1*=…`),
 * an RFC 2231 extended value (`name*=utf-8''…`) or a plain value. The RFC 2231 forms win, as in
 * RFC 6266 section 4.3. Their segments are percent-decoded to bytes, joined, and decoded once with
 * their own charset. A plain value gets RFC 2047 decoding because Outlook quotes encoded words.
 * A value is decoded only one way, so `=?…?=` inside an RFC 2231 value stays literal text.
 */
export function readParameter(
  header: StructuredHeader,
  name: string,
  flags: FlagList,
  where: string,
): ParameterValue | null {
  const segments = collectSegments(header.params, name);
  if (segments.length > 0) {
    return decodeSegments(segments, flags, where);
  }

  const extended = header.params.find((param) => param.name === `${name}*`);
  if (extended) {
    return decodeSegments([{ index: 0, encoded: true, text: extended.value }], flags, where);
  }

  const plain = header.params.find((param) => param.name === name);
  if (!plain) {
    return null;
  }

  return { value: decodeEncodedWords(plain.value, flags, where), original: plain.value };
}

function collectSegments(params: readonly HeaderParameter[], name: string): Segment[] {
  const segments: Segment[] = [];

  for (const param of params) {
    const match = SEGMENT_NAME.exec(param.name);
    if (!match || match[1] !== name) {
      continue;
    }
    segments.push({ index: Number(match[2]), encoded: match[3] === '*', text: param.value });
  }

  return segments.sort((left, right) => left.index - right.index);
}

function decodeSegments(segments: Segment[], flags: FlagList, where: string): ParameterValue {
  const original = segments.map((segment) => segment.text).join('');
  const first = segments[0]!;
  let charset: string | null = null;
  const chunks: Buffer[] = [];

  for (const segment of segments) {
    let text = segment.text;
    if (segment === first && segment.encoded) {
      const parts = splitCharsetPrefix(text);
      charset = parts.charset;
      text = parts.data;
    }
    chunks.push(segment.encoded ? percentDecode(text) : literalBytes(text));
  }

  const decoded = decodeText(Buffer.concat(chunks), charset);
  if (decoded.problem) {
    flags.add(decoded.problem.code, decoded.problem.message, `${where}: RFC 2231 value "${original}"`);
  }

  return { value: decoded.text, original };
}

// RFC 2231 section 4: charset'language'data. A value without the two apostrophes is taken as data
// in an unnamed charset.
function splitCharsetPrefix(text: string): { charset: string | null; data: string } {
  const firstQuote = text.indexOf("'");
  const secondQuote = firstQuote < 0 ? -1 : text.indexOf("'", firstQuote + 1);
  if (secondQuote < 0) {
    return { charset: null, data: text };
  }

  const charset = text.slice(0, firstQuote).trim();

  return { charset: charset === '' ? null : charset, data: text.slice(secondQuote + 1) };
}

function percentDecode(text: string): Buffer {
  const bytes: number[] = [];

  for (let index = 0; index < text.length; index++) {
    const hex = text.slice(index + 1, index + 3);
    if (text[index] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
      continue;
    }
    bytes.push(...literalBytes(text[index]!));
  }

  return Buffer.from(bytes);
}

// Segments are ASCII by the RFC. A header already decoded from raw 8-bit bytes may contain other
// characters, which keep their UTF-8 form.
function literalBytes(text: string): Buffer {
  return /^[\x00-\x7f]*$/.test(text) ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf8');
}
