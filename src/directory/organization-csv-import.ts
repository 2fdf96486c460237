import { z } from 'zod';
import type { AppContext } from '../platform/app-context.js';
import type { Db } from '../platform/database/connection.js';
import {
  DirectoryImportError,
  MAIL_ADDRESS_PATTERN,
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
import { ORGANIZATION_KINDS, ORGANIZATION_KIND_LABELS, type OrganizationKind } from './organization-kinds.js';
import { listOrganizations, upsertOrganization, type Organization, type OrganizationInput } from './organization-repository.js';

const MAX_NAME_LENGTH = 300;
const MAX_SHORT_NAME_LENGTH = 100;

/** One valid row. `undefined` means the column was left out of the file, so the stored value stays. */
interface OrganizationRow {
  line: number;
  code: string;
  name: string;
  shortName: string | null | undefined;
  kind: OrganizationKind;
  parentCode: string | null | undefined;
  addresses: string[] | undefined;
}

const emptyToNull = (value: string) => (value === '' ? null : value);

const organizationRowSchema = z.object({
  code: z.string().min(1).transform((value) => value.toUpperCase()).refine(isOrganizationCode),
  name: z.string().min(1).max(MAX_NAME_LENGTH),
  short_name: z.string().max(MAX_SHORT_NAME_LENGTH).transform(emptyToNull).optional(),
  kind: z.string().min(1).transform((value) => value.toLowerCase()).pipe(z.enum(ORGANIZATION_KINDS)),
  parent_code: z
    .string()
    .transform((value) => value.toUpperCase())
    .refine((value) => value === '' || isOrganizationCode(value))
    .transform(emptyToNull)
    .optional(),
  // The `+` is rejected because address look-ups drop a `+tag`, so such an address never matches.
  addresses: z
    .string()
    .transform((cell) => splitListCell(cell).map((address) => address.toLowerCase()))
    .pipe(z.array(z.string().regex(MAIL_ADDRESS_PATTERN).refine((address) => !address.includes('+'))))
    .optional(),
});

const COLUMN_LABELS: Record<string, { vi: string; en: string }> = {
  code: { vi: 'mã định danh', en: 'code' },
  name: { vi: 'tên cơ quan', en: 'organization name' },
  kind: { vi: 'loại cơ quan', en: 'organization kind' },
};

/**
 * Checks organization rows against each other and the directory, then inserts or updates them
 * by code in one transaction. `problems` are those already found while reading the file.
 */
export async function importOrganizationRecords(ctx: AppContext, records: CsvRecord[], problems: ImportProblem[]): Promise<ImportResult> {
  const { rows, problems: allProblems } = parseSheetRows(records, problems, parseOrganizationRecord);

  const fileCodes = new Set(records.map((record) => (record.values.code ?? '').toUpperCase()).filter((code) => code !== ''));
  const now = ctx.clock.now().toISOString();

  return ctx.db.transaction().execute(async (trx) => {
    const existing = new Map((await listOrganizations(trx)).map((organization) => [organization.code, organization]));

    allProblems.push(...checkOrganizationRows(rows, fileCodes, existing));
    allProblems.push(...checkGroupCodeClashes(rows, existing, await loadGroupCodes(trx)));
    if (allProblems.length > 0) throw new DirectoryImportError(sortProblems(allProblems));

    const result: ImportResult = { kind: 'organizations', created: 0, updated: 0, unchanged: 0, credentials: [] };
    const changes: OrganizationInput[] = [];

    for (const row of rows) {
      const current = existing.get(row.code);
      const target = mergeWithStored(row, current);

      if (!current) result.created++;
      else if (sameOrganization(target, current)) result.unchanged++;
      else result.updated++;

      if (!current || !sameOrganization(target, current)) changes.push(target);
    }

    await releaseMovingAddresses(trx, changes, existing);
    for (const change of changes) {
      await upsertOrganization(trx, change, now);
    }

    return result;
  });
}

function parseOrganizationRecord(record: CsvRecord): { row: OrganizationRow } | { problems: ImportProblem[] } {
  const parsed = organizationRowSchema.safeParse(record.values);

  if (!parsed.success) {
    return { problems: recordProblems(parsed.error.issues, record, cellProblem) };
  }

  const values = parsed.data;

  return {
    row: {
      line: record.line,
      code: values.code,
      name: values.name,
      shortName: values.short_name,
      kind: values.kind,
      parentCode: values.parent_code,
      addresses: values.addresses,
    },
  };
}

function cellProblem(line: number, column: string, raw: string, item: string | undefined): ImportProblem {
  const label = COLUMN_LABELS[column];
  if (raw === '' && label) return missingCellProblem(line, column, label);

  switch (column) {
    case 'code':
    case 'parent_code':
      return {
        line,
        column,
        message: `Mã "${raw}" không hợp lệ: dùng chữ số và chữ cái không dấu, các nhóm cách nhau bằng dấu chấm, tối đa 35 ký tự, ví dụ 000.00.12.H36 hoặc H36.151.`,
        messageEn: `Invalid code "${raw}": use digits and ASCII letters in groups separated by dots, up to 35 characters, e.g. 000.00.12.H36 or H36.151.`,
      };
    case 'name':
      return {
        line,
        column,
        message: `Tên cơ quan dài hơn ${MAX_NAME_LENGTH} ký tự: rút gọn tên.`,
        messageEn: `The organization name is longer than ${MAX_NAME_LENGTH} characters: shorten it.`,
      };
    case 'short_name':
      return {
        line,
        column,
        message: `Tên viết tắt dài hơn ${MAX_SHORT_NAME_LENGTH} ký tự: rút gọn tên viết tắt.`,
        messageEn: `The short name is longer than ${MAX_SHORT_NAME_LENGTH} characters: shorten it.`,
      };
    case 'kind':
      return {
        line,
        column,
        message: `Loại cơ quan "${raw}" không hợp lệ: dùng một trong ${ORGANIZATION_KINDS.map((kind) => `${kind} (${ORGANIZATION_KIND_LABELS[kind].vi})`).join(', ')}.`,
        messageEn: `Invalid organization kind "${raw}": use one of ${ORGANIZATION_KINDS.map((kind) => `${kind} (${ORGANIZATION_KIND_LABELS[kind].en})`).join(', ')}.`,
      };
    default:
      return {
        line,
        column,
        message: `Địa chỉ thư "${item ?? raw}" không hợp lệ: dùng dạng ten@ten-mien bằng chữ không dấu, không có dấu +, nhiều địa chỉ cách nhau bằng dấu ;.`,
        messageEn: `Invalid mail address "${item ?? raw}": use name@domain in ASCII without a +, and separate several addresses with ;.`,
      };
  }
}

/** Finds repeated codes, unknown or circular parents, and addresses claimed twice. */
function checkOrganizationRows(rows: OrganizationRow[], fileCodes: Set<string>, existing: Map<string, Organization>): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const rowsByCode = new Map<string, OrganizationRow>();

  for (const row of rows) {
    const first = rowsByCode.get(row.code);
    if (first) {
      problems.push({
        line: row.line,
        column: 'code',
        message: `Mã ${row.code} đã có ở dòng ${first.line}: mỗi cơ quan chỉ ghi một dòng.`,
        messageEn: `Code ${row.code} is already on line ${first.line}: list each organization once.`,
      });
      continue;
    }
    rowsByCode.set(row.code, row);
  }

  for (const row of rowsByCode.values()) {
    problems.push(...checkParent(row, fileCodes, rowsByCode, existing));
  }
  problems.push(...checkAddresses([...rowsByCode.values()], rowsByCode, existing));

  return problems;
}

