import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { getDocument, Util, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

import { errorDetail } from './error-detail.js';
import { emptyExtraction, type ExtractedText, type ExtractionFlag } from './extracted-text.js';
import type { ExtractionLimits } from './extraction-limits.js';
import { finishExtraction } from './finish-extraction.js';
import { layOutPdfLines, type PlacedPage, type PlacedText } from './pdf-line-layout.js';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

// A scanner may add a short caption ("Scanned by …") to a page that is otherwise an image.
const MIN_CHARACTERS_OF_TEXT_LAYER = 10;

/**
 * Reads the text lines of a PDF with pdfjs. Failures become flags: a password-protected file is
 * `encrypted`, a file pdfjs cannot parse is `broken`, and a file without a text layer is
 * `needs-ocr`.
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
    const flag: ExtractionFlag = { code: 'broken', message: 'Đọc các trang PDF bị lỗi: một phần của tệp bị hỏng hoặc không đọc được.', detail: errorDetail(error) };

    return emptyExtraction([flag], document.numPages);
  } finally {
    await loadingTask.destroy();
  }
}

async function readPages(document: PDFDocumentProxy, limits: ExtractionLimits): Promise<ExtractedText> {
  const pageCount = document.numPages;
  const pagesToRead = Math.min(pageCount, limits.maxPages);
  const pages: PlacedPage[] = [];
  const pagesWithoutText: number[] = [];
  const flags: ExtractionFlag[] = [];

  for (let pageNumber = 1; pageNumber <= pagesToRead; pageNumber++) {
    const page = await document.getPage(pageNumber);
    const { placed, otherCharacters } = await readPlacedText(page);
    pages.push({ page: pageNumber, items: placed });
    if (countCharacters(placed) + otherCharacters < MIN_CHARACTERS_OF_TEXT_LAYER) {
      pagesWithoutText.push(pageNumber);
    }
    page.cleanup();
  }

  if (pagesToRead < pageCount) {
    flags.push({ code: 'truncated', message: `Chỉ đọc ${pagesToRead} trang đầu trong ${pageCount} trang.` });
  }

  if (pagesWithoutText[0] === 1 || pagesWithoutText.length * 2 > pages.length) {
    const numbers = pagesWithoutText.join(', ');
    flags.push({ code: 'needs-ocr', message: `Trang ${numbers} không có lớp chữ: tệp PDF có lẽ là bản quét, cần nhận dạng ký tự (OCR).` });
  }

  return finishExtraction(layOutPdfLines(pages), pageCount, flags, limits);
}

function countCharacters(items: readonly PlacedText[]): number {
  return items.reduce((count, item) => count + item.text.replace(/\s/gu, '').length, 0);
}

/**
 * Reads the horizontal text runs of a page as displayed. Text at another angle, such as a stamp
 * along the margin or a table turned sideways, is left out and only counted.
 */
async function readPlacedText(page: PDFPageProxy): Promise<{ placed: PlacedText[]; otherCharacters: number }> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const placed: PlacedText[] = [];
  let otherCharacters = 0;

  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') {
      continue;
    }

    // The matrix in viewport space has its origin at the top left with y growing downwards, and
    // includes the page's /Rotate, so a landscape page reads as the viewer shows it.
    const [a, b, c, d, e, f] = Util.transform(viewport.transform, item.transform) as number[];
    const fontSize = Math.hypot(c ?? 0, d ?? 0);
    const isHorizontal = Math.abs(b ?? 0) <= 0.1 * Math.abs(a ?? 0) && (a ?? 0) > 0;
    if (!isHorizontal || fontSize === 0) {
      otherCharacters += item.str.replace(/\s/gu, '').length;
      continue;
    }

    placed.push({ text: item.str.normalize('NFC'), x: e ?? 0, y: f ?? 0, width: item.width, fontSize });
  }

  return { placed, otherCharacters };
}

function flagForLoadError(error: unknown): ExtractionFlag {
  const name = error instanceof Error ? error.name : '';

  if (name === 'PasswordException') {
    return { code: 'encrypted', message: 'Tệp PDF được đặt mật khẩu nên không đọc được nội dung. Đề nghị bên gửi gửi lại bản không đặt mật khẩu.' };
  }

  return { code: 'broken', message: 'Không đọc được tệp PDF: tệp bị hỏng hoặc không đúng định dạng PDF.', detail: errorDetail(error) };
}
