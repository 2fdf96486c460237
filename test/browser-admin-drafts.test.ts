import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/api-client.js';
import { launchBrowser } from './helpers/browser.js';
import { startServerProcess, type ServerProcess } from './helpers/server-process.js';

// A scan without a text layer: recognition reads nothing from it, so the clerk types the subject.
const SCAN = fileURLToPath(new URL('./fixtures/documents/gm-88-ubnd-scan.pdf', import.meta.url));
const SUBJECT = 'V/v chuẩn bị báo cáo tổng kết công tác văn thư năm 2026';
const CLASSIFIED_SUBJECT = 'V/v kế hoạch bảo vệ bí mật nhà nước năm 2027';
const HEALTH_DEPARTMENT = '000.00.11.H36';
const HOLIDAY = '2026-12-31';

let server: ServerProcess;
let browser: Browser;
let clerk: ApiClient;
let administrator: ApiClient;
let sentDraftId: string;

beforeAll(async () => {
  server = await startServerProcess();
  browser = await launchBrowser();
  clerk = await ApiClient.login(server.baseUrl, 'vanthu.vp', passwordOf('vanthu.vp'));
  administrator = await ApiClient.login(server.baseUrl, 'quantri', passwordOf('quantri'));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function passwordOf(login: string): string {
  const found = server.logins.find((candidate) => candidate.login === login);
  if (!found) throw new Error(`demo login ${login} was not printed at start-up`);
  return found.password;
}

async function signIn(login: string, startPath: RegExp): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  await page.goto(server.baseUrl);
  await page.getByTestId('login-username').fill(login);
  await page.getByTestId('login-password').fill(passwordOf(login));
  await page.getByTestId('login-submit').click();
  await page.waitForURL(startPath, { timeout: 15_000 });
  return page;
}

/** Picks a document type in the compose form by searching for its name. The option reads "Công văn (CV)". */
async function pickType(page: Page, name: string, code: string): Promise<void> {
  const label = `${name} (${code})`;
  await page.getByTestId('compose-type').locator('input').fill(name);
  await page.locator('.ant-select-item-option').filter({ hasText: label }).first().click();
  await step(page, `type ${code} picked`, () => expect.poll(() => page.getByTestId('compose-type').innerText(), { timeout: 5_000 }).toBe(label));
}

/** Runs a browser step and, when it fails, names the page's visible text so the failure explains itself. */
async function step<T>(page: Page, what: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw new Error(`${what} failed; page text: ${(await page.innerText('body')).slice(0, 800)}`, { cause: error });
  }
}

