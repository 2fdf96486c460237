import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/api-client.js';
import { startServerProcess, type ServerProcess } from './helpers/server-process.js';

const PDF = readFileSync(new URL('./fixtures/documents/cv-1187-snv.pdf', import.meta.url));
const SOME_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

// zod's and Fastify's English wording, which must never reach a Vietnamese message.
const ENGLISH = /\b(Invalid|Required|Expected|expected|received|must|string|number|Body|content-type)\b/;

let server: ServerProcess;
let clerk: ApiClient;
let administrator: ApiClient;

const passwordOf = (login: string) => server.logins.find((candidate) => candidate.login === login)!.password;

beforeAll(async () => {
  server = await startServerProcess();
  clerk = await ApiClient.login(server.baseUrl, 'vanthu.vp', passwordOf('vanthu.vp'));
  administrator = await ApiClient.login(server.baseUrl, 'quantri', passwordOf('quantri'));
});

afterAll(async () => {
  await server?.stop();
});

interface ErrorBody {
  error: { code: string; message: string; field?: string; issues?: { field: string; message: string }[] };
}

/** Sends the same request in Vietnamese (the default) and in English and returns both error bodies. */
async function inBothLanguages(status: number, send: (client: ApiClient) => Promise<Response>, client = clerk): Promise<{ vi: ErrorBody['error']; en: ErrorBody['error'] }> {
  const vi = await send(client);
  const en = await send(client.inLanguage('en-GB,en;q=0.9'));
  expect(vi.status, await vi.clone().text()).toBe(status);
  expect(en.status, await en.clone().text()).toBe(status);

  const bodies = { vi: ((await vi.json()) as ErrorBody).error, en: ((await en.json()) as ErrorBody).error };
  expect(bodies.vi.message).not.toMatch(ENGLISH);
  for (const issue of bodies.vi.issues ?? []) expect(issue.message).not.toMatch(ENGLISH);
  return bodies;
}

function dispatchForm(metadata: Record<string, unknown>): FormData {
  const form = new FormData();
  form.set('metadata', JSON.stringify(metadata));
  form.set('recipients', JSON.stringify(['vanthu.snv@demo.congvan.test']));
  form.append('document', new Blob([new Uint8Array(PDF)]), 'cong-van.pdf');
  return form;
}

