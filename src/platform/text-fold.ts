import { withoutControlCharacters } from './control-characters.js';

/**
 * Folding of Vietnamese text for search and for matching names typed without diacritics:
 * "Ủy ban Nhân dân  Tỉnh Lâm Đồng" and "uy ban nhan dan tinh lam dong" fold to the same string.
 */

const COMBINING_MARK = /\p{M}/gu;
const D_WITH_STROKE = /đ/g;
const WHITESPACE_RUN = /\s+/g;

/** Folds text to NFC, lower case, without diacritics, đ/Đ as d and single spaces, trimmed. */
export function foldText(text: string): string {
  const lowerCase = withoutControlCharacters(text).normalize('NFC').toLowerCase();
  const withoutMarks = lowerCase.normalize('NFD').replace(COMBINING_MARK, '').replace(D_WITH_STROKE, 'd');

  return withoutMarks.normalize('NFC').replace(WHITESPACE_RUN, ' ').trim();
}

const foldedCharacters = new Map<string, string>();

/**
 * Folds each character like `foldText` but keeps whitespace and length, so that an index into
 * the result is the same index into `text.normalize('NFC')`. A character whose folded form would
 * have another length in UTF-16 code units is kept as it is.
 */
export function foldCharacters(text: string): string {
  let folded = '';

  for (const character of text.normalize('NFC')) {
    folded += foldCharacter(character);
  }

  return folded;
}

function foldCharacter(character: string): string {
  if (character < '\u0080') {
    return character.toLowerCase();
  }

  const cached = foldedCharacters.get(character);
  if (cached !== undefined) {
    return cached;
  }

  const candidate = character.toLowerCase().normalize('NFD').replace(COMBINING_MARK, '').replace(D_WITH_STROKE, 'd');
  const folded = candidate.length === character.length ? candidate : character;
  foldedCharacters.set(character, folded);

  return folded;
}
