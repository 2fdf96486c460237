import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, pollUntil } from './helpers/api-client.js';
import { clerkLoginFor } from './helpers/directory-lookup.js';
import { REPOSITORY_ROOT, startServerProcess, type ServerProcess } from './helpers/server-process.js';
import { swaks } from './helpers/swaks.js';

const FIXTURE_MAIL = path.join(new URL('./fixtures/mail/', import.meta.url).pathname, 'utf8-cv-1187.eml');
const RECIPIENT = 'vanphong@lamdong.gov.vn';
const OTHER_ORGANIZATION = 'soyte@lamdong.gov.vn';

let server: ServerProcess;
let clerk: ApiClient;
let documentId: string;

beforeAll(async () => {
  server = await startServerProcess();
  const sent = await swaks(server.smtpPort, { to: RECIPIENT, file: FIXTURE_MAIL });
  expect(sent.code, sent.output).toBe(0);

  const login = clerkLoginFor(server, RECIPIENT);
  clerk = await ApiClient.login(server.baseUrl, login.login, login.password);
  const item = await pollUntil(async () => (await clerk.json('GET', '/api/v1/documents?box=incoming')).items[0], 30_000, 'the document');
  documentId = item.id;
});

afterAll(async () => {
  await server?.stop();
});

function loginOf(login: string) {
  const found = server.logins.find((candidate) => candidate.login === login);
  if (!found) throw new Error(`demo login ${login} not printed`);
  return ApiClient.login(server.baseUrl, found.login, found.password);
}

