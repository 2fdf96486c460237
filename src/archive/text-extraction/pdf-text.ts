import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { getDocument, Util, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

import { emptyExtraction, type ExtractedText, type ExtractionFlag } from './extracted-text.js';
import type { ExtractionLimits } from './extraction-limits.js';
import { finishExtraction } from './finish-extraction.js';
import { layOutPdfLines, type PlacedPage, type PlacedText } from './pdf-line-layout.js';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * Reads the text lines of a PDF with pdfjs. Failures become flags: a password-protected file is
 * `encrypted`, a file pdfjs cannot parse is `broken`, a file without a text layer `needs-ocr`.
 */
export async function readPdfText(bytes: Uint8Array, limits: ExtractionLimits): Promise<ExtractedText> {
  const loadingTask = getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    cMapUrl: `${join(pdfjsRoot, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(pdfjsRoot, 'standard_fonts')}/`,
  });

  let document: PDFDocumentProxy;
  try {
    document = await loadingTask.promise;
  } catch (error) {
    await loadingTask.destroy();

    return emptyExtraction([flagForLoadError(error)]);
  }

  try {
    return await readPages(document, limits);
  } catch (error) {
    return emptyExtraction([{ code: 'broken', message: `Reading the PDF pages failed: ${describe(error)}.` }], document.numPages);
  } finally {
    await loadingTask.destroy();
  }
}

async function readPages(document: PDFDocumentProxy, limits: ExtractionLimits): Promise<ExtractedText> {
  const pageCount = document.numPages;
  const pagesToRead = Math.min(pageCount, limits.maxPages);
  const pages: PlacedPage[] = [];
  const flags: ExtractionFlag[] = [];

  for (let pageNumber = 1; pageNumber <= pagesToRead; pageNumber++) {
    const page = await document.getPage(pageNumber);
    pages.push({ page: pageNumber, items: await readPlacedText(page) });
    page.cleanup();
  }

  if (pagesToRead < pageCount) {
    flags.push({ code: 'truncated', message: `Read the first ${pagesToRead} of ${pageCount} pages.` });
  }

  const pagesWithoutText = pages.filter((page) => countCharacters(page.items) < MIN_CHARACTERS_OF_TEXT_LAYER);
  const firstPageHasNoText = pagesWithoutText[0]?.page === 1;
  if (firstPageHasNoText || pagesWithoutText.length * 2 > pages.length) {
    const numbers = pagesWithoutText.map((page) => page.page).join(', ');
    flags.push({ code: 'needs-ocr', message: `No text layer on page ${numbers}: the PDF is probably a scan and needs OCR.` });
  }

  return finishExtraction(layOutPdfLines(pages), pageCount, flags, limits);
}

// A scanner may add a short caption ("Scanned by …") to a page that is otherwise an image.
const MIN_CHARACTERS_OF_TEXT_LAYER = 10;

function countCharacters(items: readonly PlacedText[]): number {
  return items.reduce((count, item) => count + item.text.replace(/\s/gu, '').length, 0);
}

async function readPlacedText(page: PDFPageProxy): Promise<PlacedText[]> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const placed: PlacedText[] = [];

  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') {
      continue;
    }

    // The matrix in viewport space has its origin at the top left with y growing downwards,
    // whatever the page rotation is.
    const [a, b, c, d, e, f] = Util.transform(viewport.transform, item.transform) as number[];
    const fontSize = Math.hypot(c ?? 0, d ?? 0);
    const isHorizontal = Math.abs(b ?? 0) <= 0.1 * Math.abs(a ?? 0) && (a ?? 0) > 0;
    if (!isHorizontal || fontSize === 0) {
      continue;
    }

    placed.push({ text: item.str.normalize('NFC'), x: e ?? 0, y: f ?? 0, width: item.width, fontSize });
  }

  return placed;
}

function flagForLoadError(error: unknown): ExtractionFlag {
  const name = error instanceof Error ? error.name : '';

  if (name === 'PasswordException') {
    return { code: 'encrypted', message: 'The PDF is protected by a password, so its text cannot be read.' };
  }

  return { code: 'broken', message: `The file is not a readable PDF: ${describe(error)}.` };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.replace(/\.$/u, '') : String(error);
}
