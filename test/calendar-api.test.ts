import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/api-client.js';
import { startServerProcess, type ServerProcess } from './helpers/server-process.js';

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
  if (!found) throw new Error(`demo login ${login} not printed`);
  return ApiClient.login(server.baseUrl, found.login, found.password);
}

async function englishCalendar(year: number): Promise<any> {
  const login = server.logins.find((candidate) => candidate.login === 'vanthu.vp')!;
  const loginResponse = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: login.login, password: login.password }),
  });
  const cookie = loginResponse.headers.get('set-cookie')!.split(';')[0]!;

  const response = await fetch(`${server.baseUrl}/api/v1/calendar/${year}`, { headers: { cookie, 'accept-language': 'en' } });
  return response.json();
}

const dayOf = (calendar: { days: { date: string }[] }, date: string): any => calendar.days.find((day) => day.date === date);

describe('calendar API', () => {
  it('refuses a request without a session', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/calendar/2026`);
    expect(response.status).toBe(401);
  });

  it('lists a year’s days with their source to a clerk', async () => {
    const calendar = await clerk.json('GET', '/api/v1/calendar/2026');

    expect(calendar.year).toBe(2026);
    expect(dayOf(calendar, '2026-02-17')).toMatchObject({ kind: 'holiday', working: false, name: 'Tết Nguyên đán', source: 'default' });
    expect(dayOf(calendar, '2026-01-10')).toMatchObject({ kind: 'makeup-working-day', working: true, source: 'seeded' });
    expect(dayOf(calendar, '2026-03-11')).toBeUndefined();
  });

  it('names the days in English on request', async () => {
    const calendar = await englishCalendar(2026);

    expect(dayOf(calendar, '2026-04-27')).toMatchObject({ kind: 'makeup-day-off', name: "Day off in lieu of Hùng Kings' Commemoration Day" });
  });

  it('lets the administrator correct a day and undo it', async () => {
    const corrected = await administrator.json('PUT', '/api/v1/calendar/2027/days/2027-02-11', { kind: 'working-day', nameVi: 'Ngày làm việc', nameEn: 'Working day' });
    expect(corrected).toMatchObject({ date: '2027-02-11', kind: 'working-day', working: true, source: 'administrator', updatedBy: 'quantri' });
    expect(dayOf(await clerk.json('GET', '/api/v1/calendar/2027'), '2027-02-11')).toMatchObject({ source: 'administrator' });

    const removed = await administrator.request('DELETE', '/api/v1/calendar/2027/days/2027-02-11');
    expect(removed.status).toBe(204);
    expect(dayOf(await clerk.json('GET', '/api/v1/calendar/2027'), '2027-02-11')).toMatchObject({ kind: 'makeup-day-off', source: 'default' });
  });

  it('refuses corrections from a clerk', async () => {
    const response = await clerk.request('PUT', '/api/v1/calendar/2027/days/2027-02-11', { kind: 'working-day', nameVi: 'x', nameEn: 'x' });
    expect(response.status).toBe(403);

    const removal = await clerk.request('DELETE', '/api/v1/calendar/2027/days/2027-02-11');
    expect(removal.status).toBe(403);
  });

  it('names the field of an invalid correction', async () => {
    const cases = [
      { path: '/api/v1/calendar/2026/days/2027-02-11', body: { kind: 'working-day', nameVi: 'x', nameEn: 'x' }, field: 'date' },
      { path: '/api/v1/calendar/2026/days/2026-02-30', body: { kind: 'working-day', nameVi: 'x', nameEn: 'x' }, field: 'date' },
      { path: '/api/v1/calendar/2026/days/2026-03-11', body: { kind: 'day-off', nameVi: 'x', nameEn: 'x' }, field: 'kind' },
      { path: '/api/v1/calendar/2026/days/2026-03-11', body: { kind: 'makeup-working-day', nameVi: 'x', nameEn: 'x' }, field: 'kind' },
      { path: '/api/v1/calendar/2026/days/2026-03-11', body: { kind: 'holiday', nameVi: ' ', nameEn: 'x' }, field: 'nameVi' },
    ];

    for (const { path, body, field } of cases) {
      const response = await administrator.request('PUT', path, body);
      expect(response.status, path).toBe(400);
      expect((await response.json()).error.field, `${path} ${body.kind}`).toBe(field);
    }
  });

  it('appears in the OpenAPI document', async () => {
    const document = await (await fetch(`${server.baseUrl}/api/docs/json`)).json();

    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/calendar/{year}', '/api/v1/calendar/{year}/days/{date}']));
    expect(document.paths['/api/v1/calendar/{year}/days/{date}'].put.tags).toEqual(['calendar']);
  });

  it('answers 404 when there is no correction to remove', async () => {
    const response = await administrator.request('DELETE', '/api/v1/calendar/2026/days/2026-03-11');
    expect(response.status).toBe(404);
  });
});
