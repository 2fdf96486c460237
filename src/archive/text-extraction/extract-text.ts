import { errorSentence } from './error-sentence.js';
import { emptyExtraction, type DocumentFileKind, type ExtractedText } from './extracted-text.js';
import { resolveExtractionLimits, type ExtractionLimits } from './extraction-limits.js';
import { extractionPool, type JobOutcome } from './extraction-pool.js';

let nextJobId = 1;

/**
 * Extracts the text lines of a PDF or DOCX file in a worker thread with a heap limit and a
 * timeout, which counts from the moment a thread takes the file. It never throws for bad input:
 * an encrypted, broken, oversized, slow or scanned file gives a result with a flag that names
 * the problem, and whatever text could be read.
 */
export async function extractText(
  bytes: Uint8Array,
  kind: DocumentFileKind,
  limits: Partial<ExtractionLimits> = {},
): Promise<ExtractedText> {
  const resolved = resolveExtractionLimits(limits);

  if (bytes.byteLength > resolved.maxBytes) {
    return emptyExtraction([
      { code: 'too-large', message: `Tệp có ${bytes.byteLength} byte, vượt giới hạn ${resolved.maxBytes} byte nên không được đọc.` },
    ]);
  }

  // A copy into a fresh ArrayBuffer: Buffer#slice shares memory (often the Buffer pool), and the
  // transfer to the worker thread detaches whatever buffer it is given.
  const job = { id: nextJobId++, bytes: new Uint8Array(bytes), kind, limits: resolved };
  const outcome = await extractionPool(resolved.maxHeapMb).run(job, resolved.timeoutMs);

  return extractionOf(outcome, kind, resolved);
}

function extractionOf(outcome: JobOutcome, kind: DocumentFileKind, limits: ExtractionLimits): ExtractedText {
  const file = `tệp ${kind.toUpperCase()}`;

  switch (outcome.kind) {
    case 'reply':
      if (outcome.reply.ok) {
        return outcome.reply.extracted;
      }

      return emptyExtraction([{ code: 'broken', message: `Đọc ${file} bị lỗi: ${errorSentence(outcome.reply.message)}` }]);
    case 'timeout':
      return emptyExtraction([{ code: 'timeout', message: `Đọc ${file} quá ${limits.timeoutMs} ms nên đã dừng.` }]);
    case 'out-of-memory':
      return emptyExtraction([{ code: 'too-large', message: `Đọc ${file} cần quá ${limits.maxHeapMb} MiB bộ nhớ nên đã dừng.` }]);
    case 'crashed':
      return emptyExtraction([{ code: 'broken', message: `Đọc ${file} bị lỗi: ${errorSentence(outcome.message)}` }]);
  }
}

/**
 * Starts a worker thread in the background, so that the first file does not wait about a second
 * for the thread to load pdfjs. A server calls this at start.
 */
export function warmUpTextExtraction(limits: Partial<ExtractionLimits> = {}): void {
  extractionPool(resolveExtractionLimits(limits).maxHeapMb).warmUp();
}
