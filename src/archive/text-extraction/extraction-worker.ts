/**
 * Entry of a worker thread that parses document files, so that a hostile file can exhaust only
 * this thread's heap and time. Each `ExtractionJob` message gets one `ExtractionReply` with the
 * same id.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, threadId } from 'node:worker_threads';

import { readDocxText } from './docx-text.js';
import { errorDetail } from './error-detail.js';
import type { DocumentFileKind, ExtractedText } from './extracted-text.js';
import type { ExtractionLimits } from './extraction-limits.js';
import { readPdfText } from './pdf-text.js';

export type ExtractionJob = {
  id: number;
  bytes: Uint8Array;
  kind: DocumentFileKind;
  limits: ExtractionLimits;
};

export type ExtractionReply = (
  | { id: number; ok: true; extracted: ExtractedText }
  | { id: number; ok: false; detail: string }
) & {
  /** Bytes this thread's V8 heap has reserved after the job, for the pool's recycling rule. */
  heapTotalBytes: number;
  /** Worker thread that ran the job. */
  threadId: number;
};

async function run(job: ExtractionJob): Promise<ExtractionReply> {
  try {
    const extracted = job.kind === 'pdf' ? await readPdfText(job.bytes, job.limits) : await readDocxText(job.bytes, job.limits);

    return { id: job.id, ok: true, extracted, heapTotalBytes: getHeapStatistics().total_heap_size, threadId };
  } catch (error) {
    return { id: job.id, ok: false, detail: errorDetail(error), heapTotalBytes: getHeapStatistics().total_heap_size, threadId };
  }
}

const port = parentPort;
if (port !== null) {
  port.on('message', (job: ExtractionJob) => {
    void run(job).then((reply) => port.postMessage(reply));
  });
  port.postMessage('ready');
}
