import { createHash, randomBytes, type Hash } from 'node:crypto';
import { mkdir, open, readdir, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** Where a finished temporary file goes: renamed into a folder, or copied into the database. */
export interface BlobDestination {
  moveIntoPlace(temporary: string, sha256: string): Promise<void>;
}

/**
 * Writes one blob while its bytes still arrive, such as a message during SMTP DATA, so that at
 * the end only the fsync, the rename and the folder fsync remain. Chunks are written in order to
 * a temporary file and hashed on the way; finish() makes the blob durable under its SHA-256.
 */
export class BlobWriter {
  readonly #hash: Hash = createHash('sha256');
  readonly #temporary: string;
  #file: Promise<FileHandle>;
  #pending: Promise<unknown> = Promise.resolve();
  #failed: unknown = null;
  #size = 0;

  constructor(private readonly store: BlobDestination, temporaryFolder: string) {
    this.#temporary = path.join(temporaryFolder, `.tmp-${randomBytes(8).toString('hex')}`);
    this.#file = ensureFolder(temporaryFolder).then(() => open(this.#temporary, 'wx'));
    this.#file.catch((error: unknown) => (this.#failed ??= error));
  }

  get size(): number {
    return this.#size;
  }

  write(chunk: Buffer): void {
    this.#hash.update(chunk);
    this.#size += chunk.length;
    this.#pending = this.#pending
      .then(async () => (await this.#file).write(chunk))
      .catch((error: unknown) => (this.#failed ??= error));
  }

  /** Makes the blob durable and returns its address; rejects if any write failed. */
  async finish(): Promise<string> {
    await this.#pending;
    if (this.#failed) {
      await this.abort();
      throw this.#failed;
    }

    const sha256 = this.#hash.digest('hex');
    const file = await this.#file;
    try {
      await file.sync();
    } catch (error) {
      await file.close();
      throw error;
    }

    // The bytes are durable, so the close runs beside the rename instead of before it.
    const closed = file.close();
    await this.store.moveIntoPlace(this.#temporary, sha256);
    await closed;
    return sha256;
  }

  /** Removes the temporary file, for a transaction that ended without a message. */
  async abort(): Promise<void> {
    await this.#pending;
    try {
      await (await this.#file).close();
    } catch {
      // The file was never opened or is already closed.
    }
    await rm(this.#temporary, { force: true });
  }
}

// Temporary folders created by this process: each is created once, not before every message.
const createdFolders = new Set<string>();

async function ensureFolder(folder: string): Promise<void> {
  if (createdFolders.has(folder)) return;

  await mkdir(folder, { recursive: true });
  createdFolders.add(folder);
}

const STALE_TEMPORARY_FILE_MS = 24 * 3600 * 1000;

/**
 * Removes a folder's temporary files older than a day: writes that never finished, such as a
 * client that disconnected during DATA. Younger files may belong to writes still in flight.
 */
export async function removeStaleTemporaryFiles(folder: string, now: Date): Promise<number> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return 0;
  }

  let removed = 0;
  for (const name of names.filter((candidate) => candidate.startsWith('.tmp-'))) {
    const file = path.join(folder, name);
    const info = await stat(file).catch(() => null);
    if (info && now.getTime() - info.mtimeMs > STALE_TEMPORARY_FILE_MS) {
      await rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}
