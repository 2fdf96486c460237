import { emptyExtraction, type DocumentFileKind, type ExtractedText } from './extracted-text.js';
import { resolveExtractionLimits, type ExtractionLimits } from './extraction-limits.js';
import { extractionPool } from './extraction-pool.js';

let nextJobId = 1;

/**
 * Extracts the text lines of a PDF or DOCX file in a worker thread with a heap limit and a
 * timeout that counts from the start of parsing. It never throws for bad input: an encrypted, broken, oversized, slow or scanned file
 * gives a result with a flag that says so, and whatever text could be read.
 */
export async function extractText(
  bytes: Uint8Array,
  kind: DocumentFileKind,
  limits: Partial<ExtractionLimits> = {},
): Promise<ExtractedText> {
  const resolved = resolveExtractionLimits(limits);

  if (bytes.byteLength > resolved.maxBytes) {
    return emptyExtraction([
      { code: 'too-large', message: `The file has ${bytes.byteLength} bytes, more than the limit of ${resolved.maxBytes}.` },
    ]);
  }

  const job = { id: nextJobId++, bytes: bytes.slice(), kind, limits: resolved };
  const outcome = await extractionPool(resolved.maxHeapMb).run(job, resolved.timeoutMs);

  switch (outcome.kind) {
    case 'reply':
      return outcome.reply.ok
        ? outcome.reply.extracted
        : emptyExtraction([{ code: 'broken', message: `Reading the ${kind.toUpperCase()} file failed: ${outcome.reply.message}` }]);
    case 'timeout':
      return emptyExtraction([{ code: 'timeout', message: `Reading the ${kind.toUpperCase()} file took longer than ${resolved.timeoutMs} ms.` }]);
    case 'out-of-memory':
      return emptyExtraction([{ code: 'too-large', message: `Reading the ${kind.toUpperCase()} file needed more than ${resolved.maxHeapMb} MiB of memory.` }]);
    case 'crashed':
      return emptyExtraction([{ code: 'broken', message: `Reading the ${kind.toUpperCase()} file failed: ${outcome.message}` }]);
  }
}
