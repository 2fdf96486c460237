import type { TextLine } from '../../archive/text-extraction/extracted-text.js';
import { findDocumentTypeByTitle } from '../document-types.js';

import { looksLikeDateLine } from './date-line.js';
import { isAddresseeLine, isMottoLine, isNationalNameLine, startsWithWords } from './line-kinds.js';
import { isStampLine } from './marks.js';

/**
 * The header of the first page, split into the decree's two blocks: top left (issuer, number,
 * "V/v" subject) and top right (national name, motto, place and date).
 */
export type DocumentLayout = {
  lines: readonly TextLine[];
  headerLeft: TextLine[];
  headerRight: TextLine[];
  /** Index in `lines` of the first line after the header. */
  bodyStart: number;
};

// Lines without a block (a form number, a stamp) may come before the header table.
const MAX_LINES_BEFORE_HEADER = 3;

// Without blocks the header is looked for in the first lines of the page only.
const MAX_HEADER_LINES_WITHOUT_BLOCKS = 15;

export function analyseLayout(lines: readonly TextLine[]): DocumentLayout {
  const firstPage = lines[0]?.page;
  const pageLines = lines.filter((line) => line.page === firstPage);

  return layOutWithBlocks(lines, pageLines) ?? layOutWithoutBlocks(lines, pageLines);
}

/** Takes the left and right lines from the top of the page to the first full-width line as the header. */
function layOutWithBlocks(lines: readonly TextLine[], pageLines: readonly TextLine[]): DocumentLayout | null {
  const firstBlockLine = pageLines.findIndex((line) => line.column !== 'full');
  if (firstBlockLine < 0 || firstBlockLine > MAX_LINES_BEFORE_HEADER) {
    return null;
  }

  const layout: DocumentLayout = { lines, headerLeft: [], headerRight: [], bodyStart: pageLines.length };
  for (let index = firstBlockLine; index < pageLines.length; index++) {
    const line = pageLines[index];
    if (line === undefined) {
      break;
    }
    if (line.column === 'full' && !isStampLine(line.text)) {
      layout.bodyStart = index;
      break;
    }

    if (line.column === 'left') {
      layout.headerLeft.push(line);
    } else if (line.column === 'right') {
      layout.headerRight.push(line);
    }
  }

  return layout;
}

/**
 * Splits a header typed without a table. The national name, motto and date line form the right
 * block, and the other lines up to the title or the body form the left block.
 */
function layOutWithoutBlocks(lines: readonly TextLine[], pageLines: readonly TextLine[]): DocumentLayout {
  const layout: DocumentLayout = { lines, headerLeft: [], headerRight: [], bodyStart: 0 };
  const limit = Math.min(pageLines.length, MAX_HEADER_LINES_WITHOUT_BLOCKS);

  for (let index = 0; index < limit; index++) {
    const line = pageLines[index];
    if (line === undefined || startsBody(line)) {
      break;
    }

    layout.bodyStart = index + 1;
    if (isNationalNameLine(line.text) || isMottoLine(line.text) || looksLikeDateLine(line.text)) {
      layout.headerRight.push(line);
    } else {
      layout.headerLeft.push(line);
    }
  }

  return layout;
}

function startsBody(line: TextLine): boolean {
  return (
    findDocumentTypeByTitle(line.text) !== undefined ||
    isAddresseeLine(line.text) ||
    startsWithWords(line.text, 'căn cứ') ||
    line.text.length > 120
  );
}
