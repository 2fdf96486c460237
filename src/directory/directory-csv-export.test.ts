import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../platform/app-context.js';
import { openTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { exportDirectoryCsv } from './directory-csv-export.js';
import { importDirectoryCsv } from './directory-csv-import.js';
import { listOrganizations } from './organization-repository.js';
import { listUsers } from './user-repository.js';

let opened: TestContext;
let ctx: AppContext;

beforeEach(async () => {
  opened = await openTestContext('congvan-csv-export-');
  ctx = opened.ctx;
});

afterEach(async () => {
  await opened.close();
});

const ORGANIZATIONS_CSV = [
  'code;name;short_name;kind;parent_code;addresses',
  '000.00.00.H36;Ủy ban nhân dân tỉnh Lâm Đồng;UBND tỉnh;province;;vanthu.ubnd@demo.congvan.test',
  '000.00.07.H36;Sở Văn hóa, Thể thao và Du lịch;SVHTTDL;department;000.00.00.H36;"vanthu.svhttdl@demo.congvan.test;svhttdl@demo.congvan.test;a@lamdong.gov.vn"',
  '000.00.08.H36;"Ban ""Đặc biệt""";;other;000.00.00.H36;',
  "H36.151;Ủy ban nhân dân xã D'Ran;UBND xã D'Ran;commune;000.00.00.H36;vanthu.dran@demo.congvan.test",
].join('\n');

const USERS_CSV = [
  'email,roles,organization_code,full_name,login',
  ',clerk,H36.151,Touneh Thị Hiền,vanthu.dran',
  'nam.tv@demo.congvan.test,"staff;leader;clerk",000.00.07.H36,Trần Văn Nam,lanhdao.svhttdl',
].join('\n');

describe('exportDirectoryCsv', () => {
  it('writes organizations with the import columns', async () => {
    await importDirectoryCsv(ctx, ORGANIZATIONS_CSV);

    const csv = await exportDirectoryCsv(ctx, 'organizations');

    expect(csv.startsWith('\uFEFFcode,name,short_name,kind,parent_code,addresses\r\n')).toBe(true);
    expect(csv).toContain(
      '000.00.07.H36,"Sở Văn hóa, Thể thao và Du lịch",SVHTTDL,department,000.00.00.H36,vanthu.svhttdl@demo.congvan.test; a@lamdong.gov.vn; svhttdl@demo.congvan.test\r\n',
    );
    expect(csv).toContain('000.00.08.H36,"Ban ""Đặc biệt""",,other,000.00.00.H36,\r\n');
  });

  it('writes users with roles in fixed order', async () => {
    await importDirectoryCsv(ctx, ORGANIZATIONS_CSV);
    await importDirectoryCsv(ctx, USERS_CSV);

    const csv = await exportDirectoryCsv(ctx, 'users');

    expect(csv.split('\r\n')).toEqual([
      '\uFEFFlogin,full_name,organization_code,roles,email',
      'lanhdao.svhttdl,Trần Văn Nam,000.00.07.H36,clerk; staff; leader,nam.tv@demo.congvan.test',
      'vanthu.dran,Touneh Thị Hiền,H36.151,clerk,',
      '',
    ]);
  });

  it('round-trips through import unchanged', async () => {
    await importDirectoryCsv(ctx, ORGANIZATIONS_CSV);
    await importDirectoryCsv(ctx, USERS_CSV);
    const organizationsBefore = await listOrganizations(ctx.db);
    const usersBefore = await listUsers(ctx.db);
    const organizationsCsv = await exportDirectoryCsv(ctx, 'organizations');
    const usersCsv = await exportDirectoryCsv(ctx, 'users');

    const organizationsResult = await importDirectoryCsv(ctx, organizationsCsv);
    const usersResult = await importDirectoryCsv(ctx, usersCsv);

    expect(organizationsResult).toEqual({ kind: 'organizations', created: 0, updated: 0, unchanged: 4, credentials: [] });
    expect(usersResult).toEqual({ kind: 'users', created: 0, updated: 0, unchanged: 2, credentials: [] });
    expect(await listOrganizations(ctx.db)).toEqual(organizationsBefore);
    expect(await listUsers(ctx.db)).toEqual(usersBefore);
    expect(await exportDirectoryCsv(ctx, 'organizations')).toBe(organizationsCsv);
    expect(await exportDirectoryCsv(ctx, 'users')).toBe(usersCsv);
  });

  it('recreates the directory in an empty database', async () => {
    await importDirectoryCsv(ctx, ORGANIZATIONS_CSV);
    await importDirectoryCsv(ctx, USERS_CSV);
    const organizationsCsv = await exportDirectoryCsv(ctx, 'organizations');
    const usersCsv = await exportDirectoryCsv(ctx, 'users');

    const otherContext = await openTestContext('congvan-csv-export-copy-');
    const other = otherContext.ctx;
    try {
      expect((await importDirectoryCsv(other, organizationsCsv)).created).toBe(4);
      expect((await importDirectoryCsv(other, usersCsv)).created).toBe(2);

      expect(await exportDirectoryCsv(other, 'organizations')).toBe(organizationsCsv);
      expect(await exportDirectoryCsv(other, 'users')).toBe(usersCsv);
    } finally {
      await otherContext.close();
    }
  });

  it('writes only the header for an empty directory', async () => {
    expect(await exportDirectoryCsv(ctx, 'users')).toBe('\uFEFFlogin,full_name,organization_code,roles,email\r\n');
  });
});
