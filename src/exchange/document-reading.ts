import { analyzeDocumentFile } from '../documents/analyze-document.js';
import type { Confidentiality } from '../documents/recognition/document-metadata.js';

export interface DocumentReading {
  /** Extracted text, for search. */
  text: string;
  /** A stamp (MẬT, TỐI MẬT, TUYỆT MẬT) read from the document itself, whatever the form states. */
  confidentiality: Confidentiality;
}

// The same file is often sent more than once in a short time (to a second group, again after a
// recall), so the last readings are kept by content hash. 32 texts of at most 200,000 characters
// bound the cache at about 13 MB of UTF-16.
const CAPACITY = 32;
const MAX_CHARS = 200_000;
const readings = new Map<string, DocumentReading>();

/** Reads a document to be sent: its text and any confidentiality stamp on it. */
export async function readOutgoingDocument(file: { filename: string; content: Buffer; detectedType: string; sha256: string; size: number }): Promise<DocumentReading> {
  const cached = readings.get(file.sha256);
  if (cached) {
    readings.delete(file.sha256);
    readings.set(file.sha256, cached);
    return cached;
  }

  const analyzed = await analyzeDocumentFile(
    { filename: file.filename, filenameOriginal: file.filename, declaredType: file.detectedType, detectedType: file.detectedType, disposition: 'attachment', content: file.content, size: file.size, sha256: file.sha256, isDocument: true, partPath: '1', forwarded: false, contentId: null },
    0,
    '',
    [],
  );
  const reading = { text: analyzed.text.slice(0, MAX_CHARS), confidentiality: analyzed.recognized.metadata.confidentiality };

  readings.set(file.sha256, reading);
  if (readings.size > CAPACITY) readings.delete(readings.keys().next().value!);
  return reading;
}
