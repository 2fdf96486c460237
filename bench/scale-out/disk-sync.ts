import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { describeDistribution, type Distribution } from '../ingest/statistics.js';
import { roundDistribution } from './rounding.js';

const BLOCK_BYTES = 4096;

/**
 * Times `count` 4 KiB appends, each followed by fdatasync, in a new file under `parentFolder`,
 * in milliseconds. A durable commit waits for at least one such flush, in SQLite (WAL with
 * synchronous=FULL) and in PostgreSQL (fsync and synchronous_commit on), so this is the floor
 * of one commit's latency on this disk.
 */
export function measureDiskSyncMs(parentFolder: string, count = 200): Distribution {
  const folder = mkdtempSync(path.join(parentFolder, 'congvan-bench-sync-'));
  const block = Buffer.alloc(BLOCK_BYTES, 1);
  const timings: number[] = [];

  const file = openSync(path.join(folder, 'probe'), 'a');
  try {
    for (let index = 0; index < count; index++) {
      const started = performance.now();
      writeSync(file, block);
      fdatasyncSync(file);
      timings.push(performance.now() - started);
    }
  } finally {
    closeSync(file);
    rmSync(folder, { recursive: true, force: true });
  }

  return roundDistribution(describeDistribution(timings), 3);
}
