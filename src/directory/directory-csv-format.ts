import { CsvError, parse } from 'csv-parse/sync';
import { AppError } from '../platform/errors.js';

// The directory spreadsheet that a clerk keeps, saved as CSV: one file of organizations, one of
// users, one of groups. Import and export share these columns so that an exported file imports
// unchanged.

export type DirectoryCsvKind = 'organizations' | 'users' | 'groups';

export const DIRECTORY_CSV_KINDS: readonly DirectoryCsvKind[] = ['organizations', 'users', 'groups'];

export const ORGANIZATION_CSV_COLUMNS = ['code', 'name', 'short_name', 'kind', 'parent_code', 'addresses'] as const;
export const USER_CSV_COLUMNS = ['login', 'full_name', 'organization_code', 'roles', 'email'] as const;
export const GROUP_CSV_COLUMNS = ['code', 'name', 'members'] as const;

/** Columns a file must have. A left-out optional column keeps the stored values of existing rows. */
export const REQUIRED_CSV_COLUMNS: Record<DirectoryCsvKind, readonly string[]> = {
  organizations: ['code', 'name', 'kind'],
  users: ['login', 'full_name', 'organization_code', 'roles'],
  groups: ['code', 'name', 'members'],
};

/** Separator of the items in a list cell (addresses, roles, members). Import also accepts a comma. */
export const LIST_SEPARATOR = ';';

export interface ImportProblem {
  /** CSV line where the row starts. The header is line 1. */
  line: number;
  column?: string;
  message: string;
  messageEn: string;
}

/**
 * Raised when a directory CSV cannot be imported. `problems` lists every bad row with its line
 * and the fix. Nothing was written, so the caller fixes the file and imports it again.
 */
export class DirectoryImportError extends AppError {
  constructor(readonly problems: ImportProblem[]) {
    const count = problems.length;
    super(
      'invalid-input',
      `Tệp CSV có ${count} lỗi, chưa nhập dòng nào. Sửa các dòng được liệt kê rồi nhập lại.`,
      `The CSV file has ${count} ${count === 1 ? 'problem' : 'problems'} and nothing was imported. Fix the listed lines and import it again.`,
    );
  }
}

/** Counts of one import. */
export interface ImportResult {
  kind: DirectoryCsvKind;
  created: number;
  updated: number;
  unchanged: number;
  /** Generated passwords of the users this import created, returned only here. Existing users keep theirs. */
  credentials: { login: string; password: string }[];
}

/** One data row by column name. A column left out of the file has no entry. */
export interface CsvRecord {
  line: number;
  values: Partial<Record<string, string>>;
}

/**
 * Mã định danh: groups of digits and ASCII letters separated by dots, either the 13-character
 * `000.00.12.H36` of QCVN 102:2016/BTTTT or the dotted `H36.151` form, up to 35 characters.
 */
export const ORGANIZATION_CODE_PATTERN = /^[A-Z0-9]+(?:\.[A-Z0-9]+)*$/;
export const MAX_ORGANIZATION_CODE_LENGTH = 35;

