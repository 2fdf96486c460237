import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/api-client.js';
import { startServerProcess, type ServerProcess } from './helpers/server-process.js';

const PDF = readFileSync(new URL('./fixtures/documents/cv-1187-snv.pdf', import.meta.url));
const DEPARTMENTS_GROUP = 'so-ban-nganh';

let server: ServerProcess;
let office: ApiClient;

const passwordOf = (login: string) => server.logins.find((candidate) => candidate.login === login)!.password;
const loginAs = (login: string) => ApiClient.login(server.baseUrl, login, passwordOf(login));

function dispatchForm(metadata: Record<string, unknown>, recipients: string[], files: { name: string; bytes: Buffer; field?: string }[] = [{ name: 'cong-van.pdf', bytes: PDF }]): FormData {
  const form = new FormData();
  form.set('metadata', JSON.stringify(metadata));
  form.set('recipients', JSON.stringify(recipients));
  for (const file of files) form.append(file.field ?? 'document', new Blob([new Uint8Array(file.bytes)]), file.name);
  return form;
}

const METADATA = {
  type: 'CV',
  notation: 'VP-TH',
  issuedOn: '2026-12-04',
  place: 'Lâm Đồng',
  subject: 'V/v báo cáo tình hình thực hiện chương trình chuyển đổi số năm 2026',
  signer: 'Nguyễn Văn An',
  signerPosition: 'Chánh Văn phòng',
  urgency: 'urgent',
};

beforeAll(async () => {
  server = await startServerProcess();
  office = await loginAs('vanthu.vp');
});

afterAll(async () => {
  await server?.stop();
});

describe('sending to a group in this installation', () => {
  let dispatchId: string;

  it('offers the directory to pick from, without the sender', async () => {
    const options = await office.json('GET', '/api/v1/dispatches/recipients/options');

    expect(options.groups).toContainEqual({ code: DEPARTMENTS_GROUP, name: 'Các sở, ban, ngành', memberCount: 15 });
    expect(options.organizations.map((organization: { name: string }) => organization.name)).toContain('Sở Nội vụ');
    expect(options.organizations.map((organization: { code: string }) => organization.code)).not.toContain('000.00.01.H36');
  });

  it('shows the expanded group before sending', async () => {
    const preview = await office.json('POST', '/api/v1/dispatches/recipients/preview', { recipients: [DEPARTMENTS_GROUP] });

    expect(preview.recipients).toHaveLength(15);
    expect(preview.recipients.every((recipient: { kind: string; via: string; viaName: string }) => recipient.kind === 'local' && recipient.via === DEPARTMENTS_GROUP && recipient.viaName === 'Các sở, ban, ngành')).toBe(true);
    expect(preview.recipients.map((recipient: { name: string }) => recipient.name)).toContain('Sở Nội vụ');
  });

  it('registers the document for every department at once', async () => {
    const response = await office.form('POST', '/api/v1/dispatches', dispatchForm(METADATA, [DEPARTMENTS_GROUP]));
    expect(response.status, await response.clone().text()).toBe(201);
    const sent = await response.json();
    dispatchId = sent.id;

    expect(sent.number).toBe('1');
    expect(sent.registerNumber).toBe(1);
    expect(sent.recipients).toHaveLength(15);

    // No polling: the copies were registered in the transaction behind the 201.
    const snv = await loginAs('vanthu.snv');
    const inbox = await snv.json('GET', '/api/v1/documents?box=incoming&q=chuyen%20doi%20so');
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0]).toMatchObject({ type: 'CV', number: '1', notation: 'VP-TH', issuedOn: '2026-12-04', subject: METADATA.subject, signer: 'Nguyễn Văn An', urgency: 'urgent', status: 'delivered' });

    const detail = await snv.json('GET', `/api/v1/documents/${inbox.items[0].id}`);
    expect(detail.fields.number).toMatchObject({ value: '1', confidence: 1, source: 'sender' });
    const download = await snv.request('GET', `/api/v1/documents/${detail.id}/attachments/${detail.attachments.find((file: { isMain: boolean }) => file.isMain).id}`);
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('shows a recipient’s reading and acceptance to the sender at once', async () => {
    const snv = await loginAs('vanthu.snv');
    const [item] = (await snv.json('GET', '/api/v1/documents?box=incoming&q=chuyen%20doi%20so')).items;

    await snv.json('GET', `/api/v1/documents/${item.id}`);
    let dispatch = await office.json('GET', `/api/v1/dispatches/${dispatchId}`);
    expect(dispatch.deliveries.find((delivery: { recipient: string }) => delivery.recipient === 'Sở Nội vụ').status).toBe('read');

    await snv.json('POST', `/api/v1/documents/${item.id}/accept`);
    dispatch = await office.json('GET', `/api/v1/dispatches/${dispatchId}`);
    const delivery = dispatch.deliveries.find((entry: { recipient: string }) => entry.recipient === 'Sở Nội vụ');
    expect(delivery.status).toBe('accepted');
    expect(delivery.events.map((event: { kind: string }) => event.kind)).toEqual(['delivered', 'read', 'accepted']);
    expect(dispatch.counts).toMatchObject({ total: 15, accepted: 1 });

    const list = await office.json('GET', '/api/v1/dispatches');
    expect(list.items[0]).toMatchObject({ id: dispatchId, counts: { total: 15, accepted: 1 } });
  });

  it('recalls the copies not yet accepted and tells their clerks', async () => {
    const recalled = await office.json('POST', `/api/v1/dispatches/${dispatchId}/withdraw`, { reason: 'Gửi nhầm phụ lục, sẽ gửi lại bản đúng.' });

    expect(recalled.withdrawn).toBe(14);
    expect(recalled.dispatch.status).toBe('withdrawn');
    expect(recalled.dispatch.deliveries.find((delivery: { recipient: string }) => delivery.recipient === 'Sở Nội vụ').status).toBe('accepted');

    const syt = await loginAs('vanthu.syt');
    const [copy] = (await syt.json('GET', '/api/v1/documents?box=incoming&q=chuyen%20doi%20so')).items;
    expect(copy.status).toBe('withdrawn');
    const notices = await syt.json('GET', '/api/v1/notifications');
    expect(notices.items.some((notice: { text: string }) => notice.text.includes('Gửi nhầm phụ lục'))).toBe(true);
  });
});

