import { createHash, randomBytes, type Hash } from 'node:crypto';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { FileBlobStore } from './blob-store.js';

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

  constructor(private readonly store: FileBlobStore, temporaryFolder: string) {
    this.#temporary = path.join(temporaryFolder, `.tmp-${randomBytes(8).toString('hex')}`);
    this.#file = mkdir(temporaryFolder, { recursive: true }).then(() => open(this.#temporary, 'wx'));
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
    } finally {
      await file.close();
    }

    await this.store.moveIntoPlace(this.#temporary, sha256);
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
