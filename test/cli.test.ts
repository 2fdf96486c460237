import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, pollUntil } from './helpers/api-client.js';
import { REPOSITORY_ROOT, startServerProcess, type ServerProcess } from './helpers/server-process.js';
import { swaks } from './helpers/swaks.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

const run = promisify(execFile);
const CONGVAN = path.join(REPOSITORY_ROOT, 'congvan');
const MAIL = new URL('./fixtures/mail/', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(new URL('./fixtures/documents/expected.json', import.meta.url), 'utf8')) as Record<string, Record<string, unknown>>;

const MAIL_DOCUMENTS: Record<string, string> = {
  'bare-lf-tb-61.eml': 'tb-61-ubnd',
  'cp1258-bc-57.eml': 'bc-57-ubnd-xa',
  'nfd-gm-88.eml': 'gm-88-ubnd',
  'split-subject-cv-2214.eml': 'cv-2214-syt-dklh',
  'utf8-cv-1187.eml': 'cv-1187-snv',
};

let emptyDataDir: string;
let emptyDatabase: TestDatabase;

beforeAll(async () => {
  emptyDataDir = mkdtempSync(path.join(tmpdir(), 'congvan-cli-'));
  emptyDatabase = await createTestDatabase();
});

afterAll(async () => {
  rmSync(emptyDataDir, { recursive: true, force: true });
  await emptyDatabase?.drop();
});

