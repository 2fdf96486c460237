import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_TABLES } from '../../src/platform/database/application-tables.js';
import { ApiClient, pollUntil } from '../helpers/api-client.js';
import { clerkLoginFor } from '../helpers/directory-lookup.js';
import { EXPECTED_DOCUMENTS, FIXTURE_MAIL_FOLDER, FIXTURE_MAILS } from '../helpers/fixture-mails.js';
import { REPOSITORY_ROOT, startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { swaks } from '../helpers/swaks.js';
import { createPostgresDatabase } from '../helpers/test-database.js';

const run = promisify(execFile);
const CONGVAN = path.join(REPOSITORY_ROOT, 'congvan');
const RECIPIENTS = [...new Set(FIXTURE_MAILS.map((mail) => mail.to))];
const ACCEPTED = FIXTURE_MAILS[4];
const SMALL_BATCH = 7;

interface Clerk {
  address: string;
  login: string;
  password: string;
}

/** A clerk's view: the inbox, the incoming register and every attachment's bytes. */
interface ClerkView {
  inbox: any[];
  register: any;
  downloads: Map<string, Buffer>;
}

const scratch: string[] = [];
const databases: { drop(): Promise<void> }[] = [];
let sqliteDataDir: string;
let clerks: Clerk[];
let sqliteViews: Map<string, ClerkView>;
let sqliteCounts: Map<string, number>;
let target: { url: string };
let migration: CommandResult;
let postgresServer: ServerProcess | undefined;

interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  scratch.push(folder);
  return folder;
}

async function emptyPostgresDatabase(): Promise<{ url: string }> {
  const database = await createPostgresDatabase();
  databases.push(database);
  return database;
}

