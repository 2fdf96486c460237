import { createHash } from 'node:crypto';
import type { BlobStore } from './blob-store.js';

export interface BlobProgress {
  /** Blobs done so far, copied or failed. */
  processed: number;
  total: number;
  /** Bytes of the blobs copied so far. */
  bytes: number;
}

export interface BlobProblem {
  address: string;
  problem: string;
}

export interface BlobCopyResult {
  copied: number;
  bytes: number;
  problems: BlobProblem[];
}

/**
 * Copies blobs into the target store one at a time, then reads each back from the target and
 * hashes it again, so a blob counts as copied only when the target returns exactly the bytes
 * of its address. A blob that fails is recorded in `problems` and the copy goes on with the next.
 */
export async function copyBlobs(
  addresses: string[],
  readSource: (address: string) => Promise<Buffer>,
  target: BlobStore,
  onProgress?: (progress: BlobProgress) => void,
): Promise<BlobCopyResult> {
  const result: BlobCopyResult = { copied: 0, bytes: 0, problems: [] };

  for (const address of addresses) {
    const outcome = await copyBlob(address, readSource, target).catch((error: unknown) => ({
      problem: `failed: ${error instanceof Error ? error.message : String(error)}`,
    }));

    if ('problem' in outcome) {
      result.problems.push({ address, problem: outcome.problem });
    } else {
      result.copied++;
      result.bytes += outcome.size;
    }
    onProgress?.({ processed: result.copied + result.problems.length, total: addresses.length, bytes: result.bytes });
  }

  return result;
}

/** Copies and re-reads one blob, and returns its size or what is wrong with it. */
async function copyBlob(address: string, readSource: (address: string) => Promise<Buffer>, target: BlobStore): Promise<{ size: number } | { problem: string }> {
  const bytes = await readSource(address);
  const sourceSha256 = sha256Of(bytes);
  if (sourceSha256 !== address) return { problem: `damaged in the source: its ${bytes.length} bytes hash to ${sourceSha256}` };

  await target.put(bytes);

  const copy = await target.get(address);
  const targetSha256 = sha256Of(copy);
  if (targetSha256 !== address) return { problem: `differs in the target: ${copy.length} bytes that hash to ${targetSha256}` };

  return { size: bytes.length };
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
