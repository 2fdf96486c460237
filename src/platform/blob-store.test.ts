import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileBlobStore } from './blob-store.js';

let root: string;

afterEach(() => rmSync(root, { recursive: true, force: true }));

function newStore(): FileBlobStore {
  root = mkdtempSync(path.join(tmpdir(), 'congvan-blobs-'));
  return new FileBlobStore(root);
}

describe('FileBlobStore', () => {
  it('stores bytes under their SHA-256', async () => {
    const store = newStore();
    const bytes = Buffer.from('%PDF-1.4 văn bản');

    const address = await store.put(bytes);

    expect(address).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect((await store.get(address)).equals(bytes)).toBe(true);
    expect(await store.has(address)).toBe(true);
  });

  it('stores identical content once', async () => {
    const store = newStore();
    const bytes = Buffer.alloc(4096, 7);

    const [first, second] = await Promise.all([store.put(bytes), store.put(Buffer.from(bytes))]);

    expect(first).toBe(second);
    const folder = path.dirname(store.pathOf(first));
    expect(readdirSync(folder)).toEqual([first]);
  });

  it('rejects an address that is not a SHA-256', () => {
    const store = newStore();
    expect(() => store.pathOf('../../etc/passwd')).toThrow(/Invalid blob address/);
  });

  it('reports a missing blob as absent', async () => {
    const store = newStore();
    expect(await store.has('0'.repeat(64))).toBe(false);
    await expect(store.get('0'.repeat(64))).rejects.toThrow();
  });

  it('writes a blob while its bytes arrive', async () => {
    const store = newStore();
    const writer = store.createWriter();
    const parts = [Buffer.from('Subject: Giấy mời\r\n'), Buffer.from('\r\n'), Buffer.alloc(100_000, 0x41)];

    for (const part of parts) writer.write(part);
    const address = await writer.finish();

    const whole = Buffer.concat(parts);
    expect(address).toBe(createHash('sha256').update(whole).digest('hex'));
    expect((await store.get(address)).equals(whole)).toBe(true);
    expect(readdirSync(path.join(root, 'incoming'))).toEqual([]);
  });

  it('keeps one copy when a written blob exists', async () => {
    const store = newStore();
    const bytes = Buffer.from('cùng nội dung');
    const first = await store.put(bytes);

    const writer = store.createWriter();
    writer.write(bytes);

    expect(await writer.finish()).toBe(first);
    expect(readdirSync(path.join(root, 'incoming'))).toEqual([]);
  });

  it('removes the file of an aborted write', async () => {
    const store = newStore();
    const writer = store.createWriter();
    writer.write(Buffer.from('partial'));

    await writer.abort();

    expect(readdirSync(path.join(root, 'incoming'))).toEqual([]);
  });

  it('removes only stale temporary files', async () => {
    const store = newStore();
    const writer = store.createWriter();
    writer.write(Buffer.from('in flight'));
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(await store.removeStaleTemporaryFiles(new Date())).toBe(0);
    expect(await store.removeStaleTemporaryFiles(new Date(Date.now() + 2 * 24 * 3600 * 1000))).toBe(1);
    expect(readdirSync(path.join(root, 'incoming'))).toEqual([]);
  });
});
