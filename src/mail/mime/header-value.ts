import { hasEightBitBytes, isValidUtf8 } from './charset.js';
import { decodeEncodedWords } from './encoded-words.js';
import type { FlagList } from './flag-list.js';
import type { HeaderField } from './header-section.js';
import { MESSAGE_FLAG_CODES } from './types.js';

const utf8 = new TextDecoder('utf-8');
const windows1258 = new TextDecoder('windows-1258');

// Tag lists of signatures and trace fields where "=?" is data, not an encoded word.
const NOT_ENCODED_WORD_FIELDS = new Set([
  'dkim-signature',
  'arc-seal',
  'arc-message-signature',
  'arc-authentication-results',
  'authentication-results',
  'received',
]);

/**
 * Returns the unfolded field value as text, before RFC 2047 decoding. Raw 8-bit bytes (which
 * RFC 5322 forbids but many senders write) are decoded as UTF-8 if valid, else windows-1258, and
 * flagged with the raw bytes.
 */
export function headerText(field: HeaderField, flags: FlagList, where: string): string {
  const unfolded = unfold(field.value);
  if (!hasEightBitBytes(unfolded)) {
    return unfolded.toString('latin1');
  }

  const guess = isValidUtf8(unfolded) ? 'utf-8' : 'windows-1258';
  flags.add(
    MESSAGE_FLAG_CODES.header8bit,
    `raw 8-bit bytes in ${field.name}, decoded as ${guess}`,
    `${where}: ${field.name}:${escapeBytes(unfolded)}`,
  );

  return (guess === 'utf-8' ? utf8 : windows1258).decode(unfolded).normalize('NFC');
}

/** Returns the field value unfolded, with encoded words decoded, trimmed and NFC. */
export function decodedHeaderValue(field: HeaderField, flags: FlagList, where: string): string {
  const text = headerText(field, flags, where);
  if (NOT_ENCODED_WORD_FIELDS.has(field.key)) {
    return text.trim().normalize('NFC');
  }

  return decodeEncodedWords(text, flags, `${where}: ${field.name}`).trim();
}

// RFC 5322 section 2.2.3: unfolding removes each CRLF that precedes a blank. Bare CR and LF go too.
function unfold(value: Buffer): Buffer {
  if (!value.includes(0x0a) && !value.includes(0x0d)) {
    return value;
  }

  return Buffer.from(value.filter((byte) => byte !== 0x0a && byte !== 0x0d));
}

/** Writes bytes as ASCII, with each byte above 0x7E (and the backslash) as \xHH. */
export function escapeBytes(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    const printable = byte >= 0x20 && byte < 0x7f && byte !== 0x5c;
    text += printable ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`;
  }

  return text;
}
