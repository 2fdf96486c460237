import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/api-client.js';
import { launchBrowser } from './helpers/browser.js';
import { startServerProcess, type ServerProcess } from './helpers/server-process.js';

const GROUP_CODE = 'y-te-noi-vu';
const GROUP_NAME = 'Sở Y tế và Sở Nội vụ';

let server: ServerProcess;
let browser: Browser;
let administrator: ApiClient;

beforeAll(async () => {
  server = await startServerProcess();
  browser = await launchBrowser();
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
  // A locator that never matches then fails the step inside its poll instead of waiting for the test's timeout.
  page.setDefaultTimeout(10_000);
  await page.goto(server.baseUrl);
  await page.getByTestId('login-username').fill(login);
  await page.getByTestId('login-password').fill(passwordOf(login));
  await page.getByTestId('login-submit').click();
  await page.waitForURL(startPath, { timeout: 15_000 });
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

async function openGroups(): Promise<Page> {
  const page = await signIn('quantri', /\/admin$/);
  await page.getByTestId('admin-tab-groups').click();
  await page.waitForURL(/\/admin\/groups$/);
  await step(page, 'group list', () => expect.poll(() => page.getByTestId('group-row').count(), { timeout: 15_000 }).toBeGreaterThan(0));
  return page;
}

/** Types into the member picker and picks the first organization it offers. */
async function pickMember(page: Page, search: string, expected: string): Promise<void> {
  const members = page.getByTestId('group-members');
  await members.locator('input').fill(search);
  await step(page, `option for "${search}"`, () => expect.poll(() => page.locator('.ant-select-item-option-active').innerText(), { timeout: 5_000 }).toContain(expected));
  await members.locator('input').press('Enter');
  await step(page, `${expected} picked`, () => expect.poll(() => members.innerText(), { timeout: 5_000 }).toContain(expected));
}

describe('groups in the browser', () => {
  it('administrator creates a group that a clerk can pick', async () => {
    const page = await openGroups();

    await page.getByTestId('group-add').click();
    await page.getByTestId('group-code').fill(GROUP_CODE);
    await page.getByTestId('group-name').fill(GROUP_NAME);
    await pickMember(page, 'so y te', 'Sở Y tế');
    await pickMember(page, 'noi vu', 'Sở Nội vụ');
    // The open option list covers the buttons, so the administrator clicks outside it first.
    await page.getByTestId('group-name').click();
    await page.getByTestId('group-save').click();

    const row = page.locator(`[data-testid="group-row"][data-code="${GROUP_CODE}"]`);
    await step(page, 'new group in the list', () => expect.poll(() => row.getAttribute('data-member-count'), { timeout: 15_000 }).toBe('2'));
    expect(await row.innerText()).toContain(GROUP_NAME);
    const stored = await administrator.json('GET', `/api/v1/groups/${GROUP_CODE}`);
    expect(stored).toMatchObject({ name: GROUP_NAME, version: 1, updatedBy: 'quantri' });
    expect(stored.members.map((member: { name: string }) => member.name).sort()).toEqual(['Sở Nội vụ', 'Sở Y tế']);
    await page.close();

    const clerk = await signIn('vanthu.vp', /\/inbox$/);
    await clerk.getByTestId('menu-compose').click();
    await clerk.waitForURL(/\/compose$/);
    const recipients = clerk.getByTestId('compose-recipients').locator('input');
    // A space separates recipients in this field, so the clerk types the group's code.
    await recipients.fill(GROUP_CODE);
    await step(clerk, 'group offered as a recipient', () =>
      expect.poll(() => clerk.locator('.ant-select-item-option', { hasText: GROUP_NAME }).count(), { timeout: 15_000 }).toBe(1),
    );
    expect(await clerk.locator('.ant-select-item-option', { hasText: GROUP_NAME }).innerText()).toBe(`${GROUP_NAME} (2 cơ quan)`);
    await recipients.press('Enter');
    await step(clerk, 'group expanded in the preview', () =>
      expect.poll(() => clerk.getByTestId('recipient-preview-count').getAttribute('data-count'), { timeout: 15_000 }).toBe('2'),
    );
    await clerk.close();
  });

  it('administrator renames a group and sees a conflicting edit', async () => {
    const page = await openGroups();
    const row = page.locator(`[data-testid="group-row"][data-code="${GROUP_CODE}"]`);

    await row.getByTestId('group-edit').click();
    await step(page, 'edit form', () => expect.poll(() => page.getByTestId('group-name').inputValue(), { timeout: 5_000 }).toBe(GROUP_NAME));
    expect(await page.getByTestId('group-code').isDisabled()).toBe(true);

    // Another administrator saves first, so the form's version is stale.
    const current = await administrator.json('GET', `/api/v1/groups/${GROUP_CODE}`);
    await administrator.json('PUT', `/api/v1/groups/${GROUP_CODE}`, { name: 'Tên do người khác sửa', members: current.members.map((member: { code: string }) => member.code), version: current.version });

    await page.getByTestId('group-name').fill('Y tế, Nội vụ');
    await page.getByTestId('group-save').click();
    await step(page, 'conflict notice', () => expect.poll(() => page.getByTestId('group-conflict').count(), { timeout: 15_000 }).toBe(1));
    expect(await page.getByTestId('group-conflict').innerText()).toContain('phiên bản 2');

    await page.getByTestId('group-reload').click();
    await step(page, 'newer version loaded', () => expect.poll(() => page.getByTestId('group-name').inputValue(), { timeout: 15_000 }).toBe('Tên do người khác sửa'));
    await page.getByTestId('group-name').fill('Y tế, Nội vụ');
    await page.getByTestId('group-save').click();

    await step(page, 'renamed group in the list', () => expect.poll(() => row.innerText(), { timeout: 15_000 }).toContain('Y tế, Nội vụ'));
    expect(await administrator.json('GET', `/api/v1/groups/${GROUP_CODE}`)).toMatchObject({ name: 'Y tế, Nội vụ', version: 3 });
    await page.close();
  });

  it('administrator deletes groups down to the empty list', async () => {
    const page = await openGroups();
    const row = page.locator(`[data-testid="group-row"][data-code="${GROUP_CODE}"]`);

    await row.getByTestId('group-delete').click();
    await page.getByTestId('group-delete-confirm').click();
    await step(page, 'group gone from the list', () => expect.poll(() => row.count(), { timeout: 15_000 }).toBe(0));
    expect((await administrator.request('GET', `/api/v1/groups/${GROUP_CODE}`)).status).toBe(404);

    const { groups } = await administrator.json('GET', '/api/v1/groups');
    for (const group of groups as { code: string }[]) {
      expect((await administrator.request('DELETE', `/api/v1/groups/${group.code}`)).status).toBe(204);
    }
    await page.reload();
    await step(page, 'empty state', () => expect.poll(() => page.getByTestId('groups-table').innerText(), { timeout: 15_000 }).toContain('Chưa có nhóm nào'));
    await page.close();
  });
});
