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
import { generatePassword, hashPassword } from './passwords.js';
import { ROLES, type Role } from './roles.js';
import { listUsers, upsertUser, type User } from './user-repository.js';

const LOGIN_PATTERN = /^[a-z0-9._-]{3,64}$/;
const MAX_FULL_NAME_LENGTH = 200;

const ROLE_LABELS: Record<Role, string> = {
  clerk: 'văn thư',
  staff: 'chuyên viên',
  leader: 'lãnh đạo',
  monitor: 'giám sát',
  admin: 'quản trị',
};

/** One valid row. `email` is `undefined` when the column was left out, so the stored value stays. */
interface UserRow {
  line: number;
  login: string;
  fullName: string;
  organizationCode: string;
  roles: Role[];
  email: string | null | undefined;
}

const userRowSchema = z.object({
  login: z.string().min(1).regex(LOGIN_PATTERN),
  full_name: z.string().min(1).max(MAX_FULL_NAME_LENGTH),
  organization_code: z.string().min(1).transform((value) => value.toUpperCase()).refine(isOrganizationCode),
  roles: z
    .string()
    .transform((cell) => splitListCell(cell).map((role) => role.toLowerCase()))
    .pipe(z.array(z.enum(ROLES)).min(1)),
  email: z
    .string()
    .transform((value) => value.toLowerCase())
    .refine((value) => value === '' || MAIL_ADDRESS_PATTERN.test(value))
    .transform((value) => (value === '' ? null : value))
    .optional(),
});

const COLUMN_LABELS: Record<string, { vi: string; en: string }> = {
  login: { vi: 'tên đăng nhập', en: 'login' },
  full_name: { vi: 'họ và tên', en: 'full name' },
  organization_code: { vi: 'mã cơ quan', en: 'organization code' },
  roles: { vi: 'vai trò', en: 'roles' },
};

interface DirectorySnapshot {
  organizationIds: Map<string, string>;
  users: Map<string, User & { organizationCode: string }>;
}

/**
 * Checks user rows and inserts or updates them by login in one transaction. A new user gets a
 * generated password, returned once in `credentials`. An existing user keeps their password.
 * `problems` are those already found while reading the file.
 */
export async function importUserRecords(ctx: AppContext, records: CsvRecord[], problems: ImportProblem[]): Promise<ImportResult> {
  const { rows, problems: rowProblems } = parseSheetRows(records, problems, parseUserRecord);

  // Check before hashing, so that a bad file fails fast. The transaction checks again because
  // the directory may change while the passwords are hashed.
  const before = await loadSnapshot(ctx.db);
  throwIfProblems([...rowProblems, ...checkUserRows(rows, before)]);

  const passwords = await preparePasswords(rows.filter((row) => !before.users.has(row.login)));
  const now = ctx.clock.now().toISOString();

  return ctx.db.transaction().execute(async (trx) => {
    const snapshot = await loadSnapshot(trx);
    throwIfProblems(checkUserRows(rows, snapshot));

    const result: ImportResult = { kind: 'users', created: 0, updated: 0, unchanged: 0, credentials: [] };

    for (const row of rows) {
      const current = snapshot.users.get(row.login);
      const input = {
        login: row.login,
        fullName: row.fullName,
        email: row.email !== undefined ? row.email : (current?.email ?? null),
        organizationId: snapshot.organizationIds.get(row.organizationCode)!,
        roles: row.roles,
      };

      if (current && sameUser(input, current)) {
        result.unchanged++;
        continue;
      }

      if (current) {
        await upsertUser(trx, input, null, now);
        result.updated++;
        continue;
      }

      const password = passwords.get(row.login) ?? (await preparePasswords([row])).get(row.login)!;
      await upsertUser(trx, input, password.hash, now);
      result.created++;
      result.credentials.push({ login: row.login, password: password.password });
    }

    return result;
  });
}

function parseUserRecord(record: CsvRecord): { row: UserRow } | { problems: ImportProblem[] } {
  const parsed = userRowSchema.safeParse(record.values);

  if (!parsed.success) {
    return { problems: recordProblems(parsed.error.issues, record, cellProblem) };
  }

  const values = parsed.data;

  return {
    row: {
      line: record.line,
      login: values.login,
      fullName: values.full_name,
      organizationCode: values.organization_code,
      // One order for every import, so that reordering the cell is not a change.
      roles: ROLES.filter((role) => values.roles.includes(role)),
      email: values.email,
    },
  };
}

