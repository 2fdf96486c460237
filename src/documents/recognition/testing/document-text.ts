import type { ExtractedText, TextColumn, TextLine } from '../../../archive/text-extraction/extracted-text.js';

/**
 * Builds extracted text in the Decree 30 layout for tests, as the DOCX reader returns it for a
 * header table, a centred title and subject, body paragraphs and a signature table. Each string
 * is one paragraph; an array of strings is one paragraph over several lines.
 */
export type DocumentTextSpec = {
  left?: Paragraphs;
  right?: Paragraphs;
  title?: Paragraphs;
  body?: Paragraphs;
  recipients?: Paragraphs;
  signature?: Paragraphs;
};

type Paragraphs = readonly (string | readonly string[])[];

export function documentText(spec: DocumentTextSpec): ExtractedText {
  const builder = new LineBuilder();

  builder.add(spec.left ?? [], 'left');
  builder.add(spec.right ?? [], 'right');
  builder.add(spec.title ?? [], 'full', true);
  builder.add(spec.body ?? [], 'full');
  builder.add(spec.recipients ?? [], 'left');
  builder.add(spec.signature ?? [], 'right');

  return extractedFromLines(builder.lines);
}

/** Extracted text of lines given as [column, text] pairs, one paragraph each. */
export function linesText(lines: readonly (readonly [TextColumn, string])[]): ExtractedText {
  return extractedFromLines(
    lines.map(([column, text], index) => ({ text, page: 1, column, paragraph: index, centred: false, box: null })),
  );
}

export function extractedFromLines(lines: TextLine[]): ExtractedText {
  return { lines, text: lines.map((line) => line.text).join('\n'), pageCount: 1, flags: [] };
}

class LineBuilder {
  readonly lines: TextLine[] = [];
  private paragraph = 0;

  add(paragraphs: Paragraphs, column: TextColumn, centred = false): void {
    for (const paragraph of paragraphs) {
      const texts = typeof paragraph === 'string' ? [paragraph] : paragraph;
      for (const text of texts) {
        this.lines.push({ text, page: 1, column, paragraph: this.paragraph, centred, box: null });
      }
      this.paragraph++;
    }
  }
}
