import type { TextLine } from '../../archive/text-extraction/extracted-text.js';
import { foldText } from '../../platform/text-fold.js';
import { DOCUMENT_TYPES, findDocumentTypeByTitle, type DocumentType } from '../document-types.js';

import { isSeparatorLine, isUpperCaseText } from './line-kinds.js';

export type TitleLine = {
  type: DocumentType;
  /** Index of the title line in the lines searched. */
  index: number;
  /** Text after the title on the same line ("KẾT LUẬN CỦA …" in "THÔNG BÁO KẾT LUẬN CỦA …"). */
  rest: string | null;
};

// The title comes right after the header; a stamp or a rule may come before it.
const TITLE_SEARCH_LINES = 4;

const typesByLetters = new Map(
  DOCUMENT_TYPES.flatMap((type) => type.titles.map((title) => [foldText(title).replace(/\s/gu, ''), type] as const)),
);

const titlesByLength = DOCUMENT_TYPES.flatMap((type) => type.titles.map((title) => ({ type, folded: foldText(title) }))).sort(
  (a, b) => b.folded.length - a.folded.length,
);

/**
 * Finds the title line ("GIẤY MỜI", "BÁO CÁO" …) among the first lines from `start` on the same
 * page. A line that is only a title matches in any case. A line in capitals that starts with a
 * title ("THÔNG BÁO KẾT LUẬN …") also matches, and the rest of that line begins the subject.
 */
export function findTitleLine(lines: readonly TextLine[], start: number, skip: (line: TextLine) => boolean): TitleLine | null {
  const page = lines[start]?.page;
  let searched = 0;

  for (let index = start; index < lines.length && searched < TITLE_SEARCH_LINES; index++) {
    const line = lines[index];
    if (line === undefined || line.page !== page) {
      break;
    }
    if (skip(line) || isSeparatorLine(line.text)) {
      continue;
    }
    searched++;

    const exact = findDocumentTypeByTitle(line.text) ?? findLetterSpacedTitle(line.text);
    if (exact !== undefined) {
      return { type: exact, index, rest: null };
    }

    const prefixed = matchTitlePrefix(line.text);
    if (prefixed !== null) {
      return { ...prefixed, index };
    }
  }

  return null;
}

function matchTitlePrefix(text: string): Omit<TitleLine, 'index'> | null {
  if (!isUpperCaseText(text)) {
    return null;
  }

  const folded = foldText(text);
  for (const { type, folded: title } of titlesByLength) {
    if (folded.startsWith(`${title} `)) {
      const titleWords = title.split(' ').length;
      const rest = text.trim().split(/\s+/u).slice(titleWords).join(' ');

      return { type, rest: rest === '' ? null : rest };
    }
  }

  return null;
}

/**
 * Finds a title printed with letter spacing, which a PDF gives as "G I Ấ Y M Ờ I" once the gap
 * between the words is lost, by comparing the letters alone.
 */
function findLetterSpacedTitle(text: string): DocumentType | undefined {
  const trimmed = text.trim();
  if (!/^\p{L}(?:\s+\p{L})+$/u.test(trimmed)) {
    return undefined;
  }

  return typesByLetters.get(foldText(trimmed).replace(/\s/gu, ''));
}
