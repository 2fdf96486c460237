import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../platform/app-context.js';
import { openTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { DirectoryImportError, importDirectoryCsv, type ImportProblem } from './directory-csv-import.js';
import { getOrganizationByCode, listOrganizations, upsertOrganization } from './organization-repository.js';
import { verifyPassword } from './passwords.js';
import { findUserByLogin, listUsers } from './user-repository.js';

let opened: TestContext;
let ctx: AppContext;

beforeEach(async () => {
  opened = await openTestContext('congvan-csv-import-');
  ctx = opened.ctx;
});

afterEach(async () => {
  await opened.close();
});

const ORGANIZATIONS_CSV = [
  'code,name,short_name,kind,parent_code,addresses',
  '000.00.00.H36,Ủy ban nhân dân tỉnh Lâm Đồng,UBND tỉnh,province,,vanthu.ubnd@demo.congvan.test',
  '000.00.02.H36,Sở Nội vụ,SNV,department,000.00.00.H36,"vanthu.snv@demo.congvan.test; snv@demo.congvan.test"',
  '"000.00.07.H36","Sở Văn hóa, Thể thao và Du lịch",SVHTTDL,department,000.00.00.H36,vanthu.svhttdl@demo.congvan.test',
  'H36.151,Ủy ban nhân dân xã Đam Rông,,commune,000.00.00.H36,vanthu.damrong@demo.congvan.test',
].join('\n');

const USERS_CSV = [
  'login,full_name,organization_code,roles,email',
  'vanthu.snv,Nguyễn Thị Lan Anh,000.00.02.H36,clerk,',
  'lanhdao.snv,Trần Văn Nam,000.00.02.H36,leader;staff,nam.tv@demo.congvan.test',
].join('\n');

async function expectProblems(csv: string): Promise<ImportProblem[]> {
  const error = await importDirectoryCsv(ctx, csv).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(DirectoryImportError);

  return (error as DirectoryImportError).problems;
}

async function organizationCount(): Promise<number> {
  return (await listOrganizations(ctx.db)).length;
}

describe('importDirectoryCsv organizations', () => {
  it('imports a comma-delimited file', async () => {
    const result = await importDirectoryCsv(ctx, ORGANIZATIONS_CSV);

    expect(result).toEqual({ kind: 'organizations', created: 4, updated: 0, unchanged: 0, credentials: [] });

    const snv = await getOrganizationByCode(ctx.db, '000.00.02.H36');
    expect(snv?.name).toBe('Sở Nội vụ');
    expect(snv?.shortName).toBe('SNV');
    expect(snv?.kind).toBe('department');
    expect(snv?.parentCode).toBe('000.00.00.H36');
    expect(snv?.addresses).toEqual([
      { address: 'vanthu.snv@demo.congvan.test', isAlias: false },
      { address: 'snv@demo.congvan.test', isAlias: true },
    ]);

    const culture = await getOrganizationByCode(ctx.db, '000.00.07.H36');
    expect(culture?.name).toBe('Sở Văn hóa, Thể thao và Du lịch');

    const commune = await getOrganizationByCode(ctx.db, 'H36.151');
    expect(commune?.shortName).toBeNull();
  });

  it('imports a semicolon file with BOM and CRLF', async () => {
    const csv =
      '\uFEFF' +
      [
        'code;name;short_name;kind;parent_code;addresses',
        '000.00.00.H36;Ủy ban nhân dân tỉnh Lâm Đồng;UBND tỉnh;province;;vanthu.ubnd@demo.congvan.test',
        '000.00.02.H36;Sở Nội vụ;SNV;department;000.00.00.H36;"vanthu.snv@demo.congvan.test;snv@demo.congvan.test"',
      ].join('\r\n') +
      '\r\n;;;;;\r\n';

    const result = await importDirectoryCsv(ctx, csv);

    expect(result.created).toBe(2);
    const snv = await getOrganizationByCode(ctx.db, '000.00.02.H36');
    expect(snv?.addresses.map((address) => address.address)).toEqual(['vanthu.snv@demo.congvan.test', 'snv@demo.congvan.test']);
  });

  it('joins unquoted addresses of a semicolon file', async () => {
    const csv = [
      'code;name;kind;addresses',
      '000.00.02.H36;Sở Nội vụ;department;vanthu.snv@demo.congvan.test;snv@demo.congvan.test;vanthu.snv@lamdong.gov.vn',
    ].join('\n');

    await importDirectoryCsv(ctx, csv);

    const snv = await getOrganizationByCode(ctx.db, '000.00.02.H36');
    expect(snv?.addresses.map((address) => address.address)).toEqual([
      'vanthu.snv@demo.congvan.test',
      'snv@demo.congvan.test',
      'vanthu.snv@lamdong.gov.vn',
    ]);
  });

  it('honours an Excel sep= line', async () => {
    const csv = ['sep=;', 'code;name;kind', '000.00.02.H36;Sở Nội vụ;department', '000.00.03.H36;;department'].join('\n');

    const problems = await expectProblems(csv);

    expect(problems).toEqual([expect.objectContaining({ line: 4, column: 'name' })]);
  });

  it('accepts any column order and header spelling', async () => {
    const csv = ['Addresses,Kind,Short Name,NAME,code', 'vanthu.snv@demo.congvan.test,Department,SNV,Sở Nội vụ,000.00.02.h36'].join('\n');

    await importDirectoryCsv(ctx, csv);

    const snv = await getOrganizationByCode(ctx.db, '000.00.02.H36');
    expect(snv?.kind).toBe('department');
    expect(snv?.shortName).toBe('SNV');
  });

  it('normalises cells to NFC and trims them', async () => {
    const decomposed = 'Sở Nội vụ'.normalize('NFD');
    const csv = ['code,name,kind', `000.00.02.H36 ,  ${decomposed}  ,department`].join('\n');

    await importDirectoryCsv(ctx, csv);

    const snv = await getOrganizationByCode(ctx.db, '000.00.02.H36');
    expect(snv?.name).toBe('Sở Nội vụ'.normalize('NFC'));
  });

  it('reports all unchanged on second import', async () => {
    await importDirectoryCsv(ctx, ORGANIZATIONS_CSV);
    const before = await listOrganizations(ctx.db);

    const result = await importDirectoryCsv(ctx, ORGANIZATIONS_CSV);

    expect(result).toEqual({ kind: 'organizations', created: 0, updated: 0, unchanged: 4, credentials: [] });
    expect(await listOrganizations(ctx.db)).toEqual(before);
  });

  it('counts a changed row as updated', async () => {
    await importDirectoryCsv(ctx, ORGANIZATIONS_CSV);

    const changed = ORGANIZATIONS_CSV.replace('Sở Nội vụ,SNV', 'Sở Nội vụ tỉnh Lâm Đồng,SNV');
    const result = await importDirectoryCsv(ctx, changed);

    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
    expect((await getOrganizationByCode(ctx.db, '000.00.02.H36'))?.name).toBe('Sở Nội vụ tỉnh Lâm Đồng');
  });

  it('treats alias order as no change', async () => {
    await importDirectoryCsv(ctx, ORGANIZATIONS_CSV);

    const reordered = ORGANIZATIONS_CSV.replace(
      '"vanthu.snv@demo.congvan.test; snv@demo.congvan.test"',
      '"vanthu.snv@demo.congvan.test; zz@demo.congvan.test; snv@demo.congvan.test"',
    );
    await importDirectoryCsv(ctx, reordered);
    const again = reordered.replace('zz@demo.congvan.test; snv@demo.congvan.test', 'snv@demo.congvan.test; zz@demo.congvan.test');

    const result = await importDirectoryCsv(ctx, again);

    expect(result.unchanged).toBe(4);
  });

  it('keeps stored values of left-out columns', async () => {
    await importDirectoryCsv(ctx, ORGANIZATIONS_CSV);

    const result = await importDirectoryCsv(ctx, ['code,name,kind', '000.00.02.H36,Sở Nội vụ,department'].join('\n'));

    expect(result.unchanged).toBe(1);
    const snv = await getOrganizationByCode(ctx.db, '000.00.02.H36');
    expect(snv?.shortName).toBe('SNV');
    expect(snv?.parentCode).toBe('000.00.00.H36');
    expect(snv?.addresses).toHaveLength(2);
  });

  it('moves an address when both owners are listed', async () => {
    await importDirectoryCsv(ctx, ORGANIZATIONS_CSV);

    const moved = ORGANIZATIONS_CSV.replace('"vanthu.snv@demo.congvan.test; snv@demo.congvan.test"', 'vanthu.snv@demo.congvan.test').replace(
      'H36.151,Ủy ban nhân dân xã Đam Rông,,commune,000.00.00.H36,vanthu.damrong@demo.congvan.test',
      'H36.151,Ủy ban nhân dân xã Đam Rông,,commune,000.00.00.H36,"vanthu.damrong@demo.congvan.test;snv@demo.congvan.test"',
    );
    const result = await importDirectoryCsv(ctx, moved);

    expect(result).toMatchObject({ updated: 2, unchanged: 2 });
    const commune = await getOrganizationByCode(ctx.db, 'H36.151');
    expect(commune?.addresses.map((address) => address.address)).toContain('snv@demo.congvan.test');
  });

  it('accepts a parent defined later in the file', async () => {
    const csv = ['code,name,kind,parent_code', '000.00.02.H36,Sở Nội vụ,department,000.00.00.H36', '000.00.00.H36,Ủy ban nhân dân tỉnh Lâm Đồng,province,'].join('\n');

    const result = await importDirectoryCsv(ctx, csv);

    expect(result.created).toBe(2);
  });
});

describe('importDirectoryCsv bad organization rows', () => {
  const header = 'code,name,short_name,kind,parent_code,addresses';
  const province = '000.00.00.H36,Ủy ban nhân dân tỉnh Lâm Đồng,,province,,vanthu.ubnd@demo.congvan.test';

  const cases: { name: string; row: string; column: string | undefined; text: RegExp }[] = [
    { name: 'invalid code', row: '000 00 02,Sở Nội vụ,,department,,', column: 'code', text: /000\.00\.12\.H36/ },
    { name: 'code too long', row: `${'1.'.repeat(18)}H36,Sở Nội vụ,,department,,`, column: 'code', text: /35/ },
    { name: 'missing code', row: ',Sở Nội vụ,,department,,', column: 'code', text: /Thiếu mã định danh/ },
    { name: 'missing name', row: '000.00.02.H36,,,department,,', column: 'name', text: /Thiếu tên cơ quan/ },
    { name: 'unknown kind', row: '000.00.02.H36,Sở Nội vụ,,ministry,,', column: 'kind', text: /province/ },
    { name: 'unknown parent', row: '000.00.02.H36,Sở Nội vụ,,department,000.00.99.H36,', column: 'parent_code', text: /000\.00\.99\.H36/ },
    { name: 'own parent', row: '000.00.02.H36,Sở Nội vụ,,department,000.00.02.H36,', column: 'parent_code', text: /chính nó/ },
    { name: 'invalid address', row: '000.00.02.H36,Sở Nội vụ,,department,,"vanthu.snv@demo.congvan.test; sở nội vụ@x"', column: 'addresses', text: /sở nội vụ@x/ },
    { name: 'address with tag', row: '000.00.02.H36,Sở Nội vụ,,department,,snv+vt@demo.congvan.test', column: 'addresses', text: /\+/ },
    { name: 'address twice in row', row: '000.00.02.H36,Sở Nội vụ,,department,,"a@demo.congvan.test;A@demo.congvan.test"', column: 'addresses', text: /hai lần/ },
    { name: 'address of other row', row: '000.00.02.H36,Sở Nội vụ,,department,,vanthu.ubnd@demo.congvan.test', column: 'addresses', text: /dòng 2/ },
    { name: 'duplicate code', row: '000.00.00.H36,Ủy ban nhân dân tỉnh,,province,,', column: 'code', text: /dòng 2/ },
    { name: 'surplus cells', row: '000.00.02.H36,Sở Nội vụ,,department,,,extra', column: undefined, text: /7 ô/ },
  ];

  for (const testCase of cases) {
    it(`reports ${testCase.name} on its line`, async () => {
      const problems = await expectProblems([header, province, testCase.row].join('\n'));

      expect(problems).toHaveLength(1);
      expect(problems[0]?.line).toBe(3);
      expect(problems[0]?.column).toBe(testCase.column);
      expect(problems[0]?.message).toMatch(testCase.text);
      expect(problems[0]?.messageEn).not.toBe('');
      expect(await organizationCount()).toBe(0);
    });
  }

  it('reports every bad row at once', async () => {
    const csv = [header, province, '000.00.02.H36,,,department,,', '000.00.03.H36,Sở Tài chính,,department,,', '000.00.04.H36,Sở X,,nowhere,,'].join('\n');

    const problems = await expectProblems(csv);

    expect(problems.map((problem) => [problem.line, problem.column])).toEqual([
      [3, 'name'],
      [5, 'kind'],
    ]);
    expect(await organizationCount()).toBe(0);
  });

  it('reports a parent loop', async () => {
    const csv = ['code,name,kind,parent_code', 'A1,Cơ quan A,other,B1', 'B1,Cơ quan B,other,A1'].join('\n');

    const problems = await expectProblems(csv);

    expect(problems.map((problem) => problem.line)).toEqual([2, 3]);
    expect(problems[0]?.message).toContain('A1 → B1 → A1');
  });

  it('reports an address owned in the directory', async () => {
    await upsertOrganization(
      ctx.db,
      { code: '000.00.11.H36', name: 'Sở Y tế', shortName: null, kind: 'department', parentCode: null, addresses: ['soyte@lamdong.gov.vn'] },
      '2026-01-01T00:00:00.000Z',
    );

    const problems = await expectProblems([header, province, '000.00.02.H36,Sở Nội vụ,,department,,soyte@lamdong.gov.vn'].join('\n'));

    expect(problems).toEqual([expect.objectContaining({ line: 3, column: 'addresses', message: expect.stringContaining('Sở Y tế (000.00.11.H36)') })]);
    expect(await organizationCount()).toBe(1);
  });

  it('gives the start line of a multi-line row', async () => {
    const csv = [header, '000.00.02.H36,"Sở Nội vụ', '(tên dài)",,department,,', '000.00.03.H36,Sở Tài chính,,bogus,,'].join('\n');

    const problems = await expectProblems(csv);

    expect(problems).toEqual([expect.objectContaining({ line: 4, column: 'kind' })]);
  });

  it('reports unknown and missing columns', async () => {
    const problems = await expectProblems(['code,ten,kind,fax', '000.00.02.H36,Sở Nội vụ,department,'].join('\n'));

    expect(problems.map((problem) => problem.column)).toEqual(['ten', 'fax', 'name']);
    expect(problems.every((problem) => problem.line === 1)).toBe(true);
    expect(problems[2]?.message).toContain('name');
  });

  it('reports a header of neither kind', async () => {
    const problems = await expectProblems('ma,ten\n1,2\n');

    expect(problems).toEqual([expect.objectContaining({ line: 1 })]);
  });

  it('reports an unclosed quote', async () => {
    const problems = await expectProblems([header, province, '000.00.02.H36,"Sở Nội vụ,,department,,'].join('\n'));

    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('ngoặc kép');
    expect(await organizationCount()).toBe(0);
  });

  it('reports an empty file', async () => {
    const problems = await expectProblems('\uFEFF\n\n');

    expect(problems).toEqual([expect.objectContaining({ line: 1 })]);
  });
});

describe('importDirectoryCsv users', () => {
  beforeEach(async () => {
    await importDirectoryCsv(ctx, ORGANIZATIONS_CSV);
  });

  it('imports users with generated passwords', async () => {
    const result = await importDirectoryCsv(ctx, USERS_CSV);

    expect(result).toMatchObject({ kind: 'users', created: 2, updated: 0, unchanged: 0 });
    expect(result.credentials.map((credential) => credential.login)).toEqual(['vanthu.snv', 'lanhdao.snv']);

    for (const credential of result.credentials) {
      const user = await findUserByLogin(ctx.db, credential.login);
      expect(await verifyPassword(user!.passwordHash, credential.password)).toBe(true);
    }

    const leader = await findUserByLogin(ctx.db, 'lanhdao.snv');
    expect(leader?.roles).toEqual(['staff', 'leader']);
    expect(leader?.email).toBe('nam.tv@demo.congvan.test');
  });

  it('imports a semicolon file with BOM', async () => {
    const csv = '\uFEFF' + ['login;full_name;organization_code;roles;email', 'vanthu.snv;Nguyễn Thị Lan Anh;000.00.02.H36;"clerk;staff";'].join('\r\n');

    const result = await importDirectoryCsv(ctx, csv);

    expect(result.created).toBe(1);
    expect((await findUserByLogin(ctx.db, 'vanthu.snv'))?.roles).toEqual(['clerk', 'staff']);
  });

  it('joins unquoted roles of a semicolon file', async () => {
    const csv = ['login;full_name;organization_code;roles;email', 'vanthu.snv;Nguyễn Thị Lan Anh;000.00.02.H36;clerk;staff;'].join('\n');

    await importDirectoryCsv(ctx, csv);

    expect((await findUserByLogin(ctx.db, 'vanthu.snv'))?.roles).toEqual(['clerk', 'staff']);
  });

  it('keeps passwords on second import', async () => {
    await importDirectoryCsv(ctx, USERS_CSV);
    const hashBefore = (await findUserByLogin(ctx.db, 'vanthu.snv'))?.passwordHash;

    const result = await importDirectoryCsv(ctx, USERS_CSV);

    expect(result).toEqual({ kind: 'users', created: 0, updated: 0, unchanged: 2, credentials: [] });
    expect((await findUserByLogin(ctx.db, 'vanthu.snv'))?.passwordHash).toBe(hashBefore);
  });

  it('updates a changed user without new password', async () => {
    await importDirectoryCsv(ctx, USERS_CSV);
    const hashBefore = (await findUserByLogin(ctx.db, 'lanhdao.snv'))?.passwordHash;

    const result = await importDirectoryCsv(ctx, USERS_CSV.replace('leader;staff', 'leader'));

    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 1, credentials: [] });
    const leader = await findUserByLogin(ctx.db, 'lanhdao.snv');
    expect(leader?.roles).toEqual(['leader']);
    expect(leader?.passwordHash).toBe(hashBefore);
  });

  it('keeps email when the column is left out', async () => {
    await importDirectoryCsv(ctx, USERS_CSV);

    const result = await importDirectoryCsv(ctx, ['login,full_name,organization_code,roles', 'lanhdao.snv,Trần Văn Nam,000.00.02.H36,staff;leader'].join('\n'));

    expect(result.unchanged).toBe(1);
    expect((await findUserByLogin(ctx.db, 'lanhdao.snv'))?.email).toBe('nam.tv@demo.congvan.test');
  });
});

