import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, pollUntil } from './helpers/api-client.js';
import { launchBrowser } from './helpers/browser.js';
import { startServerProcess, type ServerProcess } from './helpers/server-process.js';

const DOCUMENT = fileURLToPath(new URL('./fixtures/documents/gm-88-ubnd.pdf', import.meta.url));
const SUBJECT = 'Hội nghị tổng kết công tác chuyển đổi số năm 2026';
const DEPARTMENTS_GROUP = 'so-ban-nganh';
const DEPARTMENT_COUNT = 15;
const REMOTE_RECIPIENT = 'vanthu@tinh-b.test';

// The dispatch page refreshes every 5 seconds, so a change must show within one interval and a request.
const REFRESH_WITH_SLACK_MS = 5_000 + 2_500;

let server: ServerProcess;
let browser: Browser;
let peer: SMTPServer;
let sentDispatchId: string;

/** Starts another province's mail server on loopback, which rejects every recipient permanently (550). */
async function startRejectingPeer(): Promise<{ server: SMTPServer; port: number }> {
  const rejecting = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onRcptTo: (_address, _session, callback) => callback(Object.assign(new Error('5.1.1 Mailbox does not exist'), { responseCode: 550 })),
  });
  await new Promise<void>((resolve) => rejecting.listen(0, '127.0.0.1', resolve));

  return { server: rejecting, port: (rejecting.server.address() as AddressInfo).port };
}

beforeAll(async () => {
  const rejecting = await startRejectingPeer();
  peer = rejecting.server;
  server = await startServerProcess({ CONGVAN_SMTP_ROUTES: `tinh-b.test=127.0.0.1:${rejecting.port}` });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise<void>((resolve) => (peer ? peer.close(() => resolve()) : resolve()));
});

function passwordOf(login: string): string {
  const found = server.logins.find((candidate) => candidate.login === login);
  if (!found) throw new Error(`demo login ${login} was not printed at start-up`);
  return found.password;
}

async function signIn(login: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  await page.goto(server.baseUrl);
  await page.getByTestId('login-username').fill(login);
  await page.getByTestId('login-password').fill(passwordOf(login));
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/inbox$/, { timeout: 15_000 });
  return page;
}

/** Runs a browser step and, when it fails, names the page's visible text so the failure explains itself. */
async function step<T>(page: Page, what: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw new Error(`${what} failed; page text: ${(await page.innerText('body')).slice(0, 800)}`, { cause: error });
  }
}

