import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { BlobWriter, removeStaleTemporaryFiles } from './blob-writer.js';
import { FolderSync, syncFolder } from './folder-sync.js';
import type { Db } from './database/connection.js';

export interface BlobStore {
  /**
   * Stores the bytes durably and returns their SHA-256 (hex), which is also their address. A
   * caller inside a database transaction passes it, so that a store in the database writes on
   * that connection instead of waiting for a second one from the pool.
   */
  put(bytes: Uint8Array, transaction?: Db): Promise<string>;
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
  /** Starts a blob written while its bytes arrive, finished with its SHA-256 address. */
  createWriter(): BlobWriter;
  /**
   * Moves a blob that `BlobWriter.finishInSpool()` left in the spool folder to its address. A
   * blob already moved, by this node or another, is left as it is.
   */
  settle(spooled: string, sha256: string): Promise<void>;
  /** Removes temporary files of writes that never finished and are older than a day. */
  removeStaleTemporaryFiles(now: Date): Promise<number>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
const SPOOLED_NAME = /^\.tmp-[0-9a-f]{16}$/;

/**
 * A content-addressed store on the local file system. A write goes to a temporary file that is
 * fsynced, renamed to its address and followed by an fsync of the folder, so that a blob whose
 * put() resolved survives a power cut. Identical content is stored once.
 */
export class FileBlobStore implements BlobStore {
  // Folders known to exist; a blob's two-level folder is created once, not on every write.
  readonly #knownFolders = new Set<string>();
  readonly #spoolFolder: string;
  readonly #spoolSync: FolderSync;

  constructor(private readonly root: string) {
    this.#spoolFolder = path.join(root, 'incoming');
    this.#spoolSync = new FolderSync(this.#spoolFolder);
  }

  /** Starts a blob that is written as its bytes arrive and may stay in `incoming/`; see BlobWriter. */
  createWriter(): BlobWriter {
    return new BlobWriter(this, this.#spoolFolder, this.#spoolSync);
  }

  async settle(spooled: string, sha256: string): Promise<void> {
    if (!SPOOLED_NAME.test(spooled)) throw new Error(`Invalid spooled blob name "${spooled}": expected .tmp- and 16 hex digits.`);

    try {
      await this.moveIntoPlace(path.join(this.#spoolFolder, spooled), sha256);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && (await this.has(sha256))) return;
      throw error;
    }
  }

  /**
   * Removes temporary files of writes that never finished, such as a client that disconnected
   * during DATA. Only files older than a day go, so writes in flight on any node are safe.
   */
  async removeStaleTemporaryFiles(now: Date): Promise<number> {
    return removeStaleTemporaryFiles(this.#spoolFolder, now);
  }

  /**
   * Moves a fully written, fsynced temporary file to its address and fsyncs the folder. Content
   * already stored is simply replaced by the same bytes: checking first would cost one more
   * round trip to the thread pool before every SMTP 250.
   */
  async moveIntoPlace(temporary: string, sha256: string): Promise<void> {
    const folder = await this.#folderOf(sha256);

    await rename(temporary, this.pathOf(sha256));
    await syncFolder(folder);
  }

  async #folderOf(sha256: string): Promise<string> {
    const folder = path.dirname(this.pathOf(sha256));
    if (!this.#knownFolders.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.#knownFolders.add(folder);
    }

    return folder;
  }

  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`Invalid blob address "${sha256}": expected 64 lower-case hex digits.`);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Uint8Array): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);

    if (await this.has(sha256)) return sha256;

    const folder = await this.#folderOf(sha256);

    const temporary = path.join(folder, `.tmp-${randomBytes(8).toString('hex')}`);
    try {
      const file = await open(temporary, 'wx');
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }

    await syncFolder(folder);
    return sha256;
  }

  async get(sha256: string): Promise<Buffer> {
    return readFile(this.pathOf(sha256));
  }

  async has(sha256: string): Promise<boolean> {
    try {
      const info = await stat(this.pathOf(sha256));
      return info.isFile();
    } catch {
      return false;
    }
  }
}
