import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, pollUntil } from './helpers/api-client.js';
import { launchBrowser } from './helpers/browser.js';
import { clerkLoginFor } from './helpers/directory-lookup.js';
import { startServerProcess, type ServerProcess } from './helpers/server-process.js';
import { swaks } from './helpers/swaks.js';

const FIXTURE_MAIL = path.join(new URL('./fixtures/mail/', import.meta.url).pathname, 'nfd-gm-88.eml');
const RECIPIENT = 'soyte@lamdong.gov.vn';

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

describe('clerk in the browser', () => {
  it('finds, opens and accepts an incoming invitation', async () => {
    const sent = await swaks(server.smtpPort, { to: RECIPIENT, file: FIXTURE_MAIL });
    expect(sent.code, sent.output).toBe(0);

    const clerk = clerkLoginFor(server, RECIPIENT);
    const api = await ApiClient.login(server.baseUrl, clerk.login, clerk.password);
    await pollUntil(async () => (await api.json('GET', '/api/v1/documents?box=incoming')).total > 0, 30_000, 'the registered document');

    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    await page.goto(server.baseUrl);

    await page.getByTestId('login-username').fill(clerk.login);
    await page.getByTestId('login-password').fill(clerk.password);
    await page.getByTestId('login-submit').click();

    const row = page.getByTestId('inbox-row').filter({ hasText: '88/GM-UBND' });
    try {
      await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
    } catch (error) {
      await page.screenshot({ path: path.join(server.dataDir, '..', 'congvan-browser-failure.png') });
      throw new Error(`inbox row not shown; page text: ${(await page.innerText('body')).slice(0, 500)}`, { cause: error });
    }
    expect(await row.innerText()).toContain('Giấy mời');

    await row.click();
    await page.waitForURL(/\/documents\//);
    await expect.poll(() => page.getByTestId('document-status').innerText(), { timeout: 15_000 }).toBe('Đã xem');
    expect(await page.content()).toContain('Hội nghị tổng kết công tác chuyển đổi số năm 2026');
    // Sent unsigned by swaks from loopback, so nothing proves the sender.
    const check = await page.getByTestId('mail-authentication').innerText();
    expect(check).toContain('Chưa xác thực được địa chỉ gửi');
    expect(check).toContain('DKIM none, SPF none, DMARC none');

    await page.getByTestId('document-accept').click();
    await expect.poll(() => page.getByTestId('document-status').innerText(), { timeout: 15_000 }).toBe('Đã tiếp nhận');

    const documents = await api.json('GET', '/api/v1/documents?box=incoming&status=accepted');
    expect(documents.total).toBe(1);
    await page.close();
  });
});