describe('sending in the browser', () => {
  it('clerk sends to a group and sees an acceptance', async () => {
    const page = await signIn('vanthu.vp');

    await page.getByTestId('menu-compose').click();
    await page.waitForURL(/\/compose$/);
    await page.getByTestId('compose-document-upload').setInputFiles(DOCUMENT);

    await step(page, 'prefill from the document', () =>
      expect.poll(() => page.getByTestId('compose-number').inputValue(), { timeout: 30_000 }).toBe('88'),
    );
    expect(await page.getByTestId('compose-notation').inputValue()).toBe('GM-UBND');
    expect(await page.getByTestId('compose-subject').inputValue()).toBe(SUBJECT);
    expect(await page.getByTestId('compose-signer').inputValue()).toBe('Phạm Minh Tuấn');
    expect(await page.getByTestId('compose-type').innerText()).toContain('Giấy mời');

    const recipientInput = page.getByTestId('compose-recipients').locator('input');
    await recipientInput.fill(DEPARTMENTS_GROUP);
    await recipientInput.press('Enter');

    const previewCount = page.getByTestId('recipient-preview-count');
    await step(page, 'recipient preview', () =>
      expect.poll(() => previewCount.getAttribute('data-count'), { timeout: 15_000 }).toBe(String(DEPARTMENT_COUNT)),
    );
    expect(await previewCount.innerText()).toBe(`${DEPARTMENT_COUNT} nơi nhận`);
    expect(await page.getByTestId('recipient-preview-local').innerText()).toBe(`Trong hệ thống: ${DEPARTMENT_COUNT}`);
    const previewNames = await page.getByTestId('recipient-preview-item').allInnerTexts();
    expect(previewNames).toHaveLength(DEPARTMENT_COUNT);
    expect(previewNames.some((text) => text.includes('Sở Nội vụ'))).toBe(true);

    await page.getByTestId('compose-next').click();
    await step(page, 'confirm step', () => expect.poll(() => page.getByTestId('compose-confirm').count(), { timeout: 15_000 }).toBe(1));
    expect(await page.getByTestId('compose-confirm').innerText()).toContain('88/GM-UBND');

    await page.getByTestId('compose-send').click();
    await step(page, 'landing on the dispatch page', () => page.waitForURL(/\/dispatches\/[0-9a-f-]{36}$/, { timeout: 30_000 }));

    sentDispatchId = (await page.getByTestId('dispatch-page').getAttribute('data-dispatch-id'))!;
    const rows = page.getByTestId('dispatch-recipient');
    await step(page, 'recipient rows', () => expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(DEPARTMENT_COUNT));
    const progress = page.getByTestId('dispatch-progress').getByTestId('progress-accepted');
    expect(await progress.innerText()).toBe(`0/${DEPARTMENT_COUNT} đã tiếp nhận`);
    const snvRow = rows.filter({ hasText: 'Sở Nội vụ' });
    expect(await snvRow.getByTestId('recipient-status').innerText()).toBe('Đã đến');

    // A marker on the window survives only as long as the page is not reloaded.
    await page.evaluate(() => Object.assign(window, { congvanNoReload: true }));

    const snv = await ApiClient.login(server.baseUrl, 'vanthu.snv', passwordOf('vanthu.snv'));
    const incoming = await snv.json('GET', '/api/v1/documents?box=incoming');
    const copy = incoming.items.find((item: { number: string; notation: string }) => item.number === '88' && item.notation === 'GM-UBND');
    expect(copy, JSON.stringify(incoming.items)).toBeDefined();
    await snv.json('POST', `/api/v1/documents/${copy.id}/accept`);

    await step(page, 'acceptance without a reload', () =>
      expect.poll(() => snvRow.getByTestId('recipient-status').innerText(), { timeout: REFRESH_WITH_SLACK_MS, interval: 250 }).toBe('Đã tiếp nhận'),
    );
    expect(await progress.innerText()).toBe(`1/${DEPARTMENT_COUNT} đã tiếp nhận`);
    expect(await page.evaluate(() => (window as { congvanNoReload?: boolean }).congvanNoReload)).toBe(true);

    await page.getByTestId('menu-outbox').click();
    const listRow = page.getByTestId('outbox-row');
    await step(page, 'outgoing list', () => expect.poll(() => listRow.count(), { timeout: 15_000 }).toBe(1));
    expect(await listRow.getByTestId('progress-accepted').innerText()).toBe(`1/${DEPARTMENT_COUNT} đã tiếp nhận`);
    expect(await listRow.innerText()).toContain(SUBJECT);

    // Nothing is overdue yet: a recipient has 16 working hours to accept a document of normal urgency.
    await page.getByTestId('outbox-filter-overdue').click();
    await page.waitForURL(/overdue=1/);
    await step(page, 'overdue filter', () => expect.poll(() => listRow.count(), { timeout: 15_000 }).toBe(0));
    expect(await page.getByTestId('outbox-table').innerText()).toContain('Không có văn bản nào chưa được tiếp nhận quá hạn');
    await page.close();
  });

  it('rejected send returns to the form', async () => {
    const page = await signIn('vanthu.vp');
    await page.goto(`${server.baseUrl}/compose`);
    await page.getByTestId('compose-document-upload').setInputFiles(DOCUMENT);
    await step(page, 'prefill from the document', () =>
      expect.poll(() => page.getByTestId('compose-number').inputValue(), { timeout: 30_000 }).toBe('88'),
    );

    const recipientInput = page.getByTestId('compose-recipients').locator('input');
    await recipientInput.fill('vanthu.syt@demo.congvan.test');
    await recipientInput.press('Enter');
    await step(page, 'recipient preview', () =>
      expect.poll(() => page.getByTestId('recipient-preview-count').getAttribute('data-count'), { timeout: 15_000 }).toBe('1'),
    );

    // The first test sent 88/GM-UBND already this year, so the server rejects the number.
    await page.getByTestId('compose-next').click();
    await page.getByTestId('compose-send').click();
    const numberItem = page.locator('.ant-form-item').filter({ has: page.getByTestId('compose-number') });
    await step(page, 'duplicate number at its field', () =>
      expect.poll(() => numberItem.locator('.ant-form-item-explain-error').innerText(), { timeout: 15_000 }).toContain('88/GM-UBND'),
    );
    expect(await page.getByTestId('compose-page').getAttribute('data-stage')).toBe('edit');

    // An empty number takes the next free one; an executable attachment then breaks the file-type rule.
    await page.getByTestId('compose-number').fill('');
    const executable = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    await page.getByTestId('compose-attachments-upload').setInputFiles({ name: 'phu-luc.pdf', mimeType: 'application/pdf', buffer: executable });
    await page.getByTestId('compose-next').click();
    await page.getByTestId('compose-send').click();
    const banner = page.getByTestId('compose-error');
    await step(page, 'rule banner', () => expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(1));
    expect(await banner.getAttribute('data-rule')).toBe('file-type');
    expect(await banner.innerText()).toContain('phu-luc.pdf');
    await page.close();
  });

  it('clerk recalls the copies not accepted', async () => {
    const page = await signIn('vanthu.vp');
    await page.goto(`${server.baseUrl}/dispatches/${sentDispatchId}`);
    const withdraw = page.getByTestId('dispatch-withdraw');
    await step(page, 'dispatch page', () => expect.poll(() => withdraw.isEnabled(), { timeout: 15_000 }).toBe(true));

    await withdraw.click();
    await page.getByTestId('withdraw-reason').fill('Gửi nhầm phụ lục, sẽ gửi lại bản đúng.');
    await page.getByTestId('withdraw-confirm').click();

    await step(page, 'recalled status', () =>
      expect.poll(() => page.getByTestId('dispatch-status').innerText(), { timeout: 15_000 }).toBe('Đã thu hồi'),
    );
    const withdrawn = page.locator('[data-testid="dispatch-recipient"][data-status="withdrawn"]');
    expect(await withdrawn.count()).toBe(DEPARTMENT_COUNT - 1);
    const snvRow = page.getByTestId('dispatch-recipient').filter({ hasText: 'Sở Nội vụ' });
    expect(await snvRow.getByTestId('recipient-status').innerText()).toBe('Đã tiếp nhận');
    expect(await withdraw.isDisabled()).toBe(true);
    expect(await page.getByTestId('dispatch-metadata').innerText()).toContain('Gửi nhầm phụ lục');

    await snvRow.locator('.ant-table-row-expand-icon').click();
    const events = page.getByTestId('recipient-event');
    await step(page, 'recipient timeline', () => expect.poll(() => events.count(), { timeout: 5_000 }).toBeGreaterThan(0));
    const kinds = await events.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-kind')));
    expect(kinds).toEqual(['delivered', 'accepted']);
    await page.close();
  });

  it('clerk resends to a failed remote recipient', async () => {
    const office = await ApiClient.login(server.baseUrl, 'vanthu.vp', passwordOf('vanthu.vp'));
    const form = new FormData();
    form.set('metadata', JSON.stringify({ type: 'CV', notation: 'VP-TH', subject: 'V/v trao đổi kinh nghiệm chuyển đổi số', urgency: 'normal' }));
    form.set('recipients', JSON.stringify([REMOTE_RECIPIENT]));
    form.append('document', new Blob([new Uint8Array(readFileSync(DOCUMENT))]), 'cong-van.pdf');
    const response = await office.form('POST', '/api/v1/dispatches', form);
    expect(response.status, await response.clone().text()).toBe(201);
    const { id } = (await response.json()) as { id: string };

    const page = await signIn('vanthu.vp');
    await page.goto(`${server.baseUrl}/dispatches/${id}`);
    const row = page.getByTestId('dispatch-recipient').filter({ hasText: REMOTE_RECIPIENT });
    await step(page, 'failed delivery shown', () =>
      expect.poll(() => row.getByTestId('recipient-status').innerText(), { timeout: 30_000, interval: 500 }).toBe('Gửi lỗi'),
    );

    await row.getByTestId('recipient-resend').click();
    await pollUntil(async () => {
      const dispatch = await office.json('GET', `/api/v1/dispatches/${id}`);
      return dispatch.deliveries[0].events.some((event: { kind: string }) => event.kind === 'resent');
    }, 10_000, 'the resend in the timeline');
    await step(page, 'resend notice', () => expect.poll(() => page.locator('.ant-message').innerText(), { timeout: 5_000 }).toContain(REMOTE_RECIPIENT));
    await page.close();
  });
});