describe('API access by role', () => {
  it('refuses requests without a session', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/documents?box=incoming`);
    expect(response.status).toBe(401);
    const body = await response.json();
    expect(body.error.code).toBe('unauthenticated');
  });

  it('refuses a wrong password without naming which part was wrong', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ login: 'vanthu.vp', password: 'wrong password' }),
    });
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toBe('The login or the password is wrong.');
  });

  it('refuses a state change without the CSRF token', async () => {
    const login = clerkLoginFor(server, RECIPIENT);
    const loginResponse = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: login.login, password: login.password }),
    });
    const cookie = loginResponse.headers.get('set-cookie')!.split(';')[0]!;
    expect(loginResponse.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(loginResponse.headers.get('set-cookie')).toMatch(/SameSite=Strict/i);

    const response = await fetch(`${server.baseUrl}/api/v1/documents/${documentId}/accept`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('csrf-mismatch');
  });

  it('hides another organization’s document', async () => {
    const other = clerkLoginFor(server, OTHER_ORGANIZATION);
    const client = await ApiClient.login(server.baseUrl, other.login, other.password);
    const response = await client.request('GET', `/api/v1/documents/${documentId}`);
    expect(response.status).toBe(404);
    const inbox = await client.json('GET', '/api/v1/documents?box=incoming');
    expect(inbox.items.some((item: any) => item.id === documentId)).toBe(false);
  });

  it('keeps content from an administrator', async () => {
    const admin = await loginOf('quantri');
    expect((await admin.request('GET', '/api/v1/documents?box=incoming')).status).toBe(403);
    expect((await admin.request('GET', '/api/v1/registers/incoming')).status).toBe(403);
    expect((await admin.request('GET', '/api/v1/flagged')).status).toBe(403);
  });

  it('gives a monitor the flagged list but no content', async () => {
    const monitor = await loginOf('giamsat.vp');
    expect((await monitor.request('GET', '/api/v1/documents?box=incoming')).status).toBe(403);
    expect((await monitor.request('GET', '/api/v1/flagged')).status).toBe(200);
  });

  it('lets staff read but not accept', async () => {
    const login = clerkLoginFor(server, RECIPIENT);
    execFileSync(path.join(REPOSITORY_ROOT, 'congvan'), ['users', 'add', '--login', 'chuyenvien.vp', '--name', 'Lê Văn Chuyên', '--org', login.organizationCode, '--roles', 'staff'], {
      env: { ...process.env, ...server.env, CONGVAN_LOG_LEVEL: 'warn' },
      input: 'mat-khau-chuyen-vien\n',
    });
    const staff = await ApiClient.login(server.baseUrl, 'chuyenvien.vp', 'mat-khau-chuyen-vien');

    expect((await staff.request('GET', `/api/v1/documents/${documentId}`)).status).toBe(200);
    const response = await staff.request('POST', `/api/v1/documents/${documentId}/accept`, {});
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('forbidden');
  });

  it('ends open sessions when the password changes', async () => {
    const login = clerkLoginFor(server, RECIPIENT);
    const congvan = (args: string[], input?: string) =>
      execFileSync(path.join(REPOSITORY_ROOT, 'congvan'), args, { env: { ...process.env, ...server.env, CONGVAN_LOG_LEVEL: 'warn' }, input });
    congvan(['users', 'add', '--login', 'lanhdao.tam', '--name', 'Trần Văn Tâm', '--org', login.organizationCode, '--roles', 'leader'], 'mat-khau-lanh-dao-cu\n');
    const leader = await ApiClient.login(server.baseUrl, 'lanhdao.tam', 'mat-khau-lanh-dao-cu');
    expect((await leader.request('GET', '/api/v1/auth/me')).status).toBe(200);

    congvan(['users', 'passwd', '--login', 'lanhdao.tam'], 'mat-khau-lanh-dao-moi\n');

    expect((await leader.request('GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await (await ApiClient.login(server.baseUrl, 'lanhdao.tam', 'mat-khau-lanh-dao-moi')).request('GET', '/api/v1/auth/me')).status).toBe(200);
  });

  it('needs a reason to reject and refuses a second decision', async () => {
    const empty = await clerk.request('POST', `/api/v1/documents/${documentId}/reject`, { reason: '  ' });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.field).toBe('reason');

    const accepted = await clerk.json('POST', `/api/v1/documents/${documentId}/accept`, {});
    expect(accepted.status).toBe('accepted');
    expect(accepted.events.map((event: any) => event.kind)).toEqual(['delivered', 'read', 'accepted']);

    const again = await clerk.request('POST', `/api/v1/documents/${documentId}/reject`, { reason: 'Sai địa chỉ' });
    expect(again.status).toBe(409);
  });

  it('records a correction as an event and keeps the recognised value', async () => {
    const corrected = await clerk.json('PATCH', `/api/v1/documents/${documentId}/metadata`, { signerPosition: 'Phó Giám đốc Sở' });
    expect(corrected.signerPosition).toBe('Phó Giám đốc Sở');
    expect(corrected.corrections).toHaveLength(1);
    expect(corrected.corrections[0].field).toBe('signerPosition');
    expect(String(corrected.corrections[0].from).toLowerCase()).toBe('phó giám đốc');

    const invalid = await clerk.request('PATCH', `/api/v1/documents/${documentId}/metadata`, { type: 'XYZ' });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.field).toBe('type');
  });

  it('exports the incoming register as XLSX', async () => {
    const year = new Date().getUTCFullYear();
    const register = await clerk.json('GET', `/api/v1/registers/incoming?year=${year}`);
    expect(register.entries.length).toBeGreaterThanOrEqual(1);
    expect(register.entries[0].registerNumber).toBe(1);

    const response = await clerk.request('GET', `/api/v1/registers/incoming.xlsx?year=${year}`);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('quarantines a classified document and shows it to monitors only', async () => {
    const body = [
      'ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG',
      'Số: 12/UBND-NC',
      'MẬT',
      'V/v bảo vệ bí mật nhà nước',
      '',
      'Kính gửi: Sở Y tế',
    ].join('\r\n');
    const data = `From: vanthu.ubnd@demo.congvan.test\r\nSubject: =?utf-8?B?${Buffer.from('Văn bản mật').toString('base64')}?=\r\nMessage-ID: <classified-1@example.test>\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${body}\r\n`;
    const sent = await swaks(server.smtpPort, { to: OTHER_ORGANIZATION, data });
    expect(sent.code, sent.output).toBe(0);

    const monitor = await loginOf('giamsat.vp');
    const flagged = await pollUntil(async () => (await monitor.json('GET', '/api/v1/flagged')).items.find((item: any) => item.quarantined), 30_000, 'the quarantined document');
    expect(flagged.documentId).toBeNull();

    const other = clerkLoginFor(server, OTHER_ORGANIZATION);
    const recipient = await ApiClient.login(server.baseUrl, other.login, other.password);
    const inbox = await recipient.json('GET', '/api/v1/documents?box=incoming&q=bi%20mat');
    expect(inbox.items).toHaveLength(0);
    expect((await recipient.json('GET', '/api/v1/flagged')).items.some((item: any) => item.quarantined)).toBe(false);

    const senderLogin = server.logins.find((candidate) => candidate.login === 'vanthu.ubnd')!;
    const sender = await ApiClient.login(server.baseUrl, senderLogin.login, senderLogin.password);
    const notices = await sender.json('GET', '/api/v1/notifications');
    expect(notices.items).toHaveLength(1);
    expect(notices.items[0].kind).toBe('classified-refused');
    expect(notices.items[0].text).toContain('độ mật');
  });

  it('keeps one recipient’s correction out of another’s copy', async () => {
    const file = path.join(new URL('./fixtures/mail/', import.meta.url).pathname, 'split-subject-cv-2214.eml');
    const sent = await swaks(server.smtpPort, { to: `${RECIPIENT},${OTHER_ORGANIZATION}`, file });
    expect(sent.code, sent.output).toBe(0);

    const otherLogin = clerkLoginFor(server, OTHER_ORGANIZATION);
    const other = await ApiClient.login(server.baseUrl, otherLogin.login, otherLogin.password);
    const theirs = await pollUntil(async () => (await other.json('GET', '/api/v1/documents?box=incoming&q=2214')).items[0], 30_000, 'the other copy');
    const ours = await pollUntil(async () => (await clerk.json('GET', '/api/v1/documents?box=incoming&q=2214')).items[0], 30_000, 'our copy');
    expect(theirs.id).not.toBe(ours.id);

    await other.json('PATCH', `/api/v1/documents/${theirs.id}/metadata`, { subject: 'Trích yếu do Sở Y tế sửa' });

    const unchanged = await clerk.json('GET', `/api/v1/documents/${ours.id}`);
    expect(unchanged.subject).toBe('V/v đăng ký lịch làm việc với lãnh đạo UBND tỉnh');
    expect(unchanged.corrections).toHaveLength(0);
  });

  it('rejects impossible dates with 400', async () => {
    const patch = await clerk.request('PATCH', `/api/v1/documents/${documentId}/metadata`, { issuedOn: '2026-13-45' });
    expect(patch.status).toBe(400);
    expect((await patch.json()).error.field).toBe('issuedOn');

    const list = await clerk.request('GET', '/api/v1/documents?box=incoming&from=2026-13-01');
    expect(list.status).toBe(400);
    expect((await list.json()).error.field).toBe('from');
  });

  it('treats % and _ in a search as characters', async () => {
    const percent = await clerk.json('GET', '/api/v1/documents?box=incoming&q=%25');
    expect(percent.total).toBe(0);
    const underscore = await clerk.json('GET', '/api/v1/documents?box=incoming&q=_');
    expect(underscore.total).toBe(0);
  });

  it('refuses logins after ten wrong passwords', async () => {
    const attempt = () =>
      fetch(`${server.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'en' },
        body: JSON.stringify({ login: 'doan.mo', password: 'wrong password' }),
      });
    for (let i = 0; i < 10; i++) expect((await attempt()).status).toBe(401);

    const refused = await attempt();
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe('rate-limited');
  });
});
