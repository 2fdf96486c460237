import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, pollUntil } from './helpers/api-client.js';
import { launchBrowser } from './helpers/browser.js';
import { clerkLoginFor } from './helpers/directory-lookup.js';
import { startServerProcess, type DemoLogin, type ServerProcess } from './helpers/server-process.js';
import { swaks } from './helpers/swaks.js';

const CLERK_ADDRESS = 'vanphong@lamdong.gov.vn';
const CLASSIFIED_RECIPIENT = 'soyte@lamdong.gov.vn';

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

function demoLogin(login: string): DemoLogin {
  const found = server.logins.find((candidate) => candidate.login === login);
  if (!found) throw new Error(`demo login ${login} was not printed at start-up`);
  return found;
}

/** Opens a fresh Vietnamese browser page at the start page and signs in. */
async function signIn(login: string, password: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  await page.goto(server.baseUrl);
  await page.getByTestId('login-username').fill(login);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  return page;
}

async function switchLanguage(page: Page, label: 'English' | 'Tiếng Việt'): Promise<void> {
  await page.getByTestId('language-switch').getByText(label, { exact: true }).click();
}

async function tableHeaders(page: Page, tableTestId: string): Promise<string[]> {
  return page.getByTestId(tableTestId).locator('thead th').allInnerTexts();
}

