import { z } from 'zod';
import type { AppContext } from '../platform/app-context.js';
import { lockKeys } from '../platform/database/row-locks.js';
import {
  DirectoryImportError,
  isOrganizationCode,
  missingCellProblem,
  recordProblems,
  sortProblems,
  splitListCell,
  type CsvRecord,
  type ImportProblem,
  type ImportResult,
  parseSheetRows,
} from './directory-csv-format.js';
import { MAX_GROUP_CODE_LENGTH, MAX_GROUP_NAME_LENGTH, isGroupCode, normalizeGroupCode, normalizeMemberCode } from './group-fields.js';
import { GROUPS_LOCK_KEY, listGroups, upsertGroup, type Group } from './group-repository.js';
import { loadOrganizationIdsByCode } from './organization-repository.js';

/** One valid row, with member codes in upper case and sorted. */
interface GroupRow {
  line: number;
  code: string;
  name: string;
  memberCodes: string[];
}

const groupRowSchema = z.object({
  code: z.string().min(1).transform(normalizeGroupCode).refine(isGroupCode),
  name: z.string().min(1).max(MAX_GROUP_NAME_LENGTH),
  members: z
    .string()
    .transform((cell) => splitListCell(cell).map(normalizeMemberCode))
    .pipe(z.array(z.string().refine(isOrganizationCode)).min(1)),
});

const COLUMN_LABELS: Record<string, { vi: string; en: string }> = {
  code: { vi: 'mã nhóm', en: 'group code' },
  name: { vi: 'tên nhóm', en: 'group name' },
  members: { vi: 'danh sách cơ quan thành viên', en: 'member organizations' },
};

/**
 * Checks group rows against each other and the directory, then inserts or updates them by code in
 * one transaction. The file is the truth for the groups it lists: each listed group gets exactly
 * the members of its row. Groups that the file does not list are left alone. `problems` are those
 * already found while reading the file.
 */
export async function importGroupRecords(ctx: AppContext, records: CsvRecord[], problems: ImportProblem[]): Promise<ImportResult> {
  const { rows, problems: allProblems } = parseSheetRows(records, problems, parseGroupRecord);

  const now = ctx.clock.now().toISOString();

  return ctx.db.transaction().execute(async (trx) => {
    await lockKeys(trx, ctx.engine, [GROUPS_LOCK_KEY]);
    const organizationIds = await loadOrganizationIdsByCode(trx);
    const existing = new Map((await listGroups(trx)).map((group) => [group.code, group]));

    allProblems.push(...checkGroupRows(rows, organizationIds));
    if (allProblems.length > 0) throw new DirectoryImportError(sortProblems(allProblems));

    const result: ImportResult = { kind: 'groups', created: 0, updated: 0, unchanged: 0, credentials: [] };

    for (const row of rows) {
      const current = existing.get(row.code);
      if (current && sameGroup(row, current)) {
        result.unchanged++;
        continue;
      }

      const memberIds = row.memberCodes.map((code) => organizationIds.get(code)!);
      await upsertGroup(trx, row.code, row.name, memberIds, now, null);
      if (current) result.updated++;
      else result.created++;
    }

    return result;
  });
}

function parseGroupRecord(record: CsvRecord): { row: GroupRow } | { problems: ImportProblem[] } {
  const parsed = groupRowSchema.safeParse(record.values);

  if (!parsed.success) {
    return { problems: recordProblems(parsed.error.issues, record, cellProblem) };
  }

  const values = parsed.data;

  return {
    row: { line: record.line, code: values.code, name: values.name, memberCodes: [...values.members].sort() },
  };
}

function cellProblem(line: number, column: string, raw: string, item: string | undefined): ImportProblem {
  const label = COLUMN_LABELS[column];
  const isEmptyList = column === 'members' && splitListCell(raw).length === 0;
  if ((raw === '' || isEmptyList) && label) return missingCellProblem(line, column, label);

  switch (column) {
    case 'code':
      return {
        line,
        column,
        message: `Mã nhóm "${raw}" không hợp lệ: dùng chữ thường không dấu và chữ số, các từ nối bằng dấu gạch ngang, tối đa ${MAX_GROUP_CODE_LENGTH} ký tự, ví dụ so-ban-nganh.`,
        messageEn: `Invalid group code "${raw}": use lower-case ASCII letters and digits, words joined by hyphens, up to ${MAX_GROUP_CODE_LENGTH} characters, e.g. so-ban-nganh.`,
      };
    case 'name':
      return {
        line,
        column,
        message: `Tên nhóm dài hơn ${MAX_GROUP_NAME_LENGTH} ký tự: rút gọn tên.`,
        messageEn: `The group name is longer than ${MAX_GROUP_NAME_LENGTH} characters: shorten it.`,
      };
    default:
      return {
        line,
        column,
        message: `Mã cơ quan "${item ?? raw}" không hợp lệ: dùng mã định danh như 000.00.12.H36 hoặc H36.151, nhiều mã cách nhau bằng dấu ;.`,
        messageEn: `Invalid organization code "${item ?? raw}": use identifier codes such as 000.00.12.H36 or H36.151, separated by ;.`,
      };
  }
}

function checkGroupRows(rows: GroupRow[], organizationIds: Map<string, string>): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const firstLines = new Map<string, number>();

  for (const row of rows) {
    const firstLine = firstLines.get(row.code);
    if (firstLine !== undefined) {
      problems.push({
        line: row.line,
        column: 'code',
        message: `Mã nhóm ${row.code} đã có ở dòng ${firstLine}: mỗi nhóm chỉ ghi một dòng.`,
        messageEn: `Group code ${row.code} is already on line ${firstLine}: list each group once.`,
      });
    } else {
      firstLines.set(row.code, row.line);
    }

    if (organizationIds.has(row.code.toUpperCase())) {
      problems.push({
        line: row.line,
        column: 'code',
        message: `Mã nhóm ${row.code} trùng với mã một cơ quan: đặt mã nhóm khác, vì khi gửi văn bản mã đó chỉ tới cơ quan.`,
        messageEn: `Group code ${row.code} is an organization's code: choose another, because a recipient with that code means the organization.`,
      });
    }

    problems.push(...checkMembers(row, organizationIds));
  }

  return problems;
}

function checkMembers(row: GroupRow, organizationIds: Map<string, string>): ImportProblem[] {
  const problems: ImportProblem[] = [];

  const repeated = [...new Set(row.memberCodes.filter((code, index) => row.memberCodes.indexOf(code) !== index))];
  if (repeated.length > 0) {
    problems.push({
      line: row.line,
      column: 'members',
      message: `Mã cơ quan ${repeated.join(', ')} được ghi hơn một lần trong dòng: bỏ bớt.`,
      messageEn: `Organization ${repeated.join(', ')} ${repeated.length === 1 ? 'is' : 'are'} listed more than once in the row: remove the repeats.`,
    });
  }

  const unknown = [...new Set(row.memberCodes.filter((code) => !organizationIds.has(code)))];
  if (unknown.length > 0) {
    problems.push({
      line: row.line,
      column: 'members',
      message: `Không tìm thấy cơ quan ${unknown.join(', ')} trong danh bạ: nhập tệp cơ quan trước, hoặc sửa mã.`,
      messageEn: `${unknown.length === 1 ? 'Organization' : 'Organizations'} ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in the directory: import the organizations file first, or correct the ${unknown.length === 1 ? 'code' : 'codes'}.`,
    });
  }

  return problems;
}

function sameGroup(row: GroupRow, stored: Group): boolean {
  return row.name === stored.name && row.memberCodes.join('\n') === [...stored.organizationCodes].sort().join('\n');
}