describe('sending rules and numbering', () => {
  it('refuses the same number and notation twice in a year, naming the entry', async () => {
    const first = await office.form('POST', '/api/v1/dispatches', dispatchForm({ ...METADATA, number: '45', subject: 'V/v lần một' }, ['vanthu.snv@demo.congvan.test']));
    expect(first.status).toBe(201);

    const again = await office.form('POST', '/api/v1/dispatches', dispatchForm({ ...METADATA, number: '45', subject: 'V/v lần hai' }, ['vanthu.snv@demo.congvan.test']));
    expect(again.status).toBe(409);
    const body = await again.json();
    expect(body.error.field).toBe('number');
    expect(body.error.message).toContain('45/VP-TH');
    expect(body.error.message).toContain('V/v lần một');
  });

  it('gives a document without a number the next free one', async () => {
    const response = await office.form('POST', '/api/v1/dispatches', dispatchForm({ ...METADATA, subject: 'V/v số tiếp theo' }, ['vanthu.snv@demo.congvan.test']));
    expect((await response.json()).number).toBe('46');
  });

  it('refuses a classified document with the rule named', async () => {
    const response = await office.form('POST', '/api/v1/dispatches', dispatchForm({ ...METADATA, confidentiality: 'secret' }, [DEPARTMENTS_GROUP]));

    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe('rule-violation');
    expect(body.error.field).toBe('classified');
  });

  it('refuses a document stamped MẬT even when the form says unclassified', async () => {
    const stamped = readFileSync(new URL('./fixtures/documents/cv-1187-snv-mat.docx', import.meta.url));
    const response = await office.form('POST', '/api/v1/dispatches', dispatchForm(METADATA, [DEPARTMENTS_GROUP], [{ name: 'cong-van.docx', bytes: stamped }]));

    expect(response.status).toBe(422);
    expect((await response.json()).error.field).toBe('classified');
  });

  it('refuses an executable attachment by its content, whatever its name', async () => {
    const executable = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    const response = await office.form(
      'POST',
      '/api/v1/dispatches',
      dispatchForm(METADATA, [DEPARTMENTS_GROUP], [{ name: 'cong-van.pdf', bytes: PDF }, { name: 'phu-luc.pdf', bytes: executable, field: 'attachments' }]),
    );

    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.field).toBe('file-type');
    expect(body.error.message).toContain('phu-luc.pdf');
  });

  it('names an unknown recipient and an invalid metadata field', async () => {
    const unknown = await office.form('POST', '/api/v1/dispatches', dispatchForm(METADATA, ['khong-co-nhom-nay']));
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.message).toContain('khong-co-nhom-nay');

    const badDate = await office.form('POST', '/api/v1/dispatches', dispatchForm({ ...METADATA, issuedOn: '2026-02-30' }, [DEPARTMENTS_GROUP]));
    expect(badDate.status).toBe(400);
    expect((await badDate.json()).error.field).toBe('metadata.issuedOn');
  });

  it('sends more documents at once than the database pool has connections', async () => {
    const started = Date.now();
    const responses = await Promise.all(
      Array.from({ length: 14 }, (_, index) => office.form('POST', '/api/v1/dispatches', dispatchForm({ ...METADATA, subject: `V/v gửi đồng thời số ${index}` }, ['vanthu.snv@demo.congvan.test']))),
    );

    expect(responses.map((response) => response.status)).toEqual(Array(14).fill(201));
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  it('drops control characters such as NUL from the metadata', async () => {
    const response = await office.form('POST', '/api/v1/dispatches', dispatchForm({ ...METADATA, subject: 'V/v ký tự\u0000 lạ\u0007 trong trích yếu' }, ['vanthu.snv@demo.congvan.test']));
    expect(response.status).toBe(201);

    const dispatch = await office.json('GET', `/api/v1/dispatches/${(await response.json()).id}`);
    expect(dispatch.subject).toBe('V/v ký tự lạ trong trích yếu');
  });

  it('lets only clerks and leaders send', async () => {
    const monitor = await loginAs('giamsat.vp');
    const response = await monitor.form('POST', '/api/v1/dispatches', dispatchForm(METADATA, [DEPARTMENTS_GROUP]));
    expect(response.status).toBe(403);
  });
});

