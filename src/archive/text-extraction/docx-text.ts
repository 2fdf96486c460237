import mammoth from 'mammoth';

import { layOutDocxLines, type DocxElement } from './docx-lines.js';
import { emptyExtraction, type ExtractedText, type ExtractionFlag } from './extracted-text.js';
import type { ExtractionLimits } from './extraction-limits.js';
import { finishExtraction } from './finish-extraction.js';
import { detectFileSignature } from './file-signature.js';

/**
 * Reads the text lines of a DOCX file with mammoth. A password-protected DOCX is an OLE
 * container instead of a zip and is flagged `encrypted`; anything else mammoth cannot read is
 * flagged `broken`.
 */
export async function readDocxText(bytes: Uint8Array, limits: ExtractionLimits): Promise<ExtractedText> {
  const signature = detectFileSignature(bytes);
  if (signature === 'encrypted-office') {
    return emptyExtraction([{ code: 'encrypted', message: 'The DOCX file is protected by a password, so its text cannot be read.' }]);
  }
  if (signature === 'ole') {
    return emptyExtraction([{ code: 'broken', message: 'The file is a legacy Word .doc file, not a DOCX file; save it as DOCX or PDF.' }]);
  }
  if (signature !== 'zip') {
    return emptyExtraction([{ code: 'broken', message: 'The file is not a DOCX file: it does not start with a zip header.' }]);
  }

  let document: DocxElement | undefined;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        externalFileAccess: false,
        // The model is all that is needed: an empty document skips the HTML conversion.
        transformDocument: (element: DocxElement) => {
          document = element;

          return { ...element, children: [] };
        },
      },
    );
  } catch (error) {
    return emptyExtraction([brokenFlag(error)]);
  }

  if (document === undefined) {
    return emptyExtraction([{ code: 'broken', message: 'The DOCX file has no main document part.' }]);
  }

  const { lines, pageCount } = layOutDocxLines(document);
  const flags: ExtractionFlag[] = [];
  const keptLines = lines.filter((line) => line.page <= limits.maxPages);
  if (keptLines.length < lines.length) {
    flags.push({ code: 'truncated', message: `Read the first ${limits.maxPages} of ${pageCount} pages.` });
  }

  return finishExtraction(keptLines, pageCount, flags, limits);
}

function brokenFlag(error: unknown): ExtractionFlag {
  const message = error instanceof Error ? error.message : String(error);

  return { code: 'broken', message: `The file is not a readable DOCX file: ${message.replace(/\.$/u, '')}.` };
}