/** A mailbox address in ASCII, lower case: dot-separated local part, a domain of two or more labels. */
export const MAIL_ADDRESS_PATTERN = /^[a-z0-9_+-]+(?:\.[a-z0-9_+-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/;

export function isOrganizationCode(value: string): boolean {
  return value.length <= MAX_ORGANIZATION_CODE_LENGTH && ORGANIZATION_CODE_PATTERN.test(value);
}

/** Builds the problem for an empty cell in a required column. */
export function missingCellProblem(line: number, column: string, label: { vi: string; en: string }): ImportProblem {
  return {
    line,
    column,
    message: `Thiếu ${label.vi}: điền ô ${column}.`,
    messageEn: `Missing ${label.en}: fill in the ${column} cell.`,
  };
}

/**
 * Parses every record of a sheet, keeping the rows that parsed and adding the problems of the
 * others to those already found while reading the file.
 */
export function parseSheetRows<Row>(
  records: readonly CsvRecord[],
  problems: readonly ImportProblem[],
  parse: (record: CsvRecord) => { row: Row } | { problems: ImportProblem[] },
): { rows: Row[]; problems: ImportProblem[] } {
  const rows: Row[] = [];
  const allProblems = [...problems];

  for (const record of records) {
    const parsed = parse(record);
    if ('problems' in parsed) allProblems.push(...parsed.problems);
    else rows.push(parsed.row);
  }

  return { rows, problems: allProblems };
}

/**
 * Turns zod issues of one record into one problem per column, naming the bad item of a list
 * cell when the issue points into the list.
 */
export function recordProblems(
  issues: readonly { path: readonly PropertyKey[] }[],
  record: CsvRecord,
  cellProblem: (line: number, column: string, raw: string, item: string | undefined) => ImportProblem,
): ImportProblem[] {
  const problems = new Map<string, ImportProblem>();

  for (const issue of issues) {
    const column = String(issue.path[0]);
    if (problems.has(column)) continue;

    const raw = record.values[column] ?? '';
    const index = issue.path[1];
    const item = typeof index === 'number' ? splitListCell(raw)[index] : undefined;
    problems.set(column, cellProblem(record.line, column, raw, item));
  }

  return [...problems.values()];
}

/** Orders problems by line, keeping the order within a line (Array.prototype.sort is stable). */
export function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  return [...problems].sort((a, b) => a.line - b.line);
}

export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvTable {
  delimiter: string;
  header: CsvRow;
  rows: CsvRow[];
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * Parses CSV text into trimmed, NFC-normalised cells with the line where each row starts.
 * Accepts a UTF-8 byte order mark, CRLF or LF line ends, and `,`, `;` or tab as delimiter,
 * chosen from the header line: Excel in the Vietnamese locale writes `;`. An Excel `sep=;`
 * first line is honoured. Rows whose cells are all empty are skipped.
 */
export function readDirectoryCsv(text: string): CsvTable {
  let body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let lineOffset = 0;
  let delimiter: string;

  const firstLine = body.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const sepLine = /^sep=(.)\s*$/i.exec(firstLine);
  if (sepLine) {
    delimiter = sepLine[1]!;
    body = body.slice(firstLine.length).replace(/^(\r\n|\n|\r)/, '');
    lineOffset = 1;
  } else {
    delimiter = detectDelimiter(firstLine);
  }

  const records = parseRecords(body, delimiter, lineOffset);
  const [header, ...rows] = records;
  if (!header) {
    throw new DirectoryImportError([
      {
        line: 1,
        message: 'Tệp CSV trống: dòng đầu tiên phải là dòng tiêu đề với tên các cột.',
        messageEn: 'The CSV file is empty: its first line must be the header with the column names.',
      },
    ]);
  }

  return { delimiter, header, rows };
}

function detectDelimiter(headerLine: string): string {
  let best: string = ',';
  let bestCount = 0;

  for (const candidate of DELIMITERS) {
    const count = headerLine.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }

  return best;
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

function parseRecords(body: string, delimiter: string, lineOffset: number): CsvRow[] {
  let parsed: ParsedRecord[];
  try {
    // csv-parse 7 types the result as string[][] even when `info: true` wraps each record.
    parsed = parse(body, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;

    const line = lineOffset + ((error as CsvError & { lines?: number }).lines ?? 1);
    throw new DirectoryImportError([
      {
        line,
        message: `Tệp CSV sai cú pháp gần dòng ${line} (${error.code}): kiểm tra dấu ngoặc kép, ô có dấu ngoặc kép phải mở và đóng bằng ".`,
        messageEn: `The CSV file is malformed near line ${line} (${error.code}): check the quotes, a quoted cell must open and close with ".`,
      },
    ]);
  }

  const rows: CsvRow[] = [];
  for (const { record, info } of parsed) {
    const cells = record.map((cell) => cell.trim().normalize('NFC'));
    if (cells.every((cell) => cell === '')) continue;

    // csv-parse reports the line where a record ends; a quoted cell may span several lines.
    const lineBreaks = record.reduce((sum, cell) => sum + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
    rows.push({ line: lineOffset + info.lines - lineBreaks, cells });
  }

  return rows;
}

/** Formats one CSV record, quoting a cell that contains the delimiter, a quote or a line break. */
export function formatCsvRecord(cells: readonly string[], delimiter = ','): string {
  return cells
    .map((cell) => {
      const needsQuotes = cell.includes(delimiter) || /["\r\n]/.test(cell);

      return needsQuotes ? `"${cell.replaceAll('"', '""')}"` : cell;
    })
    .join(delimiter);
}

/** Splits a list cell (addresses, roles, members) on `;` or `,`, dropping empty items. */
export function splitListCell(cell: string): string[] {
  return cell
    .split(/[;,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
