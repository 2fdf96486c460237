import type { AppContext } from '../platform/app-context.js';
import {
  DirectoryImportError,
  GROUP_CSV_COLUMNS,
  MAIL_ADDRESS_PATTERN,
  ORGANIZATION_CSV_COLUMNS,
  REQUIRED_CSV_COLUMNS,
  USER_CSV_COLUMNS,
  readDirectoryCsv,
  type CsvRecord,
  type CsvRow,
  type CsvTable,
  type DirectoryCsvKind,
  type ImportProblem,
  type ImportResult,
  isOrganizationCode,
} from './directory-csv-format.js';
import { importGroupRecords } from './group-csv-import.js';
import { importOrganizationRecords } from './organization-csv-import.js';
import { isRole } from './roles.js';
import { importUserRecords } from './user-csv-import.js';

export { DirectoryImportError, type ImportProblem, type ImportResult } from './directory-csv-format.js';

const COLUMNS_BY_KIND: Record<DirectoryCsvKind, readonly string[]> = {
  organizations: ORGANIZATION_CSV_COLUMNS,
  users: USER_CSV_COLUMNS,
  groups: GROUP_CSV_COLUMNS,
};

/**
 * List columns whose items are also separated by `;`: when a `;`-delimited file leaves such a
 * cell unquoted, its items spill into the next cells, and the import joins them back.
 */
const LIST_COLUMNS: Record<DirectoryCsvKind, { column: string; isItem: (cell: string) => boolean }> = {
  organizations: { column: 'addresses', isItem: (cell) => MAIL_ADDRESS_PATTERN.test(cell.toLowerCase()) },
  users: { column: 'roles', isItem: (cell) => isRole(cell.toLowerCase()) },
  groups: { column: 'members', isItem: (cell) => isOrganizationCode(cell.toUpperCase()) },
};

/**
 * Imports a directory CSV of organizations, users or groups, recognised by the header row. Every
 * row is checked before anything is written, and the rows are written in one transaction, so
 * a file with any bad row imports nothing and raises DirectoryImportError listing all of them.
 * Rows are inserted or updated by code or login; directory entries missing from the file stay.
 * A group row replaces that group's members.
 */
export async function importDirectoryCsv(ctx: AppContext, csvText: string): Promise<ImportResult> {
  const table = readDirectoryCsv(csvText);
  const kind = detectKind(table.header);
  const columns = readHeader(table.header, kind);

  const { records, problems } = toRecords(table, columns, kind);

  if (kind === 'organizations') {
    return importOrganizationRecords(ctx, records, problems);
  }
  if (kind === 'groups') {
    return importGroupRecords(ctx, records, problems);
  }

  return importUserRecords(ctx, records, problems);
}

function detectKind(header: CsvRow): DirectoryCsvKind {
  const names = header.cells.map(normalizeColumnName);
  if (names.includes('login')) return 'users';
  if (names.includes('members')) return 'groups';
  if (names.includes('code')) return 'organizations';

  throw new DirectoryImportError([
    {
      line: header.line,
      message: `Không nhận ra loại tệp: dòng tiêu đề cần các cột ${ORGANIZATION_CSV_COLUMNS.join(', ')} (danh bạ cơ quan), ${USER_CSV_COLUMNS.join(', ')} (người dùng) hoặc ${GROUP_CSV_COLUMNS.join(', ')} (nhóm).`,
      messageEn: `Unknown kind of file: the header needs the columns ${ORGANIZATION_CSV_COLUMNS.join(', ')} (organizations), ${USER_CSV_COLUMNS.join(', ')} (users) or ${GROUP_CSV_COLUMNS.join(', ')} (groups).`,
    },
  ]);
}

// "Short name", "short-name" and "SHORT_NAME" all name the column short_name.
function normalizeColumnName(cell: string): string {
  return cell.toLowerCase().replace(/[\s-]+/g, '_');
}

