import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/api-client.js';
import { startServerProcess, type ServerProcess } from './helpers/server-process.js';

const HOME_AFFAIRS = '000.00.02.H36';
const HEALTH = '000.00.11.H36';
const CULTURE = '000.00.07.H36';

let server: ServerProcess;
let administrator: ApiClient;
let clerk: ApiClient;

beforeAll(async () => {
  server = await startServerProcess();
  administrator = await loginOf('quantri');
  clerk = await loginOf('vanthu.vp');
});

afterAll(async () => {
  await server?.stop();
});

function loginOf(login: string): Promise<ApiClient> {
  const found = server.logins.find((candidate) => candidate.login === login);
  if (!found) throw new Error(`demo login ${login} was not printed at start-up`);
  return ApiClient.login(server.baseUrl, found.login, found.password);
}

interface ErrorResponse {
  status: number;
  error: { code: string; message: string; field?: string };
}

async function errorOf(client: ApiClient, method: string, path: string, body?: unknown): Promise<ErrorResponse> {
  const response = await client.request(method, path, body);
  return { status: response.status, error: ((await response.json()) as Pick<ErrorResponse, 'error'>).error };
}

/** Logs in without ApiClient, for requests that need their own headers. */
async function sessionOf(login: string): Promise<{ cookie: string; csrfToken: string }> {
  const found = server.logins.find((candidate) => candidate.login === login)!;
  const response = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: found.login, password: found.password }),
  });
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };

  return { cookie, csrfToken };
}