function congvan(args: string[], options: { env?: Record<string, string>; input?: string } = {}) {
  const child = run(CONGVAN, args, { env: { ...process.env, CONGVAN_DATA_DIR: emptyDataDir, ...emptyDatabase.env, CONGVAN_LOG_LEVEL: 'warn', ...options.env } });
  if (options.input !== undefined) {
    child.child.stdin!.end(options.input);
  }
  return child.then(
    (result) => ({ code: 0, stdout: result.stdout, stderr: result.stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

describe('congvan ingest --json', () => {
  for (const [file, document] of Object.entries(MAIL_DOCUMENTS)) {
    it(`prints the metadata of ${file}`, async () => {
      const result = await congvan(['ingest', path.join(MAIL, file), '--json']);
      expect(result.code, result.stderr).toBe(0);

      const output = JSON.parse(result.stdout);
      expect(output.documents).toHaveLength(1);
      const [recognised] = output.documents;
      const want = expected[document]!;

      for (const field of ['type', 'number', 'notation', 'issuedOn', 'place', 'signer', 'urgency']) {
        expect(recognised[field], field).toBe(want[field]);
      }
      for (const field of ['issuer', 'subject', 'signerPosition']) {
        expect(String(recognised[field]).toLowerCase(), field).toBe(String(want[field]).toLowerCase());
      }
      if (want.meeting) expect(recognised.meeting).toEqual(want.meeting);
      expect(recognised.fields.number.confidence).toBeGreaterThan(0.5);
      expect(Array.isArray(output.flags)).toBe(true);
    });
  }

  it('stores nothing', async () => {
    const result = await congvan(['users', 'list']);
    expect(result.stdout).toContain('No users yet');
  });
});

describe('congvan command line errors', () => {
  it('names a bad configuration variable', async () => {
    const result = await congvan(['migrate'], { env: { CONGVAN_HTTP_PORT: 'abc' } });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('CONGVAN_HTTP_PORT');
  });

  it('rejects an unknown command with the usage', async () => {
    const result = await congvan(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: congvan');
  });

  it('reports a missing file', async () => {
    const result = await congvan(['ingest', '/nonexistent.eml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('File not found: /nonexistent.eml');
  });

  it('refuses a short password', async () => {
    const result = await congvan(['users', 'add', '--login', 'thu.nghiem', '--name', 'Thử Nghiệm', '--org', '000.00.00.H36', '--roles', 'clerk'], { input: 'ngan\n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('shorter than 10 characters');
  });
});

describe('congvan users add', () => {
  const add = (login: string, org: string, roles: string, extra: string[] = [], input = 'mat-khau-du-dai\n') =>
    congvan(['users', 'add', '--login', login, '--name', 'Nguyễn Văn Thử', '--org', org, '--roles', roles, ...extra], { input });

  beforeAll(async () => {
    const file = path.join(emptyDataDir, 'organizations.csv');
    writeFileSync(file, 'code,name,kind\n000.00.01.H36,Văn phòng UBND tỉnh,office\n000.00.02.H36,Sở Nội vụ,department\n');
    const imported = await congvan(['directory', 'import', file]);
    expect(imported.code, imported.stderr).toBe(0);
  });

  async function listed(login: string): Promise<string> {
    const result = await congvan(['users', 'list']);
    return result.stdout.split('\n').find((line) => line.startsWith(`${login} `)) ?? '';
  }

  it('refuses an existing login without --update', async () => {
    expect((await add('thu.tu.choi', '000.00.01.H36', 'clerk')).code).toBe(0);

    const again = await add('thu.tu.choi', '000.00.02.H36', 'leader');

    expect(again.code).toBe(1);
    expect(again.stderr).toContain('User thu.tu.choi already exists at 000.00.01.H36 (Văn phòng UBND tỉnh) with roles clerk');
    expect(again.stderr).toContain('--update');
    expect(again.stderr).toContain('--move');
    expect(await listed('thu.tu.choi')).toMatch(/000\.00\.01\.H36\s+clerk\s/);
  });

  it('changes a user of the same organization with --update', async () => {
    expect((await add('thu.cap.nhat', '000.00.01.H36', 'clerk', ['--email', 'thu@demo.test'])).code).toBe(0);

    const updated = await congvan(['users', 'add', '--update', '--login', 'thu.cap.nhat', '--name', 'Trần Thị Mới', '--org', '000.00.01.H36', '--roles', 'clerk,leader'], { input: '' });

    expect(updated.code, updated.stderr).toBe(0);
    expect(updated.stdout).toContain('Updated user thu.cap.nhat (clerk, leader)');
    expect(await listed('thu.cap.nhat')).toMatch(/000\.00\.01\.H36\s+clerk,leader\s+Trần Thị Mới/);
  });

  it('refuses to move a user without --move', async () => {
    expect((await add('thu.chuyen', '000.00.01.H36', 'clerk')).code).toBe(0);

    const rejected = await add('thu.chuyen', '000.00.02.H36', 'clerk', ['--update']);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain('belongs to 000.00.01.H36 (Văn phòng UBND tỉnh) with roles clerk');
    expect(rejected.stderr).toContain('Add --move');
    expect(await listed('thu.chuyen')).toContain('000.00.01.H36');

    const moved = await add('thu.chuyen', '000.00.02.H36', 'clerk', ['--update', '--move']);
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stdout).toContain('Moved user thu.chuyen (clerk) at 000.00.02.H36 Sở Nội vụ');
    expect(await listed('thu.chuyen')).toContain('000.00.02.H36');
  });

  it('rejects --move without --update', async () => {
    const result = await add('thu.chuyen.sai', '000.00.02.H36', 'clerk', ['--move']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--move changes an existing user, so it goes with --update');
  });

  it('needs a password for a new user even with --update', async () => {
    const result = await add('thu.moi.tinh', '000.00.01.H36', 'clerk', ['--update'], '');

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('needs a password');
    expect(await listed('thu.moi.tinh')).toBe('');
  });
});

describe('running server', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServerProcess();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('takes a directory import without a restart', async () => {
    const before = await swaks(server.smtpPort, { to: 'vanthu@xamoi.demo.test', data: 'Subject: x\r\n\r\ny\r\n' });
    expect(before.output).toMatch(/550 5\.1\.1/);

    const organizations = path.join(server.dataDir, 'organizations.csv');
    writeFileSync(organizations, 'code,name,short_name,kind,parent_code,addresses\n000.77.90.H36,Ủy ban nhân dân xã Mới,UBND xã Mới,commune,000.00.00.H36,vanthu@xamoi.demo.test\n');
    const users = path.join(server.dataDir, 'users.csv');
    writeFileSync(users, 'login,full_name,organization_code,roles,email\nvanthu.xamoi,Nguyễn Văn Mới,000.77.90.H36,clerk,vanthu@xamoi.demo.test\n');

    const env = server.env;
    const imported = await congvan(['directory', 'import', organizations], { env });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('1 created');
    const importedUsers = await congvan(['directory', 'import', users], { env });
    expect(importedUsers.code, importedUsers.stderr).toBe(0);
    const password = /vanthu\.xamoi\s+(\S+)/.exec(importedUsers.stdout)?.[1];
    expect(password).toBeTruthy();

    const after = await swaks(server.smtpPort, { to: 'vanthu@xamoi.demo.test', file: path.join(MAIL, 'utf8-cv-1187.eml') });
    expect(after.code, after.output).toBe(0);

    const clerk = await ApiClient.login(server.baseUrl, 'vanthu.xamoi', password!);
    const item = await pollUntil(async () => (await clerk.json('GET', '/api/v1/documents?box=incoming')).items[0], 30_000, 'the document');
    expect(item.number).toBe('1187');
    expect(item.registerNumber).toBe(1);
  });

  it('reports a bad CSV row by line and imports nothing', async () => {
    const file = path.join(server.dataDir, 'bad.csv');
    writeFileSync(file, 'code,name,short_name,kind,parent_code,addresses\n000.78.90.H36,Xã Tốt,,commune,,tot@demo.test\n000.79.90.H36,,,planet,,khong-phai-dia-chi\n');
    const result = await congvan(['directory', 'import', file], { env: server.env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/line 3/);

    const exported = await congvan(['directory', 'export', 'organizations'], { env: server.env });
    expect(exported.stdout).not.toContain('000.78.90.H36');
  });

  it('imports groups into a running server and exports them', async () => {
    const file = path.join(server.dataDir, 'groups.csv');
    writeFileSync(file, 'code,name,members\nso-y-te-noi-vu,Sở Y tế và Sở Nội vụ,"000.00.11.H36; 000.00.02.H36"\nubnd-cap-xa,UBND xã Đam Rông,000.01.90.H36\n');

    const imported = await congvan(['directory', 'import', file], { env: server.env });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Imported groups from');
    expect(imported.stdout).toContain('1 created, 1 updated, 0 unchanged');

    const clerk = await ApiClient.login(server.baseUrl, 'vanthu.vp', server.logins.find((login) => login.login === 'vanthu.vp')!.password);
    const options = await clerk.json('GET', '/api/v1/dispatches/recipients/options');
    expect(options.groups).toContainEqual({ code: 'so-y-te-noi-vu', name: 'Sở Y tế và Sở Nội vụ', memberCount: 2 });
    expect(options.groups).toContainEqual({ code: 'ubnd-cap-xa', name: 'UBND xã Đam Rông', memberCount: 1 });

    const exported = await congvan(['directory', 'export', 'groups'], { env: server.env });
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout.split('\r\n')).toContain('so-y-te-noi-vu,Sở Y tế và Sở Nội vụ,000.00.02.H36; 000.00.11.H36');
    expect(exported.stdout).toContain('toan-tinh,Toàn tỉnh,');
  });

  it('reports a bad group row by line and imports nothing', async () => {
    const file = path.join(server.dataDir, 'bad-groups.csv');
    writeFileSync(file, 'code,name,members\nnhom-tot,Nhóm tốt,000.00.11.H36\nnhom-xau,Nhóm xấu,000.00.99.H36\n');

    const result = await congvan(['directory', 'import', file], { env: server.env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 3, column members: Organization 000.00.99.H36 is not in the directory');

    const exported = await congvan(['directory', 'export', 'groups'], { env: server.env });
    expect(exported.stdout).not.toContain('nhom-tot');
  });

  it('offers STARTTLS and accepts mail over it', async () => {
    const sent = await swaks(server.smtpPort, { to: 'soyte@lamdong.gov.vn', file: path.join(MAIL, 'nfd-gm-88.eml'), extra: ['--tls'] });
    expect(sent.code, sent.output).toBe(0);
    expect(sent.output).toContain('TLS started');
    expect(sent.output).toMatch(/<~ {2}250 2\.0\.0/);
  });

  it('stops with a clear error when a port is taken', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'congvan-port-'));
    try {
      const smtpPort = String(server.smtpPort);
      const result = await congvan(['serve'], { env: { CONGVAN_DATA_DIR: dataDir, CONGVAN_SMTP_PORT: smtpPort, CONGVAN_SMTP_HOST: '127.0.0.1', CONGVAN_HTTP_PORT: '0' } });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('A port is already in use');
      expect(result.stderr).toContain(`CONGVAN_SMTP_PORT (now ${smtpPort})`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('publishes the OpenAPI document', async () => {
    const response = await fetch(`${server.baseUrl}/api/docs/json`);
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/documents', '/api/v1/documents/{id}/accept', '/api/v1/auth/login']));
  });
});