describe('drafts', () => {
  it('saves an incomplete draft, completes it and sends it', async () => {
    const form = dispatchForm({ subject: '' }, [DEPARTMENTS_GROUP]);
    form.set('draft', 'true');
    const saved = await office.form('POST', '/api/v1/dispatches', form);
    expect(saved.status).toBe(201);
    const { id, status } = await saved.json();
    expect(status).toBe('draft');

    const drafts = await office.json('GET', '/api/v1/dispatches?status=draft');
    expect(drafts.items.map((item: { id: string }) => item.id)).toContain(id);

    const early = await office.request('POST', `/api/v1/dispatches/${id}/send`);
    expect(early.status).toBe(400);
    const missing = (await early.json()).error;
    expect(missing.field).toBe('metadata.type');
    expect(missing.issues.map((issue: { field: string }) => issue.field)).toEqual(['metadata.type', 'metadata.subject']);

    const update = new FormData();
    update.set('metadata', JSON.stringify({ ...METADATA, subject: 'V/v bản nháp đã hoàn thiện' }));
    update.set('recipients', JSON.stringify(['vanthu.stc@demo.congvan.test']));
    const updated = await office.form('PUT', `/api/v1/dispatches/${id}`, update);
    expect(updated.status).toBe(200);
    const draft = await updated.json();
    expect(draft).toMatchObject({ status: 'draft', subject: 'V/v bản nháp đã hoàn thiện', recipientEntries: ['vanthu.stc@demo.congvan.test'] });
    expect(draft.files).toHaveLength(1);

    const sent = await office.json('POST', `/api/v1/dispatches/${id}/send`);
    expect(sent.id).toBe(id);
    const dispatch = await office.json('GET', `/api/v1/dispatches/${id}`);
    expect(dispatch).toMatchObject({ status: 'sent', counts: { total: 1 } });

    const again = await office.request('DELETE', `/api/v1/dispatches/${id}`);
    expect(again.status).toBe(409);
  });
});

describe('outgoing register', () => {
  it('lists every sent document by entry number and prints the decree columns', async () => {
    const register = await office.json('GET', '/api/v1/registers/outgoing');
    const numbers = register.entries.map((entry: { registerNumber: number }) => entry.registerNumber);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, index) => index + 1));
    expect(register.entries[0]).toMatchObject({ number: '1', notation: 'VP-TH', typeName: 'Công văn', signer: 'Chánh Văn phòng Nguyễn Văn An', status: 'withdrawn' });
    expect(register.entries[0].recipients).toHaveLength(15);

    const response = await office.request('GET', '/api/v1/registers/outgoing.xlsx');
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell(1, 1).value).toMatch(/^SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM \d{4}$/);
    expect(sheet.getRow(4).getCell(5).value).toBe('Nơi nhận');
    expect(sheet.getRow(5).getCell(1).value).toBe('1/VP-TH');
    expect(sheet.getRow(5).getCell(7).value).toBe(15);
  });
});