function migrateData(args: string[], env: Record<string, string> = {}): Promise<CommandResult> {
  const child = run(CONGVAN, ['migrate-data', ...args], {
    env: { ...process.env, CONGVAN_DATA_DIR: temporaryFolder('congvan-migrate-work-'), CONGVAN_BLOB_STORE: 'pg', CONGVAN_LOG_LEVEL: 'warn', ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
  return child.then(
    (result) => ({ code: 0, stdout: result.stdout, stderr: result.stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

async function viewOf(baseUrl: string, clerk: Clerk, options: { download: boolean }): Promise<ClerkView> {
  const client = await ApiClient.login(baseUrl, clerk.login, clerk.password);
  const downloads = new Map<string, Buffer>();

  if (options.download) {
    const { items } = await client.json('GET', '/api/v1/documents?box=incoming&pageSize=200');
    for (const item of items) {
      const detail = await client.json('GET', `/api/v1/documents/${item.id}`);
      for (const attachment of detail.attachments) {
        const response = await client.request('GET', `/api/v1/documents/${item.id}/attachments/${attachment.id}`);
        expect(response.status).toBe(200);
        downloads.set(`${item.id}/${attachment.id}`, Buffer.from(await response.arrayBuffer()));
      }
    }
  }

  const { items: inbox } = await client.json('GET', '/api/v1/documents?box=incoming&pageSize=200');
  const register = await client.json('GET', '/api/v1/registers/incoming');
  return { inbox, register, downloads };
}

/** Lists the blob files of a FileBlobStore folder (`ab/cd/abcd…`). */
function listBlobFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(file));
}

function countSqliteRows(file: string): Map<string, number> {
  const database = new BetterSqlite3(file, { readonly: true });
  try {
    return new Map(APPLICATION_TABLES.map((table) => [table.name, (database.prepare(`select count(*) as count from ${table.name}`).get() as { count: number }).count]));
  } finally {
    database.close();
  }
}

/** Row counts of every table of a PostgreSQL database, with the applied migrations. */
async function snapshotPostgres(url: string): Promise<Record<string, unknown>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const snapshot: Record<string, unknown> = {};
    const { rows: tables } = await client.query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public' order by tablename");
    for (const { name } of tables) {
      snapshot[name] = (await client.query(`select count(*)::int as count from "${name}"`)).rows[0].count;
    }
    snapshot.migrations = (await client.query('select name from kysely_migration order by name')).rows.map((row) => row.name);
    return snapshot;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  sqliteDataDir = temporaryFolder('congvan-migrate-sqlite-');
  const sqliteServer = await startServerProcess({ CONGVAN_DATA_DIR: sqliteDataDir, CONGVAN_DATABASE_URL: `sqlite:${sqliteDataDir}/congvan.sqlite` });
  try {
    for (const mail of FIXTURE_MAILS) {
      const sent = await swaks(sqliteServer.smtpPort, { to: mail.to, file: path.join(FIXTURE_MAIL_FOLDER, mail.file) });
      expect(sent.code, sent.output).toBe(0);
    }

    clerks = RECIPIENTS.map((address) => ({ address, ...clerkLoginFor(sqliteServer, address) }));
    for (const mail of FIXTURE_MAILS) {
      const clerk = clerks.find((candidate) => candidate.address === mail.to)!;
      const client = await ApiClient.login(sqliteServer.baseUrl, clerk.login, clerk.password);
      await pollUntil(
        async () => (await client.json('GET', '/api/v1/documents?box=incoming&pageSize=200')).items.find((item: any) => item.number === EXPECTED_DOCUMENTS[mail.document]!.number),
        30_000,
        `${mail.document} in the inbox of ${clerk.login}`,
      );
    }

    const acceptingClerk = clerks.find((candidate) => candidate.address === ACCEPTED.to)!;
    const client = await ApiClient.login(sqliteServer.baseUrl, acceptingClerk.login, acceptingClerk.password);
    const { items } = await client.json('GET', '/api/v1/documents?box=incoming&pageSize=200');
    const item = items.find((candidate: any) => candidate.number === EXPECTED_DOCUMENTS[ACCEPTED.document]!.number);
    expect((await client.json('POST', `/api/v1/documents/${item.id}/accept`, {})).status).toBe('accepted');

    sqliteViews = new Map();
    for (const clerk of clerks) sqliteViews.set(clerk.login, await viewOf(sqliteServer.baseUrl, clerk, { download: true }));
  } finally {
    expect(await sqliteServer.stop()).toBe(0);
  }

  sqliteCounts = countSqliteRows(path.join(sqliteDataDir, 'congvan.sqlite'));
  target = await emptyPostgresDatabase();
  // Small batches, so that reading by key crosses batch boundaries, also inside composite keys.
  migration = await migrateData(['--from', sqliteDataDir, '--to', target.url, '--batch-size', String(SMALL_BATCH)]);
});

afterAll(async () => {
  await postgresServer?.stop();
  for (const database of databases) await database.drop();
  for (const folder of scratch) rmSync(folder, { recursive: true, force: true });
});

describe('congvan migrate-data', () => {
  it('copies and verifies every table', () => {
    expect(migration.code, migration.stderr).toBe(0);
    expect(migration.stdout).toContain('and verified the copy.');

    for (const [table, count] of sqliteCounts) {
      expect(migration.stdout).toMatch(new RegExp(`^${table} +${count} +[0-9a-f]{64}$`, 'm'));
      expect(migration.stderr).toContain(`${table}: ${count}/${count}\n`);
    }
    expect(sqliteCounts.get('messages')).toBe(FIXTURE_MAILS.length);
    expect(sqliteCounts.get('delivery_events')).toBeGreaterThan(0);
  });

  it('copies every blob file into the pg store', async () => {
    const files = listBlobFiles(path.join(sqliteDataDir, 'blobs'));
    const snapshot = await snapshotPostgres(target.url);

    expect(files.length).toBeGreaterThanOrEqual(FIXTURE_MAILS.length * 2);
    expect(migration.stdout).toMatch(new RegExp(`^Blobs: ${files.length} copied into pg`, 'm'));
    expect(migration.stderr).toMatch(new RegExp(`blobs: ${files.length}/${files.length} \\(`));
    expect(snapshot.blobs).toBe(files.length);
  });

  it('masks the target password in its output', async () => {
    const url = new URL(target.url);
    url.password = 'secret-123';
    const result = await migrateData(['--from', sqliteDataDir, '--to', url.toString()]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(':***@');
    expect(`${result.stdout}${result.stderr}`).not.toContain('secret-123');
  });

  it('serves the same inbox and register from PostgreSQL', async () => {
    postgresServer = await startServerProcess({
      CONGVAN_DATA_DIR: temporaryFolder('congvan-migrate-pg-'),
      CONGVAN_DATABASE_URL: target.url,
      CONGVAN_BLOB_STORE: 'pg',
    });
    expect(postgresServer.logins).toHaveLength(0);

    for (const clerk of clerks) {
      const before = sqliteViews.get(clerk.login)!;
      const after = await viewOf(postgresServer.baseUrl, clerk, { download: false });

      expect(after.inbox).toEqual(before.inbox);
      expect(after.register).toEqual(before.register);
      expect(after.inbox.map((item) => item.registerNumber)).toEqual(before.inbox.map((item) => item.registerNumber));
    }

    const accepting = clerks.find((clerk) => clerk.address === ACCEPTED.to)!;
    const { inbox } = await viewOf(postgresServer.baseUrl, accepting, { download: false });
    expect(inbox.find((item) => item.number === EXPECTED_DOCUMENTS[ACCEPTED.document]!.number).status).toBe('accepted');
  });

  it('downloads byte-identical attachments from PostgreSQL', async () => {
    for (const clerk of clerks) {
      const before = sqliteViews.get(clerk.login)!;
      const after = await viewOf(postgresServer!.baseUrl, clerk, { download: true });

      expect([...after.downloads.keys()].sort()).toEqual([...before.downloads.keys()].sort());
      expect(before.downloads.size).toBeGreaterThan(0);
      for (const [key, bytes] of before.downloads) {
        expect(after.downloads.get(key)!.equals(bytes), key).toBe(true);
      }
    }

    const pdf = readFileSync(new URL('../fixtures/documents/cv-1187-snv.pdf', import.meta.url));
    const pdfSha256 = createHash('sha256').update(pdf).digest('hex');
    const all = [...sqliteViews.values()].flatMap((view) => [...view.downloads.values()]);
    expect(all.some((bytes) => createHash('sha256').update(bytes).digest('hex') === pdfSha256)).toBe(true);
  });

  it('continues serial ids after the copied ones', async () => {
    const clerk = clerks.find((candidate) => candidate.address === 'soyte@lamdong.gov.vn')!;
    const client = await ApiClient.login(postgresServer!.baseUrl, clerk.login, clerk.password);
    const { items } = await client.json('GET', '/api/v1/documents?box=incoming&pageSize=200');

    const accepted = await client.json('POST', `/api/v1/documents/${items[0].id}/accept`, {});
    expect(accepted.status).toBe('accepted');
    expect(accepted.events.at(-1).kind).toBe('accepted');
  });

  it('rejects a non-empty target, writing nothing', async () => {
    await postgresServer!.stop();
    postgresServer = undefined;
    const before = await snapshotPostgres(target.url);

    const again = await migrateData(['--from', sqliteDataDir, '--to', target.url]);

    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/The target database \S+ is not empty: table organizations has \d+ rows/);
    expect(again.stderr).toContain('createdb');
    expect(again.stdout).toBe('');
    expect(await snapshotPostgres(target.url)).toEqual(before);
  });

  it('rejects a --to that is not PostgreSQL', async () => {
    const result = await migrateData(['--from', sqliteDataDir, '--to', `sqlite:${sqliteDataDir}/copy.sqlite`]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Invalid --to "sqlite:');
    expect(result.stderr).toContain('postgres://');
  });

  it('rejects a missing --from folder', async () => {
    const missing = path.join(sqliteDataDir, 'no-such-folder');
    const result = await migrateData(['--from', missing, '--to', target.url]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`--from ${missing} not found`);
  });

  it('rejects a source behind this version', async () => {
    const behind = temporaryFolder('congvan-migrate-behind-');
    copyFileSync(path.join(sqliteDataDir, 'congvan.sqlite'), path.join(behind, 'congvan.sqlite'));
    mkdirSync(path.join(behind, 'blobs'));
    const database = new BetterSqlite3(path.join(behind, 'congvan.sqlite'));
    const latest = database.prepare('select name from kysely_migration order by name desc limit 1').get() as { name: string };
    database.prepare('delete from kysely_migration where name = ?').run(latest.name);
    database.close();
    const empty = await emptyPostgresDatabase();

    const result = await migrateData(['--from', path.join(behind, 'congvan.sqlite'), '--to', empty.url]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`lacks migrations of this version (${latest.name})`);
    expect(result.stderr).toContain('./congvan migrate');
    const snapshot = await snapshotPostgres(empty.url);
    for (const table of APPLICATION_TABLES) expect(snapshot[table.name], table.name).toBe(0);
  });
});
