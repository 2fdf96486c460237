import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readdir, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

import type { FolderSync } from './folder-sync.js';
import { sha256Digest } from './sha256-digest.js';

/** Where a finished temporary file goes: renamed into a folder, or copied into the database. */
export interface BlobDestination {
  moveIntoPlace(temporary: string, sha256: string): Promise<void>;
}

/** A finished blob: its address, and the name of its file in the spool folder if it stayed there. */
export interface FinishedBlob {
  sha256: string;
  /** Set when the file stayed in the folder it was written to; `settle()` moves it to its address. */
  spooled: string | null;
}

// Bytes held in memory before a write to the file. A message of up to this size reaches the file
// in one write after its last byte, instead of one write per network chunk.
const FLUSH_BYTES = 256 * 1024;

/**
 * Writes one blob while its bytes still arrive, such as a message during SMTP DATA. Chunks are
 * written in order to a temporary file, `FLUSH_BYTES` at a time. The caller keeps the bytes too
 * and passes them at the end, where they are hashed on a libuv thread while the last write runs.
 *
 * `finish()` fsyncs the file, renames it to its SHA-256 address and fsyncs that folder. When the
 * writer was given the spool folder's `FolderSync`, `finishInSpool()` does less after the last
 * byte: the folder is fsynced once the file exists, while the bytes still arrive, and at the end
 * only the last write remains, which the file's O_DSYNC flag makes durable. The file is then
 * moved to its address later, off the path of the SMTP reply.
 */
export class BlobWriter {
  readonly #temporary: string;
  #file: Promise<FileHandle>;
  #entryDurable: Promise<void> | null = null;
  #pending: Promise<unknown> = Promise.resolve();
  #failed: unknown = null;
  #buffered: Buffer[] = [];
  #bufferedBytes = 0;
  #size = 0;

  constructor(
    private readonly store: BlobDestination,
    temporaryFolder: string,
    spoolSync: FolderSync | null = null,
  ) {
    this.#temporary = path.join(temporaryFolder, `.tmp-${randomBytes(8).toString('hex')}`);
    const flags = spoolSync ? constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_DSYNC : 'wx';
    this.#file = ensureFolder(temporaryFolder).then(() => open(this.#temporary, flags));
    this.#file.catch((error: unknown) => (this.#failed ??= error));

    if (spoolSync) {
      this.#entryDurable = this.#file.then(() => spoolSync.sync());
      this.#entryDurable.catch((error: unknown) => (this.#failed ??= error));
    }
  }

  get size(): number {
    return this.#size;
  }

  write(chunk: Buffer): void {
    this.#size += chunk.length;
    this.#buffered.push(chunk);
    this.#bufferedBytes += chunk.length;

    if (this.#bufferedBytes >= FLUSH_BYTES) this.#flush();
  }

  /**
   * Makes the blob durable at its address and returns that address. `content` is every byte
   * passed to `write()`, in order. Rejects if a write failed.
   */
  async finish(content: Uint8Array): Promise<string> {
    const sha256 = await this.#writeAll(content);

    const file = await this.#file;
    if (!this.#entryDurable) {
      try {
        await file.sync();
      } catch (error) {
        await file.close();
        throw error;
      }
    }

    // The bytes are durable, so the close runs beside the rename instead of before it.
    const closed = file.close();
    await this.store.moveIntoPlace(this.#temporary, sha256);
    await closed;
    return sha256;
  }

  /**
   * Makes the blob durable where it was written and returns its address and file name, or, for a
   * writer without a spool folder, does what `finish()` does. Rejects if a write failed.
   */
  async finishInSpool(content: Uint8Array): Promise<FinishedBlob> {
    if (!this.#entryDurable) return { sha256: await this.finish(content), spooled: null };

    const sha256 = await this.#writeAll(content);
    await this.#entryDurable;

    // Every write was O_DSYNC, so the bytes are durable and the close need not be awaited.
    (await this.#file).close().catch(() => undefined);
    return { sha256, spooled: path.basename(this.#temporary) };
  }

  /** Removes the temporary file, for a transaction that ended without a message. */
  async abort(): Promise<void> {
    this.#buffered = [];
    await this.#pending;
    try {
      await (await this.#file).close();
    } catch {
      // The file was never opened or is already closed.
    }
    await rm(this.#temporary, { force: true });
  }

  /** Writes what is still buffered and returns the SHA-256 of `content` once every write is done. */
  async #writeAll(content: Uint8Array): Promise<string> {
    if (content.length !== this.#size) {
      await this.abort();
      throw new Error(`The content passed to finish a blob has ${content.length} bytes, but ${this.#size} were written.`);
    }

    this.#flush();
    const sha256 = sha256Digest(content);
    await this.#pending;
    if (this.#failed) {
      await this.abort();
      throw this.#failed;
    }

    return sha256;
  }

  #flush(): void {
    if (this.#buffered.length === 0) return;

    const chunks = this.#buffered;
    this.#buffered = [];
    this.#bufferedBytes = 0;
    this.#pending = this.#pending
      .then(async () => {
        const expected = chunks.reduce((total, chunk) => total + chunk.length, 0);
        const { bytesWritten } = await (await this.#file).writev(chunks);
        if (bytesWritten !== expected) throw new Error(`Short write to ${this.#temporary}: ${bytesWritten} of ${expected} bytes; the disk may be full.`);
      })
      .catch((error: unknown) => (this.#failed ??= error));
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