function cellProblem(line: number, column: string, raw: string, item: string | undefined): ImportProblem {
  const label = COLUMN_LABELS[column];
  if (raw === '' && label) return missingCellProblem(line, column, label);

  switch (column) {
    case 'login':
      return {
        line,
        column,
        message: `Tên đăng nhập "${raw}" không hợp lệ: dùng 3 đến 64 ký tự gồm chữ thường không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang.`,
        messageEn: `Invalid login "${raw}": use 3 to 64 characters of lower-case ASCII letters, digits, dots, underscores or hyphens.`,
      };
    case 'full_name':
      return {
        line,
        column,
        message: `Họ và tên dài hơn ${MAX_FULL_NAME_LENGTH} ký tự: rút gọn.`,
        messageEn: `The full name is longer than ${MAX_FULL_NAME_LENGTH} characters: shorten it.`,
      };
    case 'organization_code':
      return {
        line,
        column,
        message: `Mã cơ quan "${raw}" không hợp lệ: dùng mã định danh như 000.00.12.H36 hoặc H36.151.`,
        messageEn: `Invalid organization code "${raw}": use an identifier code such as 000.00.12.H36 or H36.151.`,
      };
    case 'roles':
      return {
        line,
        column,
        message: `Vai trò "${item ?? raw}" không hợp lệ: dùng ${ROLES.map((role) => `${role} (${ROLE_LABELS[role]})`).join(', ')}, nhiều vai trò cách nhau bằng dấu ;.`,
        messageEn: `Invalid role "${item ?? raw}": use ${ROLES.join(', ')}, and separate several roles with ;.`,
      };
    default:
      return {
        line,
        column,
        message: `Địa chỉ thư "${raw}" không hợp lệ: dùng dạng ten@ten-mien bằng chữ không dấu, hoặc để trống.`,
        messageEn: `Invalid mail address "${raw}": use name@domain in ASCII, or leave it empty.`,
      };
  }
}

function checkUserRows(rows: UserRow[], snapshot: DirectorySnapshot): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const firstLines = new Map<string, number>();

  for (const row of rows) {
    const firstLine = firstLines.get(row.login);
    if (firstLine !== undefined) {
      problems.push({
        line: row.line,
        column: 'login',
        message: `Tên đăng nhập ${row.login} đã có ở dòng ${firstLine}: mỗi người dùng chỉ ghi một dòng.`,
        messageEn: `Login ${row.login} is already on line ${firstLine}: list each user once.`,
      });
    } else {
      firstLines.set(row.login, row.line);
    }

    if (!snapshot.organizationIds.has(row.organizationCode)) {
      problems.push({
        line: row.line,
        column: 'organization_code',
        message: `Không tìm thấy cơ quan ${row.organizationCode} trong danh bạ: nhập tệp cơ quan trước, hoặc sửa mã.`,
        messageEn: `Organization ${row.organizationCode} is not in the directory: import the organizations file first, or correct the code.`,
      });
    }
  }

  return problems;
}

function throwIfProblems(problems: ImportProblem[]): void {
  if (problems.length > 0) throw new DirectoryImportError(sortProblems(problems));
}

async function loadSnapshot(db: Db): Promise<DirectorySnapshot> {
  const organizations = await db.selectFrom('organizations').select(['id', 'code']).execute();
  const users = await listUsers(db);

  return {
    organizationIds: new Map(organizations.map((organization) => [organization.code, organization.id])),
    users: new Map(users.map((user) => [user.login, user])),
  };
}

/** Generates and hashes passwords in parallel, because each argon2 hash is deliberately slow. */
async function preparePasswords(rows: UserRow[]): Promise<Map<string, { password: string; hash: string }>> {
  const prepared = await Promise.all(
    rows.map(async (row) => {
      const password = generatePassword();

      return [row.login, { password, hash: await hashPassword(password) }] as const;
    }),
  );

  return new Map(prepared);
}

function sameUser(input: { fullName: string; email: string | null; organizationId: string; roles: Role[] }, stored: User): boolean {
  return (
    input.fullName === stored.fullName &&
    input.email === stored.email &&
    input.organizationId === stored.organizationId &&
    input.roles.join(';') === ROLES.filter((role) => stored.roles.includes(role)).join(';')
  );
}
