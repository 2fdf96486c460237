import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../platform/app-context.js';
import { openTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { DEMO_DOMAIN, DEMO_ORGANIZATIONS } from './demo-province.js';
import { exportDirectoryCsv } from './directory-csv-export.js';
import { importDirectoryCsv } from './directory-csv-import.js';
import { listGroups } from './group-repository.js';
import { ORGANIZATION_CODE_PATTERN } from './directory-csv-format.js';
import { findOrganizationByAddress, listOrganizations, upsertOrganization } from './organization-repository.js';
import { verifyPassword } from './passwords.js';
import { findUserByLogin, listUsers } from './user-repository.js';
import { loadDemoProvince } from './load-demo-province.js';

const openContexts: TestContext[] = [];

async function openContext(): Promise<AppContext> {
  const opened = await openTestContext('congvan-demo-');
  openContexts.push(opened);

  return opened.ctx;
}

let ctx: AppContext;

beforeEach(async () => {
  ctx = await openContext();
});

afterEach(async () => {
  for (const opened of openContexts.splice(0)) {
    await opened.close();
  }
});

describe('loadDemoProvince', () => {
  it('loads departments, communes and groups', async () => {
    const result = await loadDemoProvince(ctx);

    expect(result.loaded).toBe(true);
    const organizations = await listOrganizations(ctx.db);
    const byKind = (kind: string) => organizations.filter((organization) => organization.kind === kind);
    expect(byKind('province').map((organization) => organization.code)).toEqual(['000.00.00.H36']);
    expect(byKind('office')).toHaveLength(1);
    expect(byKind('department').length).toBeGreaterThanOrEqual(15);
    expect(byKind('commune').length).toBeGreaterThanOrEqual(10);

    const groups = await listGroups(ctx.db);
    const members = (code: string) => groups.find((group) => group.code === code)?.organizationCodes ?? [];
    expect(groups.map((group) => [group.code, group.name])).toEqual([
      ['so-ban-nganh', 'Các sở, ban, ngành'],
      ['toan-tinh', 'Toàn tỉnh'],
      ['ubnd-cap-xa', 'UBND cấp xã'],
    ]);
    expect(members('so-ban-nganh')).toHaveLength(byKind('department').length);
    expect(members('ubnd-cap-xa')).toHaveLength(byKind('commune').length);
    expect(members('toan-tinh')).toHaveLength(byKind('department').length + byKind('commune').length);
  });

  it('gives every organization a clerk', async () => {
    const result = await loadDemoProvince(ctx);

    const organizations = await listOrganizations(ctx.db);
    const users = await listUsers(ctx.db);
    for (const organization of organizations) {
      const clerks = users.filter((user) => user.organizationCode === organization.code && user.roles.includes('clerk'));
      expect(clerks, organization.name).toHaveLength(1);
      expect(clerks[0]?.login).toBe(organization.addresses[0]?.address.split('@')[0]);
    }

    const monitors = users.filter((user) => user.roles.includes('monitor'));
    expect(monitors.map((user) => [user.login, user.organizationCode])).toEqual([['giamsat.vp', '000.00.01.H36']]);
    const admins = users.filter((user) => user.roles.includes('admin'));
    expect(admins.map((user) => [user.login, user.organizationCode])).toEqual([['quantri', '000.00.01.H36']]);
    expect(result.credentials).toHaveLength(organizations.length + 2);
  });

  it('uses names as documents print them', async () => {
    await loadDemoProvince(ctx);

    const names = (await listOrganizations(ctx.db)).map((organization) => organization.name);
    expect(names).toContain('Ủy ban nhân dân tỉnh Lâm Đồng');
    expect(names).toContain('Sở Nội vụ');
    expect(names).toContain('Ủy ban nhân dân xã Đam Rông');
    expect(names).toContain('Ủy ban nhân dân đặc khu Phú Quý');
  });

  it('owns the fixture addresses', async () => {
    await loadDemoProvince(ctx);

    const owners: [string, string][] = [
      ['vanphong@lamdong.gov.vn', 'Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng'],
      ['sotaichinh@lamdong.gov.vn', 'Sở Tài chính'],
      ['sokhcn@lamdong.gov.vn', 'Sở Khoa học và Công nghệ'],
      ['soyte@lamdong.gov.vn', 'Sở Y tế'],
      ['vanthu.snv@lamdong.gov.vn', 'Sở Nội vụ'],
      ['ubnd.damrong@lamdong.gov.vn', 'Ủy ban nhân dân xã Đam Rông'],
      ['vanthu.snv@demo.congvan.test', 'Sở Nội vụ'],
    ];
    for (const [address, name] of owners) {
      const owner = await findOrganizationByAddress(ctx.db, address);
      expect(owner?.name, address).toBe(name);
      expect(owner?.addresses.find((entry) => entry.address === address)?.isAlias, address).toBe(!address.endsWith(DEMO_DOMAIN));
    }
  });

  it('uses ASCII addresses and valid codes', () => {
    for (const organization of DEMO_ORGANIZATIONS) {
      expect(organization.code).toMatch(ORGANIZATION_CODE_PATTERN);
      expect(organization.addresses[0]).toMatch(new RegExp(`^[a-z0-9.]+@${DEMO_DOMAIN.replaceAll('.', '\\.')}$`));
      for (const address of organization.addresses) expect(address).toMatch(/^[a-z0-9.]+@[a-z0-9.-]+$/);
    }
    expect(DEMO_ORGANIZATIONS.filter((organization) => organization.addresses.length > 1).length).toBeGreaterThan(3);
  });

  it('stores passwords that verify', async () => {
    const result = await loadDemoProvince(ctx);

    for (const credential of result.credentials) {
      const user = await findUserByLogin(ctx.db, credential.login);
      expect(user?.passwordHash).not.toContain(credential.password);
      expect(await verifyPassword(user!.passwordHash, credential.password), credential.login).toBe(true);
    }
    const snv = result.credentials.find((credential) => credential.login === 'vanthu.snv');
    expect(snv).toMatchObject({ fullName: 'Nguyễn Thị Lan Anh', organizationCode: '000.00.02.H36', organizationName: 'Sở Nội vụ', roles: ['clerk'] });
  });

  it('generates different passwords each run', async () => {
    const first = await loadDemoProvince(ctx);
    const second = await loadDemoProvince(await openContext());

    const passwords = new Map(first.credentials.map((credential) => [credential.login, credential.password]));
    for (const credential of second.credentials) {
      expect(credential.password).not.toBe(passwords.get(credential.login));
    }
    expect(new Set(first.credentials.map((credential) => credential.password)).size).toBe(first.credentials.length);
  });

  it('does nothing when loaded twice', async () => {
    await loadDemoProvince(ctx);
    const users = await listUsers(ctx.db);

    const second = await loadDemoProvince(ctx);

    expect(second).toEqual({ loaded: false, credentials: [] });
    expect(await listUsers(ctx.db)).toEqual(users);
  });

  it('skips a directory with organizations', async () => {
    await upsertOrganization(
      ctx.db,
      { code: 'H36.1', name: 'Cơ quan có sẵn', shortName: null, kind: 'other', parentCode: null, addresses: [] },
      '2026-01-01T00:00:00.000Z',
    );

    expect(await loadDemoProvince(ctx)).toEqual({ loaded: false, credentials: [] });
    expect(await listOrganizations(ctx.db)).toHaveLength(1);
  });

  it('round-trips through CSV export', async () => {
    await loadDemoProvince(ctx);

    const organizations = await importDirectoryCsv(ctx, await exportDirectoryCsv(ctx, 'organizations'));
    const users = await importDirectoryCsv(ctx, await exportDirectoryCsv(ctx, 'users'));

    expect(organizations).toMatchObject({ created: 0, updated: 0, unchanged: DEMO_ORGANIZATIONS.length });
    expect(users).toMatchObject({ created: 0, updated: 0, unchanged: DEMO_ORGANIZATIONS.length + 2 });
  });
});
