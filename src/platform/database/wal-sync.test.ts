import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from './sqlite-connection.js';

let folder: string;
let opened: ReturnType<typeof openSqlite>;

beforeEach(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'congvan-wal-'));
  opened = openSqlite(path.join(folder, 'test.sqlite'));
  await sql`create table notes (id integer primary key, text text not null)`.execute(opened.db);
});

afterEach(async () => {
  await opened.walSync.close();
  await opened.db.destroy();
  rmSync(folder, { recursive: true, force: true });
});

const insert = (text: string) => sql`insert into notes (text) values (${text})`.execute(opened.db);

describe('WAL sync', () => {
  it('commits without fsync and leaves the sync to the caller', async () => {
    const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(opened.db);
    expect(rows[0]!.synchronous).toBe(1);

    await insert('một');
    expect(opened.walSync.fsyncs).toBe(0);

    await opened.walSync.sync();
    expect(opened.walSync.fsyncs).toBe(1);
  });

  it('runs no fsync when nothing changed since the last one', async () => {
    await insert('một');
    await opened.walSync.sync();

    await sql`select count(*) from notes`.execute(opened.db);
    await opened.walSync.sync();

    expect(opened.walSync.fsyncs).toBe(1);
  });

  it('shares fsyncs among callers that commit meanwhile', async () => {
    const waits: Promise<void>[] = [];
    for (let index = 0; index < 20; index += 1) {
      await insert(`ghi chú ${index}`);
      waits.push(opened.walSync.sync());
    }
    await Promise.all(waits);

    expect(opened.walSync.fsyncs).toBeGreaterThanOrEqual(1);
    expect(opened.walSync.fsyncs).toBeLessThanOrEqual(3);
  });

  it('makes a commit after a running fsync wait for another one', async () => {
    await insert('một');
    const first = opened.walSync.sync();
    await insert('hai');
    const second = opened.walSync.sync();

    await first;
    expect(opened.walSync.fsyncs).toBe(1);
    await second;
    expect(opened.walSync.fsyncs).toBe(2);
  });
});
