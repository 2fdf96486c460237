import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../platform/app-context.js';
import { openTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { exportDirectoryCsv } from './directory-csv-export.js';
import { DirectoryImportError, importDirectoryCsv, type ImportProblem } from './directory-csv-import.js';
import { findGroupByCode, listGroups } from './group-repository.js';

let opened: TestContext;
let ctx: AppContext;

const ORGANIZATIONS_CSV = [
  'code,name,short_name,kind,parent_code,addresses',
  '000.00.00.H36,Ủy ban nhân dân tỉnh Lâm Đồng,UBND tỉnh,province,,vanthu.ubnd@demo.congvan.test',
  '000.00.02.H36,Sở Nội vụ,SNV,department,000.00.00.H36,vanthu.snv@demo.congvan.test',
  '000.00.07.H36,"Sở Văn hóa, Thể thao và Du lịch",SVHTTDL,department,000.00.00.H36,vanthu.svhttdl@demo.congvan.test',
  '000.00.11.H36,Sở Y tế,SYT,department,000.00.00.H36,vanthu.syt@demo.congvan.test',
  'H36.151,Ủy ban nhân dân xã Đam Rông,,commune,000.00.00.H36,vanthu.damrong@demo.congvan.test',
  'H36,Tổ công tác thử nghiệm,,other,000.00.00.H36,',
].join('\n');

const GROUPS_CSV = [
  'code,name,members',
  'so-ban-nganh,"Các sở, ban, ngành","000.00.02.H36; 000.00.07.H36; 000.00.11.H36"',
  'ubnd-cap-xa,UBND cấp xã,H36.151',
].join('\n');

beforeEach(async () => {
  opened = await openTestContext('congvan-group-import-');
  ctx = opened.ctx;
  await importDirectoryCsv(ctx, ORGANIZATIONS_CSV);
});

afterEach(async () => {
  await opened.close();
});

async function expectProblems(csv: string): Promise<ImportProblem[]> {
  const error = await importDirectoryCsv(ctx, csv).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(DirectoryImportError);

  return (error as DirectoryImportError).problems;
}

describe('importDirectoryCsv groups', () => {
  it('imports a groups sheet', async () => {
    const result = await importDirectoryCsv(ctx, GROUPS_CSV);

    expect(result).toEqual({ kind: 'groups', created: 2, updated: 0, unchanged: 0, credentials: [] });
    const departments = await findGroupByCode(ctx.db, 'so-ban-nganh');
    expect(departments?.name).toBe('Các sở, ban, ngành');
    expect(departments?.organizationCodes).toEqual(['000.00.02.H36', '000.00.07.H36', '000.00.11.H36']);
    expect(departments?.members.map((member) => member.name)).toContain('Sở Y tế');
    expect(departments?.version).toBe(1);
    expect((await findGroupByCode(ctx.db, 'ubnd-cap-xa'))?.organizationCodes).toEqual(['H36.151']);
  });

  it('reports all unchanged on second import', async () => {
    await importDirectoryCsv(ctx, GROUPS_CSV);
    const before = await listGroups(ctx.db);

    const result = await importDirectoryCsv(ctx, GROUPS_CSV);

    expect(result).toEqual({ kind: 'groups', created: 0, updated: 0, unchanged: 2, credentials: [] });
    expect(await listGroups(ctx.db)).toEqual(before);
  });

  it('treats member order and case as no change', async () => {
    await importDirectoryCsv(ctx, GROUPS_CSV);

    const reordered = GROUPS_CSV.replace('"000.00.02.H36; 000.00.07.H36; 000.00.11.H36"', '"000.00.11.h36,000.00.02.H36;000.00.07.H36"');
    const result = await importDirectoryCsv(ctx, reordered);

    expect(result.unchanged).toBe(2);
  });

  it('replaces the members of listed groups only', async () => {
    await importDirectoryCsv(ctx, GROUPS_CSV);

    const result = await importDirectoryCsv(ctx, ['code,name,members', 'so-ban-nganh,Các sở,000.00.11.H36;000.00.02.H36'].join('\n'));

    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const departments = await findGroupByCode(ctx.db, 'so-ban-nganh');
    expect(departments?.name).toBe('Các sở');
    expect(departments?.organizationCodes).toEqual(['000.00.02.H36', '000.00.11.H36']);
    expect(departments?.version).toBe(2);
    expect((await findGroupByCode(ctx.db, 'ubnd-cap-xa'))?.organizationCodes).toEqual(['H36.151']);
  });

  it('joins unquoted members of a semicolon file', async () => {
    const csv = ['code;name;members', 'so-ban-nganh;Các sở, ban, ngành;000.00.02.H36;000.00.07.H36'].join('\n');

    await importDirectoryCsv(ctx, csv);

    expect((await findGroupByCode(ctx.db, 'so-ban-nganh'))?.organizationCodes).toEqual(['000.00.02.H36', '000.00.07.H36']);
  });

  it('stores the code in lower case', async () => {
    await importDirectoryCsv(ctx, ['code,name,members', 'So-Ban-Nganh,Các sở,000.00.02.H36'].join('\n'));

    expect((await listGroups(ctx.db)).map((group) => group.code)).toEqual(['so-ban-nganh']);
  });

  it('exports groups that import unchanged', async () => {
    await importDirectoryCsv(ctx, GROUPS_CSV);

    const csv = await exportDirectoryCsv(ctx, 'groups');

    expect(csv.split('\r\n')).toEqual([
      '\uFEFFcode,name,members',
      'so-ban-nganh,"Các sở, ban, ngành",000.00.02.H36; 000.00.07.H36; 000.00.11.H36',
      'ubnd-cap-xa,UBND cấp xã,H36.151',
      '',
    ]);
    expect(await importDirectoryCsv(ctx, csv)).toMatchObject({ kind: 'groups', unchanged: 2 });
  });
});

describe('importDirectoryCsv bad group rows', () => {
  const cases: { name: string; row: string; line: number; column: string; text: string }[] = [
    { name: 'unknown organization', row: 'nhom-a,Nhóm A,000.00.02.H36;000.00.99.H36', line: 2, column: 'members', text: '000.00.99.H36' },
    { name: 'empty name', row: 'nhom-a,,000.00.02.H36', line: 2, column: 'name', text: 'Missing group name' },
    { name: 'empty members', row: 'nhom-a,Nhóm A,', line: 2, column: 'members', text: 'Missing member organizations' },
    { name: 'members of separators only', row: 'nhom-a,Nhóm A,";;"', line: 2, column: 'members', text: 'Missing member organizations' },
    { name: 'invalid code', row: 'Nhóm A,Nhóm A,000.00.02.H36', line: 2, column: 'code', text: 'Invalid group code' },
    { name: 'code with a dot', row: 'nhom.a,Nhóm A,000.00.02.H36', line: 2, column: 'code', text: 'Invalid group code' },
    { name: 'invalid member code', row: 'nhom-a,Nhóm A,"000.00.02.H36; sở nội vụ"', line: 2, column: 'members', text: '"sở nội vụ"' },
    { name: 'repeated member', row: 'nhom-a,Nhóm A,"000.00.02.H36; 000.00.02.h36"', line: 2, column: 'members', text: 'more than once' },
    { name: 'organization code as group code', row: 'h36,Nhóm H36,000.00.02.H36', line: 2, column: 'code', text: "an organization's code" },
  ];

  for (const { name, row, line, column, text } of cases) {
    it(`reports ${name}`, async () => {
      const problems = await expectProblems(['code,name,members', row].join('\n'));

      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ line, column });
      expect(problems[0]!.messageEn).toContain(text);
      expect(problems[0]!.message).not.toBe('');
    });
  }

  it('reports a duplicate code with both lines', async () => {
    const problems = await expectProblems(['code,name,members', 'nhom-a,Nhóm A,000.00.02.H36', 'nhom-b,Nhóm B,000.00.07.H36', 'NHOM-A,Nhóm A lần hai,000.00.11.H36'].join('\n'));

    expect(problems).toEqual([expect.objectContaining({ line: 4, column: 'code' })]);
    expect(problems[0]!.messageEn).toContain('already on line 2');
  });

  it('lists every bad row and imports nothing', async () => {
    await importDirectoryCsv(ctx, GROUPS_CSV);
    const before = await listGroups(ctx.db);

    const problems = await expectProblems(
      ['code,name,members', 'so-ban-nganh,Các sở,000.00.02.H36', 'nhom-moi,,000.00.02.H36', 'nhom-khac,Nhóm khác,000.00.98.H36', 'nhom-tot,Nhóm tốt,H36.151'].join('\n'),
    );

    expect(problems.map((problem) => problem.line)).toEqual([3, 4]);
    expect(await listGroups(ctx.db)).toEqual(before);
  });

  it('rejects an unknown column', async () => {
    const problems = await expectProblems(['code,name,members,kind', 'nhom-a,Nhóm A,000.00.02.H36,other'].join('\n'));

    expect(problems).toEqual([expect.objectContaining({ line: 1, column: 'kind' })]);
  });
});

describe('importDirectoryCsv organizations and groups', () => {
  it('rejects a new organization named like a group', async () => {
    await importDirectoryCsv(ctx, ['code,name,members', 'xa,Các xã,H36.151'].join('\n'));

    const problems = await expectProblems(['code,name,kind', 'XA,Ban thử nghiệm,other'].join('\n'));

    expect(problems).toEqual([expect.objectContaining({ line: 2, column: 'code' })]);
  });
});
