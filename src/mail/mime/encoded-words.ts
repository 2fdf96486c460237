import { decodeText, resolveCharset } from './charset.js';
import type { FlagList } from './flag-list.js';
import { decodeBase64 } from './transfer-encoding.js';

// RFC 2047 encoded word, tolerating the blanks that some senders leave inside Q text.
const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?]*)\?=/g;
const ONLY_WHITESPACE = /^[ \t\r\n]*$/;

interface PendingRun {
  label: string;
  chunks: Buffer[];
}

/**
 * Decodes the RFC 2047 encoded words in a header text. Adjacent words (separated only by
 * whitespace, which RFC 2047 section 6.2 drops) of the same charset are joined as bytes before
 * decoding, so a character split across two words comes out whole.
 */
export function decodeEncodedWords(text: string, flags?: FlagList, where = 'header'): string {
  if (!text.includes('=?')) {
    return text.normalize('NFC');
  }

  const output: string[] = [];
  let pending: PendingRun | null = null;
  let last = 0;

  const flush = (): void => {
    if (pending) {
      output.push(decodeRun(pending, flags, where));
      pending = null;
    }
  };

  for (const match of text.matchAll(ENCODED_WORD)) {
    const between = text.slice(last, match.index);
    const label = (match[1] ?? '').replace(/\*.*$/, '');
    const bytes = wordBytes(match[2] ?? 'B', match[3] ?? '');
    last = match.index + match[0].length;

    const adjacent = pending !== null && ONLY_WHITESPACE.test(between);
    if (adjacent && pending !== null && sameCharset(pending.label, label)) {
      pending.chunks.push(bytes);
      continue;
    }

    flush();
    if (!adjacent) {
      output.push(between);
    }
    pending = { label, chunks: [bytes] };
  }

  flush();
  output.push(text.slice(last));

  return output.join('').normalize('NFC');
}

function decodeRun(run: PendingRun, flags: FlagList | undefined, where: string): string {
  const decoded = decodeText(Buffer.concat(run.chunks), run.label);
  if (decoded.problem && flags) {
    flags.add(decoded.problem.code, decoded.problem.message, `${where}: encoded word in ${run.label}`);
  }

  return decoded.text;
}

function sameCharset(left: string, right: string): boolean {
  if (left.toLowerCase() === right.toLowerCase()) {
    return true;
  }

  const leftResolved = resolveCharset(left);
  const rightResolved = resolveCharset(right);

  return leftResolved !== null && rightResolved !== null && leftResolved.encoding === rightResolved.encoding;
}

function wordBytes(encoding: string, payload: string): Buffer {
  if (encoding === 'B' || encoding === 'b') {
    return decodeBase64(Buffer.from(payload, 'latin1')).bytes;
  }

  return decodeQEncoding(payload);
}

// RFC 2047 section 4.2: "_" is a space, "=XX" is a byte, and any other character is itself.
function decodeQEncoding(payload: string): Buffer {
  const bytes: number[] = [];

  for (let index = 0; index < payload.length; index++) {
    const character = payload[index]!;
    if (character === '_') {
      bytes.push(0x20);
      continue;
    }

    const hex = payload.slice(index + 1, index + 3);
    if (character === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
      continue;
    }

    const code = character.charCodeAt(0);
    if (code < 0x80) {
      bytes.push(code);
    } else {
      bytes.push(...Buffer.from(character, 'utf8'));
    }
  }

  return Buffer.from(bytes);
}
