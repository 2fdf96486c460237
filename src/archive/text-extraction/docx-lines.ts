import type { TextColumn, TextLine } from './extracted-text.js';
import { decodeLegacyFontText } from './legacy-font-text.js';

/**
 * Element of mammoth's document model (mammoth 1.x `lib/documents.js`), reduced to the fields
 * read here.
 */
export type DocxElement = {
  type: string;
  children?: DocxElement[];
  value?: string;
  alignment?: string | null;
  breakType?: string;
  font?: string | null;
};

export type DocxLines = {
  lines: TextLine[];
  /** 1 plus the explicit page breaks; Word lays out the other page breaks only when it renders. */
  pageCount: number;
};

type Context = { column: TextColumn | null; inTable: boolean };

/**
 * Turns mammoth's document model into lines. The cells of a table row become the `left` and
 * `right` blocks, as in the Decree 30 header and signature tables. A paragraph that reaches the
 * right block with two or more tabs is split the same way.
 */
export function layOutDocxLines(document: DocxElement): DocxLines {
  const state = { lines: [] as TextLine[], page: 1, paragraph: 0 };

  const visit = (element: DocxElement, context: Context): void => {
    if (element.type === 'table') {
      for (const row of element.children ?? []) {
        visitRow(row, context);
      }

      return;
    }

    if (element.type === 'paragraph') {
      addParagraph(element, context);

      return;
    }

    for (const child of element.children ?? []) {
      visit(child, context);
    }
  };

  const visitRow = (row: DocxElement, context: Context): void => {
    const cells = (row.children ?? []).filter((cell) => cell.type === 'tableCell');
    const filled = cells.filter((cell) => collectText(cell).trim() !== '');

    for (const cell of cells) {
      const position = filled.indexOf(cell);
      const column = context.column ?? cellColumn(position, filled.length);
      visit(cell, { column, inTable: true });
    }
  };

  const addParagraph = (paragraph: DocxElement, context: Context): void => {
    const number = state.paragraph++;
    const column = context.column ?? 'full';

    for (const { text, page } of paragraphLines(paragraph, state)) {
      for (const part of splitAtTabs(text, column, context.inTable)) {
        const cleaned = part.text.normalize('NFC').replace(/\s+/gu, ' ').trim();
        if (cleaned === '') {
          continue;
        }

        state.lines.push({
          text: cleaned,
          page,
          column: part.column,
          paragraph: number,
          centred: part.column === 'full' && paragraph.alignment === 'center',
          box: null,
        });
      }
    }
  };

  visit(document, { column: null, inTable: false });

  return { lines: state.lines, pageCount: state.page };
}

function cellColumn(position: number, filledCount: number): TextColumn {
  if (filledCount < 2 || position < 0) {
    return 'full';
  }
  if (position === 0) {
    return 'left';
  }
  if (position === filledCount - 1) {
    return 'right';
  }

  return 'full';
}

/** Collects the text of a paragraph, split at line breaks. A page break advances `pages.page`. */
function paragraphLines(paragraph: DocxElement, pages: { page: number }): { text: string; page: number }[] {
  const lines = [{ text: '', page: pages.page }];
  const append = (text: string): void => {
    const last = lines[lines.length - 1];
    if (last !== undefined) {
      last.text += text;
    }
  };

  const visit = (element: DocxElement, font: string | null): void => {
    switch (element.type) {
      case 'text':
        append(decodeLegacyFontText(element.value ?? '', font));
        return;
      case 'tab':
        append('\t');
        return;
      case 'break':
        if (element.breakType === 'page') {
          pages.page++;
        }
        lines.push({ text: '', page: pages.page });
        return;
      case 'run':
        for (const child of element.children ?? []) {
          visit(child, element.font ?? null);
        }
        return;
      default:
        for (const child of element.children ?? []) {
          visit(child, font);
        }
    }
  };

  visit(paragraph, null);

  return lines;
}

function collectText(element: DocxElement): string {
  if (element.type === 'text') {
    return element.value ?? '';
  }

  return (element.children ?? []).map(collectText).join('');
}

function splitAtTabs(text: string, column: TextColumn, inTable: boolean): { text: string; column: TextColumn }[] {
  const match = /^(.*?\S.*?)\t{2,}(.*\S.*)$/su.exec(text);
  if (inTable || column !== 'full' || match === null) {
    return [{ text, column }];
  }

  return [
    { text: match[1] ?? '', column: 'left' },
    { text: match[2] ?? '', column: 'right' },
  ];
}