describe('importDirectoryCsv bad user rows', () => {
  beforeEach(async () => {
    await importDirectoryCsv(ctx, ORGANIZATIONS_CSV);
  });

  const header = 'login,full_name,organization_code,roles,email';
  const good = 'vanthu.snv,Nguyễn Thị Lan Anh,000.00.02.H36,clerk,';

  const cases: { name: string; row: string; column: string; text: RegExp }[] = [
    { name: 'upper-case login', row: 'VanThu.STC,Phạm Văn Hùng,000.00.02.H36,clerk,', column: 'login', text: /chữ thường/ },
    { name: 'short login', row: 'ab,Phạm Văn Hùng,000.00.02.H36,clerk,', column: 'login', text: /3 đến 64/ },
    { name: 'missing full name', row: 'vanthu.stc,,000.00.02.H36,clerk,', column: 'full_name', text: /Thiếu họ và tên/ },
    { name: 'unknown role', row: 'vanthu.stc,Phạm Văn Hùng,000.00.02.H36,"clerk;boss",', column: 'roles', text: /"boss"/ },
    { name: 'missing roles', row: 'vanthu.stc,Phạm Văn Hùng,000.00.02.H36,,', column: 'roles', text: /Thiếu vai trò/ },
    { name: 'unknown organization', row: 'vanthu.stc,Phạm Văn Hùng,000.00.03.H36,clerk,', column: 'organization_code', text: /000\.00\.03\.H36/ },
    { name: 'invalid email', row: 'vanthu.stc,Phạm Văn Hùng,000.00.02.H36,clerk,hung at stc', column: 'email', text: /hung at stc/ },
    { name: 'duplicate login', row: good, column: 'login', text: /dòng 2/ },
  ];

  for (const testCase of cases) {
    it(`reports ${testCase.name} on its line`, async () => {
      const problems = await expectProblems([header, good, testCase.row].join('\n'));

      expect(problems).toHaveLength(1);
      expect(problems[0]?.line).toBe(3);
      expect(problems[0]?.column).toBe(testCase.column);
      expect(problems[0]?.message).toMatch(testCase.text);
      expect(await listUsers(ctx.db)).toEqual([]);
    });
  }
});
