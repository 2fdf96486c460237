import type { AppContext } from '../platform/app-context.js';
import { GROUP_CSV_COLUMNS, LIST_SEPARATOR, ORGANIZATION_CSV_COLUMNS, USER_CSV_COLUMNS, formatCsvRecord, type DirectoryCsvKind } from './directory-csv-format.js';
import { listGroups } from './group-repository.js';
import { listOrganizations } from './organization-repository.js';
import { ROLES } from './roles.js';
import { listUsers } from './user-repository.js';

// Excel reads a CSV without a byte order mark in the legacy ANSI code page, which garbles
// Vietnamese. importDirectoryCsv accepts the mark.
const BYTE_ORDER_MARK = '\uFEFF';
const LINE_END = '\r\n';
const LIST_JOINER = `${LIST_SEPARATOR} `;

const HEADERS: Record<DirectoryCsvKind, readonly string[]> = {
  organizations: ORGANIZATION_CSV_COLUMNS,
  users: USER_CSV_COLUMNS,
  groups: GROUP_CSV_COLUMNS,
};

/**
 * Writes the organizations, users or groups of the directory as CSV with the columns that
 * importDirectoryCsv reads, so that importing the output changes nothing. The file is UTF-8
 * with a byte order mark, comma-delimited, CRLF line ends, rows ordered by code or login.
 * Passwords and disabled flags are not exported.
 */
export async function exportDirectoryCsv(ctx: AppContext, kind: DirectoryCsvKind): Promise<string> {
  const records = await recordsOf(ctx, kind);
  const header = HEADERS[kind];

  const lines = [header, ...records].map((cells) => formatCsvRecord(cells));

  return BYTE_ORDER_MARK + lines.map((line) => line + LINE_END).join('');
}

function recordsOf(ctx: AppContext, kind: DirectoryCsvKind): Promise<string[][]> {
  if (kind === 'organizations') return organizationRecords(ctx);
  if (kind === 'groups') return groupRecords(ctx);

  return userRecords(ctx);
}

async function organizationRecords(ctx: AppContext): Promise<string[][]> {
  const organizations = await listOrganizations(ctx.db);

  return organizations.map((organization) => {
    const primary = organization.addresses.filter((address) => !address.isAlias);
    const aliases = organization.addresses.filter((address) => address.isAlias);

    return [
      organization.code,
      organization.name,
      organization.shortName ?? '',
      organization.kind,
      organization.parentCode ?? '',
      [...primary, ...aliases].map(({ address }) => address).join(LIST_JOINER),
    ];
  });
}

async function userRecords(ctx: AppContext): Promise<string[][]> {
  const users = await listUsers(ctx.db);

  return users.map((user) => [
    user.login,
    user.fullName,
    user.organizationCode,
    ROLES.filter((role) => user.roles.includes(role)).join(LIST_JOINER),
    user.email ?? '',
  ]);
}

async function groupRecords(ctx: AppContext): Promise<string[][]> {
  const groups = await listGroups(ctx.db);

  return groups.map((group) => [group.code, group.name, group.organizationCodes.join(LIST_JOINER)]);
}