describe('drafts in the browser', () => {
  it('clerk saves, reopens and sends a draft', async () => {
    const page = await signIn('vanthu.vp', /\/inbox$/);
    await page.getByTestId('menu-compose').click();
    await page.waitForURL(/\/compose$/);

    await page.getByTestId('compose-document-upload').setInputFiles(SCAN);
    await step(page, 'analysis of the scan', () => expect.poll(() => page.getByTestId('compose-analysis').count(), { timeout: 30_000 }).toBe(1));
    await page.getByTestId('compose-subject').fill(SUBJECT);
    await page.getByTestId('compose-save-draft').click();

    await step(page, 'moving to the draft address', () => page.waitForURL(/\/compose\/[0-9a-f-]{36}$/, { timeout: 30_000 }));
    const draftId = new URL(page.url()).pathname.split('/').pop()!;
    expect(await page.getByTestId('compose-subject').inputValue()).toBe(SUBJECT);
    expect(await page.getByTestId('compose-page').getAttribute('data-stage')).toBe('edit');
    const stored = await clerk.json('GET', `/api/v1/dispatches/${draftId}`);
    expect(stored.status).toBe('draft');
    expect(stored.subject).toBe(SUBJECT);
    expect(stored.recipientEntries).toEqual([]);
    expect(stored.files.map((file: { filename: string }) => file.filename)).toEqual(['gm-88-ubnd-scan.pdf']);

    await page.getByTestId('menu-outbox').click();
    await page.getByTestId('outbox-status-draft').click();
    await page.waitForURL(/status=draft/);
    const draftRow = page.locator(`[data-testid="outbox-row"][data-dispatch-id="${draftId}"]`);
    await step(page, 'draft in the drafts tab', () => expect.poll(() => draftRow.count(), { timeout: 15_000 }).toBe(1));
    expect(await page.getByTestId('outbox-row').count()).toBe(1);
    expect(await draftRow.innerText()).toContain(SUBJECT);

    await draftRow.click();
    await page.waitForURL(new RegExp(`/compose/${draftId}$`));
    await step(page, 'draft loaded into the form', () =>
      expect.poll(() => page.getByTestId('compose-subject').inputValue(), { timeout: 15_000 }).toBe(SUBJECT),
    );
    expect(await page.getByTestId('compose-page').innerText()).toContain('gm-88-ubnd-scan.pdf');
    // Nothing was recognised and no type picked, so the draft has none to show.
    expect(await page.getByTestId('compose-type').innerText()).toBe('Chọn loại văn bản');
    await pickType(page, 'Công văn', 'CV');

    const recipientInput = page.getByTestId('compose-recipients').locator('input');
    await recipientInput.fill(HEALTH_DEPARTMENT);
    await recipientInput.press('Enter');
    await step(page, 'recipient preview', () =>
      expect.poll(() => page.getByTestId('recipient-preview-count').getAttribute('data-count'), { timeout: 15_000 }).toBe('1'),
    );

    await page.getByTestId('compose-next').click();
    await step(page, 'confirm step', () => expect.poll(() => page.getByTestId('compose-confirm').count(), { timeout: 15_000 }).toBe(1));
    expect(await page.getByTestId('compose-confirm').innerText()).toContain('gm-88-ubnd-scan.pdf');
    await page.getByTestId('compose-send').click();

    await step(page, 'landing on the dispatch page', () => page.waitForURL(new RegExp(`/dispatches/${draftId}$`), { timeout: 30_000 }));
    await step(page, 'sent status', () => expect.poll(() => page.getByTestId('dispatch-status').innerText(), { timeout: 15_000 }).toBe('Đã gửi'));
    expect(await page.getByTestId('dispatch-recipient').innerText()).toContain('Sở Y tế');
    const drafts = await clerk.json('GET', '/api/v1/dispatches?status=draft');
    expect(drafts.total).toBe(0);
    sentDraftId = draftId;
    await page.close();
  });

  it('clerk reopens a draft with its confidentiality', async () => {
    const page = await signIn('vanthu.vp', /\/inbox$/);
    await page.getByTestId('menu-compose').click();
    await page.waitForURL(/\/compose$/);
    await page.getByTestId('compose-document-upload').setInputFiles(SCAN);
    await step(page, 'analysis of the scan', () => expect.poll(() => page.getByTestId('compose-analysis').count(), { timeout: 30_000 }).toBe(1));
    await page.getByTestId('compose-subject').fill(CLASSIFIED_SUBJECT);
    await page.getByTestId('compose-confidentiality').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^Mật$/ }).click();
    await page.getByTestId('compose-save-draft').click();

    await step(page, 'moving to the draft address', () => page.waitForURL(/\/compose\/[0-9a-f-]{36}$/, { timeout: 30_000 }));
    const draftId = new URL(page.url()).pathname.split('/').pop()!;
    const stored = await clerk.json('GET', `/api/v1/dispatches/${draftId}`);
    expect(stored).toMatchObject({ status: 'draft', subject: CLASSIFIED_SUBJECT, type: null, confidentiality: 'confidential', urgency: 'normal' });

    await page.reload();
    await step(page, 'draft loaded into the form', () =>
      expect.poll(() => page.getByTestId('compose-subject').inputValue(), { timeout: 15_000 }).toBe(CLASSIFIED_SUBJECT),
    );
    expect(await page.getByTestId('compose-confidentiality').innerText()).toBe('Mật');
    expect(await page.getByTestId('compose-type').innerText()).toBe('Chọn loại văn bản');

    await pickType(page, 'Công văn', 'CV');
    await page.getByTestId('compose-next').click();
    await step(page, 'classified refused at the field', () =>
      expect.poll(() => page.getByTestId('compose-page').innerText(), { timeout: 15_000 }).toContain('Văn bản mật không được gửi qua hệ thống thư điện tử công vụ'),
    );
    expect(await page.getByTestId('compose-page').getAttribute('data-stage')).toBe('edit');
    await page.close();
    // The next test expects an empty drafts tab once it deletes its own draft.
    expect((await clerk.request('DELETE', `/api/v1/dispatches/${draftId}`)).status).toBe(204);
  });

  it('clerk deletes a draft', async () => {
    const form = new FormData();
    form.set('draft', 'true');
    form.set('metadata', JSON.stringify({ subject: 'Bản nháp sẽ bị xóa' }));
    const response = await clerk.form('POST', '/api/v1/dispatches', form);
    expect(response.status, await response.clone().text()).toBe(201);
    const { id } = (await response.json()) as { id: string };

    const page = await signIn('vanthu.vp', /\/inbox$/);
    await page.goto(`${server.baseUrl}/compose/${id}`);
    await step(page, 'draft loaded into the form', () =>
      expect.poll(() => page.getByTestId('compose-subject').inputValue(), { timeout: 15_000 }).toBe('Bản nháp sẽ bị xóa'),
    );

    await page.getByTestId('compose-delete-draft').click();
    await page.getByTestId('compose-delete-draft-confirm').click();
    await step(page, 'back in the drafts tab', () => page.waitForURL(/\/dispatches\?status=draft$/, { timeout: 15_000 }));
    expect((await clerk.request('GET', `/api/v1/dispatches/${id}`)).status).toBe(404);
    await step(page, 'empty drafts tab', () =>
      expect.poll(() => page.getByTestId('outbox-table').innerText(), { timeout: 15_000 }).toContain('Chưa có bản nháp nào'),
    );
    await page.close();
  });
});

