import { logger } from '../../platform/logger.js';
import { emptyExtraction, type DocumentFileKind, type ExtractedText, type ExtractionFlag } from './extracted-text.js';
import { resolveExtractionLimits, type ExtractionLimits } from './extraction-limits.js';
import { extractionPool, type JobOutcome } from './extraction-pool.js';

const log = logger('ingest');

let nextJobId = 1;

/**
 * Extracts the text lines of a PDF or DOCX file in a worker thread with a heap limit and a
 * timeout, which counts from the moment a thread takes the file. It never throws for bad input:
 * an encrypted, broken, oversized, slow or scanned file gives a result with a flag that names
 * the problem, and whatever text could be read. Flag messages are fixed Vietnamese sentences,
 * and the text of any error behind a flag goes only to the log.
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
  const extracted = extractionOf(outcome, kind, resolved);

  return withoutDetails(extracted, job.id, kind);
}

function extractionOf(outcome: JobOutcome, kind: DocumentFileKind, limits: ExtractionLimits): ExtractedText {
  const file = `tệp ${kind.toUpperCase()}`;
  const failed = `Đọc ${file} bị lỗi ngoài dự kiến nên không lấy được nội dung. Hãy mở tệp để xem trực tiếp.`;

  switch (outcome.kind) {
    case 'reply':
      if (outcome.reply.ok) {
        return outcome.reply.extracted;
      }

      return emptyExtraction([{ code: 'broken', message: failed, detail: outcome.reply.detail }]);
    case 'timeout':
      return emptyExtraction([
        { code: 'timeout', message: `Đọc ${file} quá ${limits.timeoutMs} ms nên đã dừng.`, detail: `Timed out after ${limits.timeoutMs} ms.` },
      ]);
    case 'out-of-memory':
      return emptyExtraction([
        { code: 'too-large', message: `Đọc ${file} cần quá ${limits.maxHeapMb} MiB bộ nhớ nên đã dừng.`, detail: outcome.detail },
      ]);
    case 'crashed':
      return emptyExtraction([{ code: 'broken', message: failed, detail: outcome.detail }]);
  }
}

/** Logs the error details of the flags and removes them, so that they never reach a clerk. */
function withoutDetails(extracted: ExtractedText, jobId: number, kind: DocumentFileKind): ExtractedText {
  const flags = extracted.flags.map(({ detail, ...flag }): ExtractionFlag => {
    if (detail !== undefined) {
      log.warn({ jobId, kind, code: flag.code, detail }, 'Text extraction failed');
    }

    return flag;
  });

  return { ...extracted, flags };
}

/**
 * Starts a worker thread in the background, so that the first file does not wait half a second
 * for the thread to load pdfjs. A server calls this at start.
 */
export function warmUpTextExtraction(limits: Partial<ExtractionLimits> = {}): void {
  extractionPool(resolveExtractionLimits(limits).maxHeapMb).warmUp();
}
