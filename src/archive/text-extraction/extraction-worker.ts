/**
 * Entry of a worker thread that parses document files, so that a hostile file can exhaust only
 * this thread's heap and time. Each `ExtractionJob` message gets one `ExtractionReply` with the
 * same id.
 */
import { parentPort } from 'node:worker_threads';

import { readDocxText } from './docx-text.js';
import type { DocumentFileKind, ExtractedText } from './extracted-text.js';
import type { ExtractionLimits } from './extraction-limits.js';
import { readPdfText } from './pdf-text.js';

export type ExtractionJob = {
  id: number;
  bytes: Uint8Array;
  kind: DocumentFileKind;
  limits: ExtractionLimits;
};

export type ExtractionReply =
  | { id: number; ok: true; extracted: ExtractedText }
  | { id: number; ok: false; message: string };

async function run(job: ExtractionJob): Promise<ExtractionReply> {
  try {
    const extracted = job.kind === 'pdf' ? await readPdfText(job.bytes, job.limits) : await readDocxText(job.bytes, job.limits);

    return { id: job.id, ok: true, extracted };
  } catch (error) {
    return { id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

const port = parentPort;
if (port !== null) {
  port.on('message', (job: ExtractionJob) => {
    void run(job).then((reply) => port.postMessage(reply));
  });
  port.postMessage('ready');
}
