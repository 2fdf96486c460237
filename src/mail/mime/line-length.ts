import type { FlagList } from './flag-list.js';
import { MAX_LINE_OCTETS } from './limits.js';
import { MESSAGE_FLAG_CODES } from './types.js';

const LF = 0x0a;
const CR = 0x0d;

/** Flags lines longer than RFC 5322 allows, which the parser still reads whole. */
export function flagLongLines(raw: Buffer, flags: FlagList): void {
  let longLines = 0;
  let longest = 0;
  let start = 0;

  while (start < raw.length) {
    const newline = raw.indexOf(LF, start);
    const end = newline < 0 ? raw.length : newline;
    const length = end > start && raw[end - 1] === CR ? end - 1 - start : end - start;
    if (length > MAX_LINE_OCTETS) {
      longLines++;
      longest = Math.max(longest, length);
    }
    start = end + 1;
  }

  if (longLines > 0) {
    flags.add(
      MESSAGE_FLAG_CODES.lineTooLong,
      `${longLines} lines longer than ${MAX_LINE_OCTETS} octets, the longest has ${longest}`,
    );
  }
}
