import { describe, expect, it } from 'vitest';
import { DirectoryImportError, formatCsvRecord, readDirectoryCsv, splitListCell } from './directory-csv-format.js';

describe('readDirectoryCsv', () => {
  it('detects the delimiter from the header', () => {
    expect(readDirectoryCsv('a,b,c\n1,2,3').delimiter).toBe(',');
    expect(readDirectoryCsv('a;b;c\n1;"2,5";3').delimiter).toBe(';');
    expect(readDirectoryCsv('a\tb\n1\t2').delimiter).toBe('\t');
  });

  it('strips the byte order mark', () => {
    const table = readDirectoryCsv('\uFEFFcode;name\r\nX;Y\r\n');

    expect(table.header.cells).toEqual(['code', 'name']);
    expect(table.rows).toEqual([{ line: 2, cells: ['X', 'Y'] }]);
  });

  it('numbers rows by their first line', () => {
    const table = readDirectoryCsv('a,b\n1,"two\nlines"\n\n3,4\r\n5,6\n');

    expect(table.rows.map((row) => row.line)).toEqual([2, 5, 6]);
  });

  it('counts an Excel sep= line', () => {
    const table = readDirectoryCsv('sep=;\na;b\n1;2\n');

    expect(table.delimiter).toBe(';');
    expect(table.header).toEqual({ line: 2, cells: ['a', 'b'] });
    expect(table.rows).toEqual([{ line: 3, cells: ['1', '2'] }]);
  });

  it('skips rows of empty cells', () => {
    const table = readDirectoryCsv('a;b\n;\n 1 ; 2 \n; \n');

    expect(table.rows).toEqual([{ line: 3, cells: ['1', '2'] }]);
  });

  it('normalises cells to NFC', () => {
    const table = readDirectoryCsv(`name\n${'Đà Lạt'.normalize('NFD')}\n`);

    expect(table.rows[0]?.cells[0]).toBe('Đà Lạt'.normalize('NFC'));
  });

  it('raises on an unclosed quote', () => {
    expect(() => readDirectoryCsv('a,b\n1,"2\n')).toThrow(DirectoryImportError);
  });
});

describe('formatCsvRecord', () => {
  it('quotes only cells that need it', () => {
    expect(formatCsvRecord(['plain', 'a, b', 'say "hi"', 'two\nlines', ''])).toBe('plain,"a, b","say ""hi""","two\nlines",');
  });

  it('round-trips through readDirectoryCsv', () => {
    const cells = ['Sở Văn hóa, Thể thao và Du lịch', 'Ban "Đặc biệt"', "D'Ran", 'a; b'];
    const table = readDirectoryCsv(`h1,h2,h3,h4\r\n${formatCsvRecord(cells)}\r\n`);

    expect(table.rows[0]?.cells).toEqual(cells);
  });
});

describe('splitListCell', () => {
  it('splits on semicolons and commas', () => {
    expect(splitListCell(' a@x.vn; b@x.vn ,c@x.vn;; ')).toEqual(['a@x.vn', 'b@x.vn', 'c@x.vn']);
  });
});
