import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { BLOB_CHUNK_SIZE, DatabaseBlobStore, temporaryFolderOf } from './database-blob-store.js';

let opened: TestContext;
let store: DatabaseBlobStore;

beforeEach(async () => {
  opened = await openTestContext('congvan-db-blobs-');
  store = new DatabaseBlobStore(opened.ctx.db, temporaryFolderOf(opened.dataDir));
});

afterEach(async () => {
  await opened.close();
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('DatabaseBlobStore', () => {
  it('round-trips empty, small and multi-chunk content', async () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from('Số: 3141/UBND-VX'), randomBytes(BLOB_CHUNK_SIZE * 2 + 123)]) {
      const address = await store.put(bytes);

      expect(address).toBe(sha256(bytes));
      expect((await store.get(address)).equals(bytes)).toBe(true);
      expect(await store.has(address)).toBe(true);
    }

    const chunks = await opened.ctx.db.selectFrom('blobs').select(['size', 'chunk_count']).orderBy('size').execute();
    expect(chunks).toEqual([
      { size: 0, chunk_count: 1 },
      { size: 18, chunk_count: 1 },
      { size: BLOB_CHUNK_SIZE * 2 + 123, chunk_count: 3 },
    ]);
  });

  it('stores identical content once', async () => {
    const bytes = randomBytes(5000);

    await store.put(bytes);
    await store.put(Buffer.from(bytes));

    const rows = await opened.ctx.db.selectFrom('blob_chunks').select('sha256').execute();
    expect(rows).toHaveLength(1);
  });

  it('takes a blob written while it arrives and removes the temporary file', async () => {
    const parts = [randomBytes(700_000), randomBytes(700_000)];
    const writer = store.createWriter();
    for (const part of parts) writer.write(part);

    const address = await writer.finish(Buffer.concat(parts));

    expect(address).toBe(sha256(Buffer.concat(parts)));
    expect((await store.get(address)).equals(Buffer.concat(parts))).toBe(true);
    expect(readdirSync(temporaryFolderOf(opened.dataDir))).toEqual([]);
  });

  it('reports a missing blob and an incomplete one by address', async () => {
    const missing = sha256(Buffer.from('never stored'));
    await expect(store.get(missing)).rejects.toThrow(`Blob ${missing} is not in the database blob store.`);

    const address = await store.put(randomBytes(BLOB_CHUNK_SIZE + 1));
    await opened.ctx.db.deleteFrom('blob_chunks').where('sha256', '=', address).where('chunk_index', '=', 1).execute();
    await expect(store.get(address)).rejects.toThrow(`Blob ${address} is incomplete: 1 of 2 chunks`);
  });

  it('rejects an address that is not a SHA-256', async () => {
    await expect(store.get('../../etc/passwd')).rejects.toThrow('Invalid blob address');
  });
});
