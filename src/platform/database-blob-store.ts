import { createHash } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BlobStore } from './blob-store.js';
import { SHA256_HEX } from './blob-store.js';
import { BlobWriter, removeStaleTemporaryFiles } from './blob-writer.js';
import type { Db } from './database/connection.js';

// 1 MiB keeps each row far below PostgreSQL's 1 GB field limit and a read's memory small.
export const BLOB_CHUNK_SIZE = 1024 * 1024;

/**
 * A content-addressed store inside the database (CONGVAN_BLOB_STORE=pg), so that every node
 * reads the same blobs without a shared file system and one pg_dump backs up everything. The
 * chunks and the `blobs` row are written in one transaction; the row is the proof that the
 * blob is complete.
 */
export class DatabaseBlobStore implements BlobStore {
  constructor(private readonly db: Db, private readonly temporaryFolder: string) {}

  createWriter(): BlobWriter {
    return new BlobWriter(this, this.temporaryFolder);
  }

  /** Accepts only a blob already stored: writers of this store never leave one in a spool. */
  async settle(spooled: string, sha256: string): Promise<void> {
    if (await this.has(sha256)) return;

    throw new Error(`Blob ${sha256} is still in the spool file ${spooled} of a file blob store, which this database store cannot read; settle it with the file store first.`);
  }

  async removeStaleTemporaryFiles(now: Date): Promise<number> {
    return removeStaleTemporaryFiles(this.temporaryFolder, now);
  }

  async put(bytes: Uint8Array, transaction?: Db): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const db = transaction ?? this.db;
    const existing = await db.selectFrom('blobs').select('sha256').where('sha256', '=', sha256).executeTakeFirst();
    if (existing) return sha256;

    const chunks: Uint8Array[] = [];
    for (let offset = 0; offset < bytes.length || chunks.length === 0; offset += BLOB_CHUNK_SIZE) {
      chunks.push(bytes.subarray(offset, offset + BLOB_CHUNK_SIZE));
    }

    await this.#insert(sha256, bytes.length, chunks, transaction);
    return sha256;
  }

  /** Copies a finished temporary file into the database chunk by chunk, then removes it. */
  async moveIntoPlace(temporary: string, sha256: string): Promise<void> {
    if (await this.has(sha256)) {
      await rm(temporary, { force: true });
      return;
    }

    const file = await open(temporary, 'r');
    try {
      const { size } = await file.stat();
      const chunks: Uint8Array[] = [];
      for (let offset = 0; offset < size || chunks.length === 0; offset += BLOB_CHUNK_SIZE) {
        const buffer = Buffer.alloc(Math.min(BLOB_CHUNK_SIZE, size - offset));
        await file.read(buffer, 0, buffer.length, offset);
        chunks.push(buffer);
      }
      await this.#insert(sha256, size, chunks);
    } finally {
      await file.close();
    }

    await rm(temporary, { force: true });
  }

  async get(sha256: string): Promise<Buffer> {
    assertAddress(sha256);

    const blob = await this.db.selectFrom('blobs').select(['size', 'chunk_count']).where('sha256', '=', sha256).executeTakeFirst();
    if (!blob) throw Object.assign(new Error(`Blob ${sha256} is not in the database blob store.`), { code: 'ENOENT' });

    const rows = await this.db
      .selectFrom('blob_chunks')
      .select(['chunk_index', 'data'])
      .where('sha256', '=', sha256)
      .orderBy('chunk_index')
      .execute();
    const bytes = Buffer.concat(rows.map((row) => row.data));

    if (rows.length !== blob.chunk_count || bytes.length !== Number(blob.size)) {
      throw new Error(`Blob ${sha256} is incomplete: ${rows.length} of ${blob.chunk_count} chunks, ${bytes.length} of ${blob.size} bytes.`);
    }
    return bytes;
  }

  async has(sha256: string): Promise<boolean> {
    assertAddress(sha256);
    const row = await this.db.selectFrom('blobs').select('sha256').where('sha256', '=', sha256).executeTakeFirst();
    return row !== undefined;
  }

  // Two nodes may store the same content at once; the second insert finds the rows and skips.
  async #insert(sha256: string, size: number, chunks: Uint8Array[], transaction?: Db): Promise<void> {
    const write = async (trx: Db) => {
      for (const [index, data] of chunks.entries()) {
        await trx
          .insertInto('blob_chunks')
          .values({ sha256, chunk_index: index, data })
          .onConflict((conflict) => conflict.columns(['sha256', 'chunk_index']).doNothing())
          .execute();
      }
      await trx
        .insertInto('blobs')
        .values({ sha256, size, chunk_count: chunks.length, created_at: new Date().toISOString() })
        .onConflict((conflict) => conflict.column('sha256').doNothing())
        .execute();
    };

    if (transaction) await write(transaction);
    else await this.db.transaction().execute(write);
  }
}

function assertAddress(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) throw new Error(`Invalid blob address "${sha256}": expected 64 lower-case hex digits.`);
}

export function temporaryFolderOf(dataDir: string): string {
  return path.join(dataDir, 'tmp');
}
