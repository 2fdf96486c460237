import type { BlobCopyResult, BlobProgress } from '../platform/copy-blobs.js';
import type { TableProgress } from '../platform/database/copy-database.js';
import type { TableComparison } from '../platform/database/verify-copy.js';

// A large table prints a progress line at most this often, plus its final line.
const PROGRESS_INTERVAL_MS = 1000;

/** Prints progress lines to standard error: each table's final count, and counts in between at most once a second. */
export class ProgressPrinter {
  #lastPrintedAt = Date.now();

  table(progress: TableProgress): void {
    const done = progress.copied === progress.total;
    this.#print(`${progress.table}: ${progress.copied}/${progress.total}`, done);
  }

  blobs(progress: BlobProgress): void {
    const done = progress.processed === progress.total;
    this.#print(`blobs: ${progress.processed}/${progress.total} (${formatSize(progress.bytes)})`, done);
  }

  verified(comparison: TableComparison): void {
    const outcome = comparison.firstDifference === null ? 'same rows and content hash' : `differs from ${comparison.firstDifference}`;
    this.#print(`verified ${comparison.table}: ${countRows(comparison.targetRows)}, ${outcome}`, true);
  }

  #print(line: string, always: boolean): void {
    const now = Date.now();
    if (!always && now - this.#lastPrintedAt < PROGRESS_INTERVAL_MS) return;

    this.#lastPrintedAt = now;
    process.stderr.write(`${line}\n`);
  }
}

/** Formats the summary that a verified copy prints on standard output. */
export function formatSummary(from: string, to: string, blobStore: string, tables: TableComparison[], blobs: BlobCopyResult): string {
  const nameWidth = Math.max(...tables.map((table) => table.table.length));
  const lines = [
    `Copied ${from} into ${to} and verified the copy.`,
    '',
    `${'table'.padEnd(nameWidth)}  ${'rows'.padStart(9)}  content sha256`,
    ...tables.map((table) => `${table.table.padEnd(nameWidth)}  ${String(table.targetRows).padStart(9)}  ${table.targetSha256}`),
    '',
    `Blobs: ${blobs.copied} copied into ${blobStore} (${formatSize(blobs.bytes)}), each read back and hashed again.`,
  ];

  return `${lines.join('\n')}\n`;
}

function countRows(rows: number): string {
  return rows === 1 ? '1 row' : `${rows} rows`;
}

function formatSize(bytes: number): string {
  if (bytes < 1_000_000) return `${Math.ceil(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
