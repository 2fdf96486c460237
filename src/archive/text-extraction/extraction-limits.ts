export type ExtractionLimits = {
  /** Files larger than this are not parsed. */
  maxBytes: number;
  /** Pages read from the start of the file. Later pages are skipped and flagged `truncated`. */
  maxPages: number;
  /** Characters of text kept. The rest is dropped and flagged `truncated`. */
  maxTextCharacters: number;
  /** Wall-clock time for one file, in milliseconds, including starting the worker thread. */
  timeoutMs: number;
  /** Old-generation heap of the worker thread, in MiB. A file that needs more is flagged `too-large`. */
  maxHeapMb: number;
  /**
   * Bytes that all entries of a DOCX file may inflate to, counted before mammoth opens it. JSZip
   * inflates outside the V8 heap, where `maxHeapMb` does not apply. Images count too, although
   * only the XML parts are read.
   */
  maxUnpackedBytes: number;
};

// NOTE: these defaults are estimates for office documents of a few pages, which parse in well
// under a second. They are not measured against a corpus of real mail.
// A worker thread uses about 21 MiB of heap once pdfjs and mammoth are loaded. At 128 MiB, a 30-page
// PDF that embeds a whole 760 KB TrueType font on every page reads (it needs about 48 MiB), and
// so does a DOCX of 300 pages like the test fixtures (1.7 MB of document.xml). mammoth needs
// roughly 50 MiB of heap per MiB of document.xml, so a DOCX with much more XML is flagged
// `too-large`.
export const DEFAULT_EXTRACTION_LIMITS: ExtractionLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxPages: 30,
  maxTextCharacters: 2_000_000,
  timeoutMs: 20_000,
  maxHeapMb: 128,
  maxUnpackedBytes: 100 * 1024 * 1024,
};

export function resolveExtractionLimits(overrides: Partial<ExtractionLimits> = {}): ExtractionLimits {
  return { ...DEFAULT_EXTRACTION_LIMITS, ...overrides };
}
