import { foldCharacters } from '../../platform/text-fold.js';

export type NumberNotation = {
  /** Serial number as printed, so "05" keeps its leading zero, or null when it is blank. */
  number: string | null;
  notation: string | null;
};

// "Số: 3141/UBND-VX", "Số 3141 /UBND-VX", "Số : 3141/ UBND-VX", "Số:     /UBND-VX" (a draft).
// Matched on folded characters, so "So:" typed without diacritics also counts.
const NUMBER_LINE = /^\s*so\s*:?\s*(\d+[a-z]?)?\s*\/\s*(\S.*)$/u;

// "Công văn số 3141/UBND-VX ngày …" in a mail subject or a sentence.
const NUMBER_IN_TEXT = /(?:^|[^\p{L}])so\s*:?\s*(\d+[a-z]?)\s*\/\s*(\S+(?:\s*[-/]\s*\S+)*)/u;

/**
 * Reads a "Số: …" line of the header. The number is kept as printed: Decree 30 prints numbers
 * below 10 with a leading zero ("05"), and the register shows the number as the document does.
 * The notation is everything after the first slash without spaces, so a normative document's
 * "Số: 12/2026/QĐ-UBND" gives number "12" and notation "2026/QĐ-UBND".
 */
export function parseNumberLine(text: string): NumberNotation | null {
  const original = text.normalize('NFC');
  const match = NUMBER_LINE.exec(foldCharacters(original));
  if (match === null) {
    return null;
  }

  const restStart = original.length - (match[2]?.length ?? 0);
  const notation = cleanNotation(original.slice(restStart));
  if (notation === null && match[1] === undefined) {
    return null;
  }

  return { number: numberAsPrinted(original, match), notation };
}

/** Finds "số 3141/UBND-VX" anywhere in a text such as a mail subject. */
export function findNumberInText(text: string): NumberNotation | null {
  const original = text.normalize('NFC');
  const match = NUMBER_IN_TEXT.exec(foldCharacters(original));
  if (match === null || match[1] === undefined || match[2] === undefined) {
    return null;
  }

  const restStart = match.index + match[0].length - match[2].length;
  const notation = cleanNotation(original.slice(restStart, restStart + match[2].length));
  if (notation === null) {
    return null;
  }

  return { number: numberAsPrinted(original, match), notation };
}

/**
 * Returns the document type code in a notation: "GM" in "GM-UBND" and "QĐ" in "2026/QĐ-UBND". For a
 * công văn this is the issuer's abbreviation ("UBND" in "UBND-VX"), which is no type code.
 */
export function notationPrefix(notation: string): string | null {
  const lastPart = notation.split('/').at(-1) ?? '';
  const prefix = lastPart.split('-')[0] ?? '';

  return prefix === '' ? null : prefix;
}

function numberAsPrinted(original: string, match: RegExpExecArray): string | null {
  const number = match[1];
  if (number === undefined) {
    return null;
  }

  const start = match.index + match[0].search(/\d/u);

  return original.slice(start, start + number.length);
}

function cleanNotation(text: string): string | null {
  const joined = text.replace(/\s*([-/])\s*/gu, '$1').trim();
  const token = (joined.split(/\s/u)[0] ?? '').replace(/[.,;:)]+$/u, '');

  return /\p{L}/u.test(token) ? token : null;
}