/** Maps each column name to its cell index, raising on unknown, repeated or missing columns. */
function readHeader(header: CsvRow, kind: DirectoryCsvKind): Map<string, number> {
  const known = COLUMNS_BY_KIND[kind];
  const columns = new Map<string, number>();
  const problems: ImportProblem[] = [];

  header.cells.forEach((cell, index) => {
    const name = normalizeColumnName(cell);

    if (name === '') {
      problems.push({
        line: header.line,
        message: `Cột thứ ${index + 1} không có tên: điền tên cột hoặc xóa cột đó.`,
        messageEn: `Column ${index + 1} has no name: name it or delete the column.`,
      });
    } else if (!known.includes(name)) {
      problems.push({
        line: header.line,
        column: cell,
        message: `Cột "${cell}" không có trong mẫu: các cột hợp lệ là ${known.join(', ')}.`,
        messageEn: `Unknown column "${cell}": the valid columns are ${known.join(', ')}.`,
      });
    } else if (columns.has(name)) {
      problems.push({
        line: header.line,
        column: name,
        message: `Cột "${name}" có hai lần trong dòng tiêu đề: xóa một cột.`,
        messageEn: `Column "${name}" appears twice in the header: delete one of them.`,
      });
    } else {
      columns.set(name, index);
    }
  });

  const missing = REQUIRED_CSV_COLUMNS[kind].filter((name) => !columns.has(name));
  if (missing.length > 0) {
    problems.push({
      line: header.line,
      column: missing.join(', '),
      message: `Thiếu cột bắt buộc ${missing.join(', ')}: thêm vào dòng tiêu đề.`,
      messageEn: `Missing required ${missing.length === 1 ? 'column' : 'columns'} ${missing.join(', ')}: add ${missing.length === 1 ? 'it' : 'them'} to the header.`,
    });
  }

  if (problems.length > 0) throw new DirectoryImportError(problems);

  return columns;
}

/** Names each row's cells by column, joining spilled list items and flagging surplus cells. */
function toRecords(table: CsvTable, columns: Map<string, number>, kind: DirectoryCsvKind): { records: CsvRecord[]; problems: ImportProblem[] } {
  const width = table.header.cells.length;
  const listColumn = LIST_COLUMNS[kind];
  const records: CsvRecord[] = [];
  const problems: ImportProblem[] = [];

  for (const row of table.rows) {
    let cells = row.cells;
    if (cells.length > width && table.delimiter === ';') {
      cells = joinSpilledListItems(cells, width, columns.get(listColumn.column), listColumn.isItem);
    }
    cells = dropTrailingEmptyCells(cells, width);

    if (cells.length > width) {
      problems.push({
        line: row.line,
        message: `Dòng có ${cells.length} ô nhưng tiêu đề chỉ có ${width} cột: xóa các ô thừa, hoặc đặt ô chứa dấu ${table.delimiter} trong dấu ngoặc kép.`,
        messageEn: `The row has ${cells.length} cells but the header has ${width} columns: delete the extra cells, or put a cell that contains ${table.delimiter} in double quotes.`,
      });
      continue;
    }

    const values: Partial<Record<string, string>> = {};
    for (const [name, index] of columns) {
      values[name] = cells[index] ?? '';
    }
    records.push({ line: row.line, values });
  }

  return { records, problems };
}

// Spreadsheets often write empty cells past the last column, which carry nothing.
function dropTrailingEmptyCells(cells: string[], width: number): string[] {
  let end = cells.length;
  while (end > width && cells[end - 1] === '') end--;

  return cells.slice(0, end);
}

function joinSpilledListItems(cells: string[], width: number, listIndex: number | undefined, isItem: (cell: string) => boolean): string[] {
  if (listIndex === undefined) return cells;

  const spill = cells.length - width;
  const items = cells.slice(listIndex, listIndex + spill + 1);
  if (!items.every((cell) => cell === '' || isItem(cell))) return cells;

  const joined = items.filter((cell) => cell !== '').join('; ');

  return [...cells.slice(0, listIndex), joined, ...cells.slice(listIndex + spill + 1)];
}
