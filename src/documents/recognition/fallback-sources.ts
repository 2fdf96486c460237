import { findNumberInText, type NumberNotation } from './number-notation.js';

// Prefixes that mail clients add on reply and forward: "Re:", "Fwd:", and Vietnamese "TL:"
// (trả lời) and "Chuyển tiếp:".
const REPLY_PREFIXES = /^(?:\s*(?:re|fw|fwd|aw|sv|tl|trả lời|chuyển tiếp)\s*:\s*)+/iu;

// "3141-UBND-VX.pdf", "88_GM-UBND.docx": a number, a separator, then a notation with a dash.
const NUMBER_IN_FILE_NAME = /(?:^|[^\d])(\d{1,5})\s*[_\-. ]\s*(\p{Lu}[\p{L}&]*(?:-[\p{L}\d&]+)+)/u;

/** Removes the reply and forward prefixes of mail clients from a mail subject. */
export function cleanMailSubject(subject: string | undefined): string | null {
  const cleaned = (subject ?? '').normalize('NFC').replace(REPLY_PREFIXES, '').replace(/\s+/gu, ' ').trim();

  return cleaned === '' ? null : cleaned;
}

/** Turns a file name into a last-resort subject, without its extension and with underscores as spaces. */
export function fileNameSubject(fileName: string | undefined): string | null {
  const base = (fileName ?? '').normalize('NFC').replace(/^.*[\\/]/u, '').replace(/\.[^.]{1,5}$/u, '');
  const cleaned = base.replace(/_+/gu, ' ').replace(/\s+/gu, ' ').trim();

  return cleaned === '' ? null : cleaned;
}

/** Number and notation from a mail subject ("Công văn số 3141/UBND-VX …") or a file name. */
export function findNumberOutsideDocument(text: string | null, kind: 'mail-subject' | 'file-name'): NumberNotation | null {
  if (text === null) {
    return null;
  }
  if (kind === 'mail-subject') {
    return findNumberInText(text);
  }

  const match = NUMBER_IN_FILE_NAME.exec(text);

  return match === null ? null : { number: match[1] ?? null, notation: match[2] ?? null };
}