describe('outgoing register in the browser', () => {
  it('lists the sent draft with number and recipients', async () => {
    const sent = await clerk.json('GET', `/api/v1/dispatches/${sentDraftId}`);
    expect(sent.number).toMatch(/^\d+$/);

    const page = await signIn('vanthu.vp', /\/inbox$/);
    await page.getByTestId('menu-outgoingRegister').click();
    await page.waitForURL(/\/outgoing-register$/);

    const row = page.locator(`[data-testid="outgoing-register-row"][data-dispatch-id="${sentDraftId}"]`);
    await step(page, 'register row', () => expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1));
    expect(await row.getByTestId('outgoing-register-number').innerText()).toBe(sent.notation ? `${sent.number}/${sent.notation}` : sent.number);
    expect(await row.getByTestId('outgoing-register-recipients').innerText()).toContain('Sở Y tế');
    expect(await row.innerText()).toContain(SUBJECT);
    const headers = await page.getByTestId('outgoing-register-table').locator('thead th').allInnerTexts();
    expect(headers).toEqual(['Số, ký hiệu', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung', 'Người ký', 'Nơi nhận', 'Số lượng bản', 'Ngày chuyển', 'Ghi chú']);

    await row.click();
    await step(page, 'dispatch page from the register', () => page.waitForURL(new RegExp(`/dispatches/${sentDraftId}$`), { timeout: 15_000 }));
    await page.close();
  });
});

describe('administration in the browser', () => {
  it('administrator adds a paper-copy type', async () => {
    const page = await signIn('quantri', /\/admin$/);
    await page.getByTestId('admin-tab-sendingRules').click();
    await page.waitForURL(/\/admin\/sending-rules$/);

    const paperCopy = page.getByTestId('sending-rules-paper-copy');
    await step(page, 'sending rules form', () => expect.poll(() => paperCopy.innerText(), { timeout: 15_000 }).toContain('Báo cáo'));
    await paperCopy.locator('input').fill('TTr');
    await paperCopy.locator('input').press('Enter');
    await step(page, 'TTr picked', () => expect.poll(() => paperCopy.innerText(), { timeout: 5_000 }).toContain('Tờ trình'));
    await page.getByTestId('sending-rules-save').click();

    await step(page, 'saved notice', () =>
      expect.poll(() => page.locator('.ant-message').innerText(), { timeout: 15_000 }).toContain('Đã lưu quy định gửi văn bản'),
    );
    const { rules } = await administrator.json('GET', '/api/v1/sending-rules');
    expect(rules.paperCopyTypes).toEqual(['BC', 'TTr']);
    await page.close();
  });

  it('administrator corrects and restores a day', async () => {
    const page = await signIn('quantri', /\/admin$/);
    await page.goto(`${server.baseUrl}/admin/calendar?year=2026`);
    const row = page.locator(`[data-testid="calendar-day"][data-date="${HOLIDAY}"]`);
    await step(page, 'calendar of 2026', () => expect.poll(() => page.getByTestId('calendar-day').count(), { timeout: 15_000 }).toBeGreaterThan(0));
    expect(await row.count()).toBe(0);

    await page.getByTestId('calendar-add').click();
    const dateInput = page.getByTestId('calendar-day-date');
    await dateInput.fill('31/12/2026');
    await dateInput.press('Enter');
    await page.getByTestId('calendar-day-name-vi').fill('Nghỉ cuối năm');
    await page.getByTestId('calendar-day-name-en').fill('Year-end day off');
    await page.getByTestId('calendar-day-save').click();

    await step(page, 'corrected day in the list', () => expect.poll(() => row.getAttribute('data-source'), { timeout: 15_000 }).toBe('administrator'));
    expect(await row.getAttribute('data-kind')).toBe('holiday');
    expect(await row.getByTestId('calendar-source').innerText()).toBe('Quản trị viên');
    expect(await row.innerText()).toContain('Nghỉ cuối năm');
    const corrected = (await administrator.json('GET', '/api/v1/calendar/2026')).days.find((day: { date: string }) => day.date === HOLIDAY);
    expect(corrected).toMatchObject({ kind: 'holiday', source: 'administrator', updatedBy: 'quantri', nameEn: 'Year-end day off' });

    await row.getByTestId('calendar-remove').click();
    await page.getByTestId('calendar-remove-confirm').click();
    await step(page, 'correction removed from the list', () => expect.poll(() => row.count(), { timeout: 15_000 }).toBe(0));
    const restored = (await administrator.json('GET', '/api/v1/calendar/2026')).days.find((day: { date: string }) => day.date === HOLIDAY);
    expect(restored).toBeUndefined();
    await page.close();
  });
});
