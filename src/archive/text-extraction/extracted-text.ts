/**
 * Text of a document file as lines with enough layout to find the blocks of the Decree 30
 * layout: the header's left block (issuer, number, "V/v" subject) and right block (national
 * name, place and date), the centred title, and the signature block.
 */

export type DocumentFileKind = 'pdf' | 'docx';

/**
 * Horizontal block of a line. In the header and the signature area the page has two blocks side
 * by side: `left` (issuer, number, recipients) and `right` (national name, date, signature).
 * `full` is a line that belongs to neither, such as the title or a body paragraph.
 */
export type TextColumn = 'left' | 'right' | 'full';

/** Position of a PDF line in points, with y measured from the top of the page to the baseline. */
export type TextBox = {
  x: number;
  y: number;
  width: number;
  fontSize: number;
};

export type TextLine = {
  /** NFC text of the line, trimmed and never empty. */
  text: string;
  /** Page number from 1. A DOCX file has pages only where it has explicit page breaks. */
  page: number;
  column: TextColumn;
  /** Paragraph number, shared by the lines of one paragraph. For a PDF it is inferred from spacing. */
  paragraph: number;
  /** Whether the line is centred on the page outside the two-block areas, as titles are. */
  centred: boolean;
  /** Layout of a PDF line, or null for DOCX, which has no fixed layout. */
  box: TextBox | null;
};

export type ExtractionFlagCode = 'encrypted' | 'broken' | 'too-large' | 'timeout' | 'needs-ocr' | 'truncated';

export type ExtractionFlag = {
  code: ExtractionFlagCode;
  /** Vietnamese sentence for the clerk. It never contains the text of an exception. */
  message: string;
  /**
   * Text of the exception behind the flag, for the log only. The parsers set it inside the
   * worker thread, and `extractText` logs it and removes it from the result.
   */
  detail?: string;
};

export type ExtractedText = {
  /** Lines in reading order: by page, then top to bottom, then left to right. */
  lines: TextLine[];
  /** The lines joined with line breaks, for search. */
  text: string;
  /** Pages in the file (DOCX: 1 plus its explicit page breaks), also when fewer were read. */
  pageCount: number;
  flags: ExtractionFlag[];
};

export function emptyExtraction(flags: ExtractionFlag[], pageCount = 0): ExtractedText {
  return { lines: [], text: '', pageCount, flags };
}

export function joinLines(lines: readonly TextLine[]): string {
  return lines.map((line) => line.text).join('\n');
}