describe('screens by role in the browser', () => {
  it('monitor lands on Cần xử lý', async () => {
    const monitor = demoLogin('giamsat.vp');
    const page = await signIn(monitor.login, monitor.password);

    await page.waitForURL(/\/flagged$/, { timeout: 15_000 });
    await expect.poll(() => page.getByTestId('flagged-table').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('menu-flagged').innerText()).toBe('Cần xử lý');
    expect(await page.getByTestId('menu-inbox').count()).toBe(0);
    expect(await page.getByTestId('menu-register').count()).toBe(0);
    expect(await page.getByTestId('menu-admin').count()).toBe(0);

    await page.goto(`${server.baseUrl}/inbox`);
    await expect.poll(() => page.getByTestId('forbidden-page').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('inbox-table').count()).toBe(0);
    await page.close();
  });

  it('administrator lands on the admin page', async () => {
    const admin = demoLogin('quantri');
    const page = await signIn(admin.login, admin.password);

    await page.waitForURL(/\/admin$/, { timeout: 15_000 });
    await expect.poll(() => page.getByTestId('admin-page').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('admin-organization').innerText()).toContain(admin.organizationName);
    const commands = await page.getByTestId('admin-commands').innerText();
    expect(commands).toContain('./congvan directory import');
    expect(commands).toContain('./congvan users add');
    expect(await page.getByTestId('menu-admin').innerText()).toBe('Quản trị');
    expect(await page.getByTestId('menu-inbox').count()).toBe(0);
    expect(await page.getByTestId('menu-flagged').count()).toBe(0);
    await page.close();
  });

  it('clerk switches inbox headers to English and back', async () => {
    const clerk = clerkLoginFor(server, CLERK_ADDRESS);
    const page = await signIn(clerk.login, clerk.password);

    await page.waitForURL(/\/inbox$/, { timeout: 15_000 });
    await expect.poll(() => tableHeaders(page, 'inbox-table'), { timeout: 15_000 }).toContain('Số đến');
    expect(await page.getByTestId('menu-inbox').innerText()).toBe('Văn bản đến');

    await switchLanguage(page, 'English');
    await expect.poll(() => tableHeaders(page, 'inbox-table'), { timeout: 15_000 }).toContain('Reg. no.');
    const english = await tableHeaders(page, 'inbox-table');
    expect(english).toContain('Subject');
    expect(english).not.toContain('Trích yếu');
    expect(await page.getByTestId('menu-inbox').innerText()).toBe('Incoming documents');

    await switchLanguage(page, 'Tiếng Việt');
    await expect.poll(() => tableHeaders(page, 'inbox-table'), { timeout: 15_000 }).toContain('Số đến');
    expect(await tableHeaders(page, 'inbox-table')).toContain('Trích yếu');
    await page.close();
  });

  it('clerk sees flag messages in English', async () => {
    const data = [
      'From: Nguoi gui <someone@example.test>',
      `To: ${CLERK_ADDRESS}`,
      'Subject: Unrecognised test message',
      'Message-ID: <browser-roles-unrecognised@example.test>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hello, this message carries no official document.',
      '',
    ].join('\r\n');
    const sent = await swaks(server.smtpPort, { to: CLERK_ADDRESS, data });
    expect(sent.code, sent.output).toBe(0);

    const clerk = clerkLoginFor(server, CLERK_ADDRESS);
    const api = await ApiClient.login(server.baseUrl, clerk.login, clerk.password);
    await pollUntil(async () => (await api.json('GET', '/api/v1/flagged')).items.length > 0, 30_000, 'the flagged message');

    const page = await signIn(clerk.login, clerk.password);
    await page.waitForURL(/\/inbox$/, { timeout: 15_000 });
    await page.getByTestId('menu-flagged').click();
    const notRecognised = page.getByTestId('flagged-row').locator('[data-flag="not-recognised"]');
    await expect.poll(() => notRecognised.innerText(), { timeout: 15_000 }).toBe('Chưa nhận dạng được văn bản');

    await switchLanguage(page, 'English');
    await expect.poll(() => notRecognised.innerText(), { timeout: 15_000 }).toBe('The document was not recognised');

    await page.getByTestId('flagged-row').getByText('Open document').click();
    await page.waitForURL(/\/documents\//);
    const documentFlag = page.locator('[data-testid="document-flag"][data-flag="not-recognised"]');
    await expect.poll(() => documentFlag.innerText(), { timeout: 15_000 }).toBe('The document was not recognised');

    await switchLanguage(page, 'Tiếng Việt');
    await expect.poll(() => documentFlag.innerText(), { timeout: 15_000 }).toBe('Chưa nhận dạng được văn bản');
    await page.close();
  });

  it('sender sees the refused classified notice', async () => {
    const sender = demoLogin('vanthu.ubnd');
    const body = ['ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG', 'Số: 14/UBND-NC', 'MẬT', 'V/v bảo vệ bí mật nhà nước', '', 'Kính gửi: Sở Y tế'].join('\r\n');
    const data = [
      'From: vanthu.ubnd@demo.congvan.test',
      `Subject: =?utf-8?B?${Buffer.from('Văn bản mật').toString('base64')}?=`,
      'Message-ID: <browser-roles-classified@example.test>',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      body,
      '',
    ].join('\r\n');
    const sent = await swaks(server.smtpPort, { to: CLASSIFIED_RECIPIENT, data });
    expect(sent.code, sent.output).toBe(0);

    const api = await ApiClient.login(server.baseUrl, sender.login, sender.password);
    await pollUntil(async () => (await api.json('GET', '/api/v1/notifications')).items.length > 0, 30_000, 'the notice');

    const page = await signIn(sender.login, sender.password);
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('data-unread'), { timeout: 15_000 }).toBe('1');

    await bell.click();
    const item = page.getByTestId('notification-item');
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1);
    expect(await item.getAttribute('data-kind')).toBe('classified-refused');
    expect(await item.innerText()).toContain('độ mật');
    expect(await item.getByTestId('notification-icon-refused').count()).toBe(1);
    await expect.poll(() => bell.getAttribute('data-unread'), { timeout: 15_000 }).toBe('0');

    const notices = await api.json('GET', '/api/v1/notifications');
    expect(notices.items[0].read).toBe(true);
    await page.close();
  });

  it('notice list shows its empty state', async () => {
    const recipient = clerkLoginFor(server, CLASSIFIED_RECIPIENT);
    const page = await signIn(recipient.login, recipient.password);
    await page.waitForURL(/\/inbox$/, { timeout: 15_000 });

    await page.getByTestId('notification-bell').click();
    await expect.poll(() => page.getByTestId('notification-list').innerText(), { timeout: 15_000 }).toContain('Không có thông báo');
    await page.close();
  });
});
