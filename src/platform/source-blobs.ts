import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileBlobStore, SHA256_HEX } from './blob-store.js';
import { DatabaseBlobStore } from './database-blob-store.js';
import { APPLICATION_TABLES, describeKey } from './database/application-tables.js';
import type { DatabaseView } from './database/copy-database.js';
import { readBatchesInKeyOrder } from './database/rows-in-key-order.js';

const HEX_PAIR = /^[0-9a-f]{2}$/;
const REFERENCE_BATCH_ROWS = 5000;

export interface MissingBlob {
  address: string;
  /** The first row that references it, such as `attachments id=…`. */
  referencedBy: string;
}

/**
 * The blobs of an installation that is being moved: the files of its blob folder, any blob kept
 * in its database's own `blobs` table, and the addresses that its rows reference (the tables
 * with a blobColumn in APPLICATION_TABLES).
 */
export class SourceBlobs {
  private constructor(
    private readonly folderStore: FileBlobStore,
    private readonly databaseStore: DatabaseBlobStore,
    private readonly inFolder: Set<string>,
    private readonly inDatabase: Set<string>,
    private readonly referenced: Set<string>,
    /** Referenced blobs that are neither in the folder nor in the database. */
    readonly missing: MissingBlob[],
  ) {}

  static async open(source: DatabaseView, folder: string): Promise<SourceBlobs> {
    const inFolder = await listBlobFiles(folder);
    const inDatabase = new Set((await source.db.selectFrom('blobs').select('sha256').execute()).map((row) => row.sha256));
    const referenced = new Set<string>();
    const missing: MissingBlob[] = [];

    for (const table of APPLICATION_TABLES) {
      if (!table.blobColumn) continue;

      for await (const rows of readBatchesInKeyOrder(source.db, source.engine, table, REFERENCE_BATCH_ROWS, [table.blobColumn])) {
        for (const row of rows) {
          const address = String(row[table.blobColumn]);
          if (referenced.has(address)) continue;

          referenced.add(address);
          if (!inFolder.has(address) && !inDatabase.has(address)) missing.push({ address, referencedBy: `${table.name} ${describeKey(table, row)}` });
        }
      }
    }

    // The store only reads here, so its folder for temporary files is never used.
    const databaseStore = new DatabaseBlobStore(source.db, tmpdir());
    return new SourceBlobs(new FileBlobStore(folder), databaseStore, inFolder, inDatabase, referenced, missing);
  }

  /** Lists every address to copy, sorted: referenced or not, from the folder or the database. */
  addresses(): string[] {
    return [...new Set([...this.referenced, ...this.inFolder, ...this.inDatabase])].sort();
  }

  read(address: string): Promise<Buffer> {
    return this.inFolder.has(address) ? this.folderStore.get(address) : this.databaseStore.get(address);
  }
}

/** Lists the addresses of the blob files under a FileBlobStore root, laid out as `ab/cd/abcd…`. */
async function listBlobFiles(root: string): Promise<Set<string>> {
  const found = new Set<string>();

  for (const first of await readFolder(root)) {
    if (!HEX_PAIR.test(first)) continue;

    for (const second of await readFolder(path.join(root, first))) {
      if (!HEX_PAIR.test(second)) continue;

      for (const name of await readFolder(path.join(root, first, second))) {
        if (SHA256_HEX.test(name) && name.startsWith(first + second)) found.add(name);
      }
    }
  }

  return found;
}

async function readFolder(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
