import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
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
    const whole = Buffer.concat(parts);
    const address = await writer.finish(whole);

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

    expect(await writer.finish(bytes)).toBe(first);
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

  it('leaves a spooled blob in incoming until settled', async () => {
    const store = newStore();
    const bytes = Buffer.alloc(100_000, 3);
    const writer = store.createWriter();
    writer.write(bytes.subarray(0, 60_000));
    writer.write(bytes.subarray(60_000));

    const finished = await writer.finishInSpool(bytes);

    expect(finished.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(finished.spooled).toMatch(/^\.tmp-[0-9a-f]{16}$/);
    expect(readdirSync(path.join(root, 'incoming'))).toEqual([finished.spooled]);
    expect(await store.has(finished.sha256)).toBe(false);

    await store.settle(finished.spooled!, finished.sha256);

    expect((await store.get(finished.sha256)).equals(bytes)).toBe(true);
    expect(readdirSync(path.join(root, 'incoming'))).toEqual([]);
  });

  it('settles a blob a second time without error', async () => {
    const store = newStore();
    const writer = store.createWriter();
    writer.write(Buffer.from('settled twice'));
    const { sha256, spooled } = await writer.finishInSpool(Buffer.from('settled twice'));

    await store.settle(spooled!, sha256);
    await store.settle(spooled!, sha256);

    expect((await store.get(sha256)).toString()).toBe('settled twice');
  });

  it('rejects settling a spool file that is gone', async () => {
    const store = newStore();

    await expect(store.settle('.tmp-0123456789abcdef', '0'.repeat(64))).rejects.toThrow(/ENOENT/);
    await expect(store.settle('../blobs/x', '0'.repeat(64))).rejects.toThrow(/Invalid spooled blob name/);
  });

  it('holds small writes in memory until the end', async () => {
    const store = newStore();
    const writer = store.createWriter();
    writer.write(Buffer.alloc(100_000, 1));
    await new Promise((resolve) => setTimeout(resolve, 50));

    const [name] = readdirSync(path.join(root, 'incoming'));
    expect(statSync(path.join(root, 'incoming', name!)).size).toBe(0);

    writer.write(Buffer.alloc(200_000, 2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statSync(path.join(root, 'incoming', name!)).size).toBe(300_000);

    const { spooled } = await writer.finishInSpool(Buffer.concat([Buffer.alloc(100_000, 1), Buffer.alloc(200_000, 2)]));
    expect(spooled).toBe(name);
  });

  it('rejects content that differs in length from the bytes written', async () => {
    const store = newStore();
    const writer = store.createWriter();
    writer.write(Buffer.from('four'));

    await expect(writer.finishInSpool(Buffer.from('five!'))).rejects.toThrow(/has 5 bytes, but 4 were written/);
    expect(readdirSync(path.join(root, 'incoming'))).toEqual([]);
  });
});
