import { readFile } from 'node:fs/promises';

import { describe, expect, test } from 'vitest';

import { DEFAULT_EXTRACTION_LIMITS } from './extraction-limits.js';
import { ExtractionPool, type JobOutcome } from './extraction-pool.js';

const fixtures = new URL('../../../test/fixtures/documents/', import.meta.url);

async function job(id: number) {
  const bytes = new Uint8Array(await readFile(new URL('tb-61-ubnd.pdf', fixtures)));

  return { id, bytes, kind: 'pdf' as const, limits: DEFAULT_EXTRACTION_LIMITS };
}

function threadIdOf(outcome: JobOutcome): number | null {
  return outcome.kind === 'reply' ? outcome.reply.threadId : null;
}

describe('ExtractionPool', () => {
  test('queues jobs beyond its threads', async () => {
    const pool = new ExtractionPool(256, 1);

    const outcomes = await Promise.all([pool.run(await job(1), 20_000), pool.run(await job(2), 20_000), pool.run(await job(3), 20_000)]);
    await pool.close();

    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['reply', 'reply', 'reply']);
    expect(outcomes.map((outcome) => (outcome.kind === 'reply' ? outcome.reply.id : null))).toEqual([1, 2, 3]);
  });

  test('resolves running and queued jobs on close', async () => {
    const pool = new ExtractionPool(256, 1);

    const running = pool.run(await job(1), 20_000);
    const queued = pool.run(await job(2), 20_000);
    await pool.close();

    expect((await running).kind).toBe('crashed');
    expect((await queued).kind).toBe('crashed');
  });

  test('replaces a thread whose heap has grown', async () => {
    // At a 32 MiB limit, a thread is replaced once its heap exceeds 16 MiB plus its 4 MiB young
    // generation, which loading pdfjs alone passes.
    const pool = new ExtractionPool(32, 1);

    const first = await pool.run(await job(1), 20_000);
    const second = await pool.run(await job(2), 20_000);
    await pool.close();

    expect(first.kind).toBe('reply');
    expect(second.kind).toBe('reply');
    expect(first.kind === 'reply' ? first.reply.heapTotalBytes : 0).toBeGreaterThan(20 * 1024 * 1024);
    expect(threadIdOf(second)).not.toBe(threadIdOf(first));
  });

  test('keeps a thread whose heap stays small', async () => {
    const pool = new ExtractionPool(256, 1);

    const first = await pool.run(await job(1), 20_000);
    const second = await pool.run(await job(2), 20_000);
    await pool.close();

    expect(threadIdOf(first)).not.toBeNull();
    expect(threadIdOf(second)).toBe(threadIdOf(first));
  });
});