describe('validation errors', () => {
  it('name a missing body field', async () => {
    const { vi, en } = await inBothLanguages(400, (client) => client.request('POST', `/api/v1/dispatches/${SOME_ID}/withdraw`, {}));

    expect(vi).toEqual({ code: 'invalid-input', message: 'Thiếu lý do.', field: 'reason', issues: [{ field: 'reason', message: 'Thiếu lý do.' }] });
    expect(en).toEqual({ code: 'invalid-input', message: 'Reason is missing.', field: 'reason', issues: [{ field: 'reason', message: 'Reason is missing.' }] });
  });

  it('name a value of the wrong type', async () => {
    const { vi, en } = await inBothLanguages(400, (client) => client.request('POST', '/api/v1/dispatches/recipients/preview', { recipients: 'so-ban-nganh' }));

    expect(vi.message).toBe('Danh sách nơi nhận không hợp lệ ("so-ban-nganh"): cần một danh sách (mảng JSON).');
    expect(en.message).toBe('Recipient list is invalid ("so-ban-nganh"): expected a list (JSON array).');
    expect(vi.field).toBe('recipients');
  });

  it('list every invalid query parameter', async () => {
    const { vi, en } = await inBothLanguages(400, (client) => client.request('GET', '/api/v1/documents?page=0&pageSize=500&from=2026-02-30'));

    expect(vi.message).toBe(
      'Ngày bắt đầu không hợp lệ ("2026-02-30"): cần một ngày có thật viết dạng YYYY-MM-DD, ví dụ 2026-12-04. Số trang phải từ 1 trở lên. Số dòng mỗi trang không được lớn hơn 200.',
    );
    expect(en.message).toBe('Start date is invalid ("2026-02-30"): expected a real date written YYYY-MM-DD, such as 2026-12-04. Page number must be 1 or more. Page size must be 200 or less.');
    expect(vi.issues!.map((issue) => issue.field)).toEqual(['from', 'page', 'pageSize']);
  });

  it('name the metadata fields of a dispatch', async () => {
    const { vi, en } = await inBothLanguages(400, (client) =>
      client.form('POST', '/api/v1/dispatches', dispatchForm({ type: 'XYZ', subject: 'V/v thử', issuedOn: '2026-02-30', urgency: 'soon' })),
    );

    expect(vi.field).toBe('metadata.type');
    expect(vi.message).toBe(
      'Thông tin văn bản không hợp lệ: Loại văn bản không hợp lệ ("XYZ"): cần một mã trong danh mục loại văn bản (GET /api/v1/document-types), ví dụ CV hoặc GM. ' +
        'Ngày văn bản không hợp lệ ("2026-02-30"): cần một ngày có thật viết dạng YYYY-MM-DD, ví dụ 2026-12-04. ' +
        'Độ khẩn không hợp lệ ("soon"): cần một trong các giá trị normal, urgent, very-urgent, flash.',
    );
    expect(en.message).toBe(
      'Invalid document details: Document type is invalid ("XYZ"): expected a code of the document type catalogue (GET /api/v1/document-types), such as CV or GM. ' +
        'Document date is invalid ("2026-02-30"): expected a real date written YYYY-MM-DD, such as 2026-12-04. ' +
        'Urgency is invalid ("soon"): expected one of normal, urgent, very-urgent, flash.',
    );
  });

  it('name a missing subject of a dispatch', async () => {
    const { vi, en } = await inBothLanguages(400, (client) => client.form('POST', '/api/v1/dispatches', dispatchForm({ type: 'CV', subject: ' ' })));

    expect(vi.message).toBe('Thông tin văn bản không hợp lệ: Trích yếu không được để trống.');
    expect(en.message).toBe('Invalid document details: Subject must not be empty.');
    expect(vi.field).toBe('metadata.subject');
  });

  it('count the fields beyond three', async () => {
    const { vi, en } = await inBothLanguages(
      400,
      (client) => client.request('PUT', '/api/v1/calendar/2026/days/2026-12-31', { kind: 'day-off', nameVi: '', extra: true }),
      administrator,
    );

    expect(vi.issues!.map((issue) => issue.field)).toEqual(['kind', 'nameVi', 'nameEn', '']);
    expect(vi.message).toBe(
      'Loại ngày không hợp lệ ("day-off"): cần một trong các giá trị holiday, makeup-day-off, makeup-working-day, working-day. Tên tiếng Việt không được để trống. Thiếu tên tiếng Anh. Còn 1 trường khác không hợp lệ.',
    );
    expect(en.message).toBe(
      'Kind of day is invalid ("day-off"): expected one of holiday, makeup-day-off, makeup-working-day, working-day. Vietnamese name must not be empty. English name is missing. 1 more field is invalid.',
    );
    expect(vi.issues![3]!.message).toBe('Không có trường "extra"; hãy bỏ trường này.');
  });

  it('name an invalid path parameter', async () => {
    const { vi, en } = await inBothLanguages(400, (client) => client.request('PUT', '/api/v1/calendar/2026/days/2026-13-01', { kind: 'holiday', nameVi: 'Nghỉ', nameEn: 'Day off' }), administrator);

    expect(vi.message).toBe('Ngày không hợp lệ ("2026-13-01"): cần một ngày có thật viết dạng YYYY-MM-DD, ví dụ 2026-12-04.');
    expect(en.message).toBe('Date is invalid ("2026-13-01"): expected a real date written YYYY-MM-DD, such as 2026-12-04.');
  });

  it('name the login fields', async () => {
    const anonymous = new ApiClient(server.baseUrl);
    const { vi, en } = await inBothLanguages(400, (client) => client.request('POST', '/api/v1/auth/login', { login: 5 }), anonymous);

    expect(vi.message).toBe('Tên đăng nhập không hợp lệ (5): cần một chuỗi ký tự. Thiếu mật khẩu.');
    expect(en.message).toBe('Login is invalid (5): expected text. Password is missing.');
  });

  it('explain a body that is not JSON', async () => {
    const send = (language: string | null) =>
      fetch(`${server.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...(language ? { 'accept-language': language } : {}) }, body: '{"login":' });

    const vi = await send(null);
    const en = await send('en');
    expect(vi.status).toBe(400);
    expect(((await vi.json()) as ErrorBody).error.message).toBe('Nội dung yêu cầu không phải JSON hợp lệ dù Content-Type là application/json; hãy sửa cú pháp JSON.');
    expect(((await en.json()) as ErrorBody).error.message).toBe('The body is not valid JSON although Content-Type is application/json; fix the JSON syntax.');
  });
});