/**
 * Finds new organizations whose code is also a group's code. Recipients match codes
 * case-insensitively and prefer the organization, so such a group could no longer be picked.
 */
function checkGroupCodeClashes(rows: OrganizationRow[], existing: Map<string, Organization>, groupCodes: Set<string>): ImportProblem[] {
  return rows
    .filter((row) => !existing.has(row.code) && groupCodes.has(row.code.toLowerCase()))
    .map((row) => ({
      line: row.line,
      column: 'code',
      message: `Mã ${row.code} đang là mã của một nhóm nơi nhận: sửa mã cơ quan, hoặc xóa nhóm đó rồi tạo lại với mã khác (trang Quản trị, thẻ Nhóm).`,
      messageEn: `Code ${row.code} is a recipient group's code: correct the organization code, or delete that group and create it again under another code (Administration, Groups).`,
    }));
}

async function loadGroupCodes(db: Db): Promise<Set<string>> {
  const groups = await db.selectFrom('groups').select('code').execute();

  return new Set(groups.map((group) => group.code.toLowerCase()));
}

function checkParent(row: OrganizationRow, fileCodes: Set<string>, rowsByCode: Map<string, OrganizationRow>, existing: Map<string, Organization>): ImportProblem[] {
  const parentCode = row.parentCode;
  if (!parentCode) return [];

  if (parentCode === row.code) {
    return [
      {
        line: row.line,
        column: 'parent_code',
        message: `Cơ quan ${row.code} không thể là cấp trên của chính nó: sửa ô parent_code hoặc để trống.`,
        messageEn: `Organization ${row.code} cannot be its own parent: correct parent_code or leave it empty.`,
      },
    ];
  }

  if (!fileCodes.has(parentCode) && !existing.has(parentCode)) {
    return [
      {
        line: row.line,
        column: 'parent_code',
        message: `Không tìm thấy cơ quan cấp trên ${parentCode} trong tệp hoặc danh bạ: thêm một dòng cho cơ quan đó hoặc sửa mã.`,
        messageEn: `Parent organization ${parentCode} is neither in the file nor in the directory: add a row for it or correct the code.`,
      },
    ];
  }

  const parentOf = (code: string) => {
    const fileRow = rowsByCode.get(code);
    if (fileRow && fileRow.parentCode !== undefined) return fileRow.parentCode;

    return existing.get(code)?.parentCode ?? null;
  };

  const chain = [row.code];
  for (let code = parentCode; code; code = parentOf(code) ?? '') {
    chain.push(code);
    if (code === row.code) {
      return [
        {
          line: row.line,
          column: 'parent_code',
          message: `Quan hệ cấp trên tạo thành vòng ${chain.join(' → ')}: sửa ô parent_code.`,
          messageEn: `The parents form a loop ${chain.join(' → ')}: correct parent_code.`,
        },
      ];
    }
    if (chain.length > fileCodes.size + existing.size + 1) break;
  }

  return [];
}

