import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/api-client.js';
import { launchBrowser } from './helpers/browser.js';
import { startServerProcess, type ServerProcess } from './helpers/server-process.js';

const DOCUMENT = fileURLToPath(new URL('./fixtures/documents/gm-88-ubnd.pdf', import.meta.url));
const SUBJECT = 'Hội nghị tổng kết công tác chuyển đổi số năm 2026';
const DEPARTMENTS_GROUP = 'so-ban-nganh';
const DEPARTMENT_COUNT = 15;

// The dispatch page refreshes every 5 seconds; a change must show within one interval and a request.
const REFRESH_WITH_SLACK_MS = 5_000 + 2_500;

let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  server = await startServerProcess();
  browser = await launchBrowser();
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
    await page.close();
  });
});
