import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/api-client.js';
import { startServerProcess, type ServerProcess } from './helpers/server-process.js';

const PDF = readFileSync(new URL('./fixtures/documents/cv-1187-snv.pdf', import.meta.url));
const HOME_AFFAIRS = 'vanthu.snv@demo.congvan.test';
const DEPARTMENTS_GROUP = 'so-ban-nganh';

/** Every metadata field of a draft, each set to a value other than its default. */
const FULL = {
  type: 'GM',
  number: '812',
  notation: 'GM-VP',
  issuedOn: '2026-12-04',
  place: 'Lâm Đồng',
  subject: 'Giấy mời dự họp giao ban công tác văn thư tháng 12',
  signer: 'Nguyễn Văn An',
  signerPosition: 'Chánh Văn phòng',
  urgency: 'very-urgent',
  confidentiality: 'confidential',
  dueOn: '2026-12-11',
} as const;

type Field = keyof typeof FULL;
const FIELDS = Object.keys(FULL) as Field[];
const UNSET = Object.fromEntries(FIELDS.map((field) => [field, null])) as Record<Field, null>;

let server: ServerProcess;
let office: ApiClient;

beforeAll(async () => {
  server = await startServerProcess();
  const password = server.logins.find((candidate) => candidate.login === 'vanthu.vp')!.password;
  office = await ApiClient.login(server.baseUrl, 'vanthu.vp', password);
});

afterAll(async () => {
  await server?.stop();
});

function draftForm(metadata: Record<string, unknown> | null, recipients: string[] | null, files: { name: string; field: 'document' | 'attachments' }[] = []): FormData {
  const form = new FormData();
  form.set('draft', 'true');
  if (metadata) form.set('metadata', JSON.stringify(metadata));
  if (recipients) form.set('recipients', JSON.stringify(recipients));
  for (const file of files) form.append(file.field, new Blob([new Uint8Array(PDF)]), file.name);
  return form;
}

async function saveDraft(form: FormData): Promise<string> {
  const response = await office.form('POST', '/api/v1/dispatches', form);
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function metadataOf(id: string): Promise<Record<Field, unknown>> {
  const draft = await office.json('GET', `/api/v1/dispatches/${id}`);
  return Object.fromEntries(FIELDS.map((field) => [field, draft[field]])) as Record<Field, unknown>;
}

describe('draft round trip', () => {
  it('keeps every field the clerk set', async () => {
    const id = await saveDraft(draftForm(FULL, [DEPARTMENTS_GROUP, HOME_AFFAIRS], [{ name: 'giay-moi.pdf', field: 'document' }, { name: 'phu-luc.pdf', field: 'attachments' }]));

    const draft = await office.json('GET', `/api/v1/dispatches/${id}`);
    expect(draft.status).toBe('draft');
    for (const field of FIELDS) expect(draft[field], field).toBe(FULL[field]);
    expect(draft.typeName).toBe('Giấy mời');
    expect(draft.recipientEntries).toEqual([DEPARTMENTS_GROUP, HOME_AFFAIRS]);
    expect(draft.files.map((file: { filename: string; role: string }) => [file.filename, file.role])).toEqual([
      ['giay-moi.pdf', 'document'],
      ['phu-luc.pdf', 'attachment'],
    ]);
  });

  it('keeps each field alone and the others null', async () => {
    for (const field of FIELDS) {
      const id = await saveDraft(draftForm({ [field]: FULL[field] }, null));

      expect(await metadataOf(id), field).toEqual({ ...UNSET, [field]: FULL[field] });
    }
  });

  it('leaves every field of an empty draft null', async () => {
    const id = await saveDraft(draftForm(null, null));

    const draft = await office.json('GET', `/api/v1/dispatches/${id}`);
    expect(await metadataOf(id)).toEqual(UNSET);
    expect(draft.typeName).toBeNull();
    expect(draft.recipientEntries).toEqual([]);
    expect(draft.files).toEqual([]);
  });

  it('stores empty text and explicit nulls as unset', async () => {
    const id = await saveDraft(draftForm({ type: '', number: '', subject: '  ', signer: null, urgency: null, confidentiality: null, dueOn: null }, []));

    expect(await metadataOf(id)).toEqual(UNSET);
  });

  it('replaces the fields on update and keeps the files', async () => {
    const id = await saveDraft(draftForm(FULL, [HOME_AFFAIRS], [{ name: 'giay-moi.pdf', field: 'document' }]));

    const update = new FormData();
    update.set('metadata', JSON.stringify({ subject: 'Trích yếu đã sửa', urgency: 'urgent' }));
    const response = await office.form('PUT', `/api/v1/dispatches/${id}`, update);
    expect(response.status, await response.clone().text()).toBe(200);

    expect(await metadataOf(id)).toEqual({ ...UNSET, subject: 'Trích yếu đã sửa', urgency: 'urgent' });
    const draft = await office.json('GET', `/api/v1/dispatches/${id}`);
    expect(draft.recipientEntries).toEqual([]);
    expect(draft.files.map((file: { filename: string }) => file.filename)).toEqual(['giay-moi.pdf']);
  });
});

describe('sending a draft', () => {
  it('refuses a classified draft and keeps it', async () => {
    const id = await saveDraft(draftForm({ ...FULL, number: null }, [HOME_AFFAIRS], [{ name: 'giay-moi.pdf', field: 'document' }]));

    const response = await office.request('POST', `/api/v1/dispatches/${id}/send`);
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe('rule-violation');
    expect(body.error.field).toBe('classified');

    const draft = await office.json('GET', `/api/v1/dispatches/${id}`);
    expect(draft.status).toBe('draft');
    expect(draft.confidentiality).toBe('confidential');
  });

  it('sends once the confidentiality is none', async () => {
    const id = await saveDraft(draftForm({ ...FULL, confidentiality: 'none' }, [HOME_AFFAIRS], [{ name: 'giay-moi.pdf', field: 'document' }]));

    const sent = await office.json('POST', `/api/v1/dispatches/${id}/send`);
    expect(sent).toMatchObject({ id, number: '812', notation: 'GM-VP' });

    const dispatch = await office.json('GET', `/api/v1/dispatches/${id}`);
    expect(dispatch).toMatchObject({ status: 'sent', type: 'GM', urgency: 'very-urgent', confidentiality: 'none', dueOn: '2026-12-11', signerPosition: 'Chánh Văn phòng' });
  });

  it('gives unset urgency and confidentiality their defaults', async () => {
    const id = await saveDraft(draftForm({ type: 'CV', subject: 'V/v bản nháp không chọn độ khẩn' }, [HOME_AFFAIRS], [{ name: 'cong-van.pdf', field: 'document' }]));
    expect((await metadataOf(id)).urgency).toBeNull();

    await office.json('POST', `/api/v1/dispatches/${id}/send`);

    const dispatch = await office.json('GET', `/api/v1/dispatches/${id}`);
    expect(dispatch).toMatchObject({ status: 'sent', type: 'CV', urgency: 'normal', confidentiality: 'none' });
  });

  it('names the missing type instead of assuming công văn', async () => {
    const id = await saveDraft(draftForm({ subject: 'V/v bản nháp chưa chọn loại' }, [HOME_AFFAIRS], [{ name: 'cong-van.pdf', field: 'document' }]));

    const response = await office.request('POST', `/api/v1/dispatches/${id}/send`);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.field).toBe('metadata.type');
    expect(body.error.message).toBe('Bản nháp chưa đủ thông tin để gửi: Thiếu loại văn bản.');
    expect((await office.json('GET', `/api/v1/dispatches/${id}`)).status).toBe('draft');
  });
});