function checkAddresses(rows: OrganizationRow[], rowsByCode: Map<string, OrganizationRow>, existing: Map<string, Organization>): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const ownerInDirectory = new Map<string, Organization>();
  for (const organization of existing.values()) {
    for (const { address } of organization.addresses) ownerInDirectory.set(address, organization);
  }

  const claimedInFile = new Map<string, OrganizationRow>();
  for (const row of rows) {
    for (const address of row.addresses ?? []) {
      const claimant = claimedInFile.get(address);

      if (claimant === row) {
        problems.push(addressProblem(row.line, `Địa chỉ ${address} được ghi hai lần trong dòng: bỏ bớt một lần.`, `Address ${address} is listed twice in the row: remove one.`));
        continue;
      }
      if (claimant) {
        problems.push(
          addressProblem(
            row.line,
            `Địa chỉ ${address} đã dùng cho cơ quan ${claimant.code} ở dòng ${claimant.line}: mỗi địa chỉ chỉ thuộc một cơ quan.`,
            `Address ${address} already belongs to ${claimant.code} on line ${claimant.line}: an address belongs to one organization only.`,
          ),
        );
        continue;
      }
      claimedInFile.set(address, row);

      // An address may move to another organization when the file also lists its owner's new addresses.
      const owner = ownerInDirectory.get(address);
      const ownerRow = owner ? rowsByCode.get(owner.code) : undefined;
      if (owner && owner.code !== row.code && ownerRow?.addresses === undefined) {
        problems.push(
          addressProblem(
            row.line,
            `Địa chỉ ${address} đang thuộc cơ quan ${owner.name} (${owner.code}): dùng địa chỉ khác, hoặc thêm cơ quan đó vào tệp với danh sách địa chỉ không còn địa chỉ này.`,
            `Address ${address} belongs to ${owner.name} (${owner.code}): use another address, or add that organization to the file with addresses that leave this one out.`,
          ),
        );
      }
    }
  }

  return problems;
}

function addressProblem(line: number, message: string, messageEn: string): ImportProblem {
  return { line, column: 'addresses', message, messageEn };
}

function mergeWithStored(row: OrganizationRow, stored: Organization | undefined): OrganizationInput {
  return {
    code: row.code,
    name: row.name,
    shortName: row.shortName !== undefined ? row.shortName : (stored?.shortName ?? null),
    kind: row.kind,
    parentCode: row.parentCode !== undefined ? row.parentCode : (stored?.parentCode ?? null),
    addresses: row.addresses ?? (stored ? storedAddresses(stored) : []),
  };
}

/** Stored addresses with the primary first, the order that upsertOrganization expects. */
function storedAddresses(organization: Organization): string[] {
  const primary = organization.addresses.filter((address) => !address.isAlias);
  const aliases = organization.addresses.filter((address) => address.isAlias);

  return [...primary, ...aliases].map(({ address }) => address);
}

function sameOrganization(target: OrganizationInput, stored: Organization): boolean {
  const storedList = storedAddresses(stored);
  const sameAddresses =
    target.addresses[0] === storedList[0] &&
    target.addresses.length === storedList.length &&
    [...target.addresses.slice(1)].sort().join('\n') === [...storedList.slice(1)].sort().join('\n');

  return (
    target.name === stored.name &&
    target.shortName === stored.shortName &&
    target.kind === stored.kind &&
    target.parentCode === stored.parentCode &&
    sameAddresses
  );
}

/** Deletes addresses that move between organizations, so that the new owner can insert them. */
async function releaseMovingAddresses(db: Db, changes: OrganizationInput[], existing: Map<string, Organization>): Promise<void> {
  const ownerCodes = new Map<string, string>();
  for (const organization of existing.values()) {
    for (const { address } of organization.addresses) ownerCodes.set(address, organization.code);
  }

  const moving = changes.flatMap((change) =>
    change.addresses.filter((address) => {
      const ownerCode = ownerCodes.get(address);

      return ownerCode !== undefined && ownerCode !== change.code;
    }),
  );

  if (moving.length > 0) {
    await db.deleteFrom('organization_addresses').where('address', 'in', moving).execute();
  }
}