describe('groups API', () => {
  it('refuses a request without a session', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/groups`);
    expect(response.status).toBe(401);
  });

  it('lists the demo groups with member names to a clerk', async () => {
    const { groups } = await clerk.json('GET', '/api/v1/groups');

    const departments = groups.find((group: { code: string }) => group.code === 'so-ban-nganh');
    expect(departments.name).toBe('Các sở, ban, ngành');
    expect(departments.version).toBe(1);
    expect(departments.memberCount).toBe(departments.members.length);
    expect(departments.members).toContainEqual({ code: HEALTH, name: 'Sở Y tế' });
  });

  it('refuses every change from a clerk', async () => {
    const created = await clerk.request('POST', '/api/v1/groups', { code: 'nhom-van-thu', name: 'Nhóm', members: [HEALTH] });
    expect(created.status).toBe(403);
    const changed = await clerk.request('PUT', '/api/v1/groups/so-ban-nganh', { name: 'Nhóm', members: [HEALTH], version: 1 });
    expect(changed.status).toBe(403);
    const deleted = await clerk.request('DELETE', '/api/v1/groups/so-ban-nganh');
    expect(deleted.status).toBe(403);

    const { groups } = await clerk.json('GET', '/api/v1/groups');
    expect(groups.map((group: { code: string }) => group.code)).not.toContain('nhom-van-thu');
  });

  it('lets the administrator create, change and delete a group', async () => {
    const createdResponse = await administrator.request('POST', '/api/v1/groups', { code: 'So-Y-Te-Van-Hoa', name: ' Sở Y tế và Văn hóa ', members: [HEALTH, CULTURE.toLowerCase()] });
    expect(createdResponse.status).toBe(201);
    const created = await createdResponse.json();
    expect(created).toMatchObject({ code: 'so-y-te-van-hoa', name: 'Sở Y tế và Văn hóa', version: 1, updatedBy: 'quantri', memberCount: 2 });
    expect(created.members.map((member: { code: string }) => member.code)).toEqual([CULTURE, HEALTH]);

    const options = await clerk.json('GET', '/api/v1/dispatches/recipients/options');
    expect(options.groups).toContainEqual({ code: 'so-y-te-van-hoa', name: 'Sở Y tế và Văn hóa', memberCount: 2 });

    const changed = await administrator.json('PUT', '/api/v1/groups/so-y-te-van-hoa', { name: 'Sở Y tế và Nội vụ', members: [HEALTH, HOME_AFFAIRS], version: 1 });
    expect(changed).toMatchObject({ code: 'so-y-te-van-hoa', name: 'Sở Y tế và Nội vụ', version: 2, memberCount: 2 });
    expect(changed.members.map((member: { code: string }) => member.code)).toEqual([HOME_AFFAIRS, HEALTH]);
    const preview = await clerk.json('POST', '/api/v1/dispatches/recipients/preview', { recipients: ['so-y-te-van-hoa'] });
    expect(preview.recipients.map((recipient: { organizationCode: string }) => recipient.organizationCode).sort()).toEqual([HOME_AFFAIRS, HEALTH]);

    const deleted = await administrator.request('DELETE', '/api/v1/groups/so-y-te-van-hoa');
    expect(deleted.status).toBe(204);
    expect((await administrator.request('GET', '/api/v1/groups/so-y-te-van-hoa')).status).toBe(404);
    expect((await administrator.request('DELETE', '/api/v1/groups/so-y-te-van-hoa')).status).toBe(404);
    const after = await clerk.json('GET', '/api/v1/dispatches/recipients/options');
    expect(after.groups.map((group: { code: string }) => group.code)).not.toContain('so-y-te-van-hoa');
  });

  it('refuses a change made from a stale version', async () => {
    await administrator.json('POST', '/api/v1/groups', { code: 'nhom-hai-nguoi-sua', name: 'Nhóm hai người sửa', members: [HEALTH] });
    await administrator.json('PUT', '/api/v1/groups/nhom-hai-nguoi-sua', { name: 'Lần sửa thứ nhất', members: [HEALTH, CULTURE], version: 1 });

    const stale = await errorOf(administrator, 'PUT', '/api/v1/groups/nhom-hai-nguoi-sua', { name: 'Lần sửa thứ hai', members: [HEALTH], version: 1 });

    expect(stale.status).toBe(409);
    expect(stale.error).toMatchObject({ code: 'conflict', field: 'version' });
    expect(stale.error.message).toContain('phiên bản 2');
    const stored = await administrator.json('GET', '/api/v1/groups/nhom-hai-nguoi-sua');
    expect(stored).toMatchObject({ name: 'Lần sửa thứ nhất', version: 2, memberCount: 2 });
  });

  it('refuses a taken code with 409', async () => {
    const takenCode = await errorOf(administrator, 'POST', '/api/v1/groups', { code: 'toan-tinh', name: 'Toàn tỉnh mới', members: [HEALTH] });

    expect(takenCode.status).toBe(409);
    expect(takenCode.error.field).toBe('code');
  });

  it('names the field of an invalid group', async () => {
    const cases = [
      { method: 'POST', path: '/api/v1/groups', body: { name: 'Nhóm', members: [HEALTH] }, field: 'code' },
      { method: 'POST', path: '/api/v1/groups', body: { code: 'nhóm-có-dấu', name: 'Nhóm', members: [HEALTH] }, field: 'code' },
      { method: 'POST', path: '/api/v1/groups', body: { code: 'h36.151', name: 'Nhóm', members: [HEALTH] }, field: 'code' },
      { method: 'POST', path: '/api/v1/groups', body: { code: 'nhom-moi', name: '   ', members: [HEALTH] }, field: 'name' },
      { method: 'POST', path: '/api/v1/groups', body: { code: 'nhom-moi', name: 'x'.repeat(201), members: [HEALTH] }, field: 'name' },
      { method: 'POST', path: '/api/v1/groups', body: { code: 'nhom-moi', name: 'Nhóm', members: [] }, field: 'members' },
      { method: 'POST', path: '/api/v1/groups', body: { code: 'nhom-moi', name: 'Nhóm', members: ['Sở Y tế'] }, field: 'members' },
      { method: 'POST', path: '/api/v1/groups', body: { code: 'nhom-moi', name: 'Nhóm', members: ['000.00.99.H36'] }, field: 'members' },
      { method: 'POST', path: '/api/v1/groups', body: { code: 'nhom-moi', name: 'Nhóm', members: [HEALTH, HEALTH] }, field: 'members' },
      { method: 'POST', path: '/api/v1/groups', body: { code: 'nhom-moi', name: 'Nhóm', members: [HEALTH], kind: 'x' }, field: 'kind' },
      { method: 'PUT', path: '/api/v1/groups/toan-tinh', body: { name: 'Toàn tỉnh', members: [HEALTH] }, field: 'version' },
      { method: 'PUT', path: '/api/v1/groups/toan-tinh', body: { code: 'tinh', name: 'Toàn tỉnh', members: [HEALTH], version: 1 }, field: 'code' },
    ];

    for (const { method, path, body, field } of cases) {
      const { status, error } = await errorOf(administrator, method, path, body);
      const label = `${method} ${JSON.stringify(body)}`;
      expect(status, label).toBe(422);
      expect(error.code, label).toBe('invalid-input');
      expect(error.field, label).toBe(field);
      expect(error.message, label).not.toBe('');
    }

    expect((await administrator.request('GET', '/api/v1/groups/nhom-moi')).status).toBe(404);
  });

  it('names an unknown member in English on request', async () => {
    const { cookie, csrfToken } = await sessionOf('quantri');

    const rejected = await fetch(`${server.baseUrl}/api/v1/groups`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ code: 'nhom-moi', name: 'Nhóm', members: ['000.00.99.H36'] }),
    });

    expect(rejected.status).toBe(422);
    expect((await rejected.json()).error.message).toBe('Organization 000.00.99.H36 is not in the directory: choose organizations from the list.');
  });

  it('refuses a change without the CSRF token', async () => {
    const { cookie } = await sessionOf('quantri');

    const response = await fetch(`${server.baseUrl}/api/v1/groups/toan-tinh`, { method: 'DELETE', headers: { cookie } });

    expect(response.status).toBe(403);
    expect((await administrator.request('GET', '/api/v1/groups/toan-tinh')).status).toBe(200);
  });

  it('lists the organizations to pick members from', async () => {
    const { organizations } = await administrator.json('GET', '/api/v1/organizations');

    expect(organizations).toContainEqual(expect.objectContaining({ code: HEALTH, name: 'Sở Y tế' }));
    expect(organizations[0]).not.toHaveProperty('addresses');
  });
});
