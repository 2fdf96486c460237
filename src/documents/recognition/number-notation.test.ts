import { describe, expect, test } from 'vitest';

import { findNumberInText, notationPrefix, parseNumberLine } from './number-notation.js';

describe('parseNumberLine', () => {
  test.each([
    ['Số: 3141/UBND-VX', '3141', 'UBND-VX'],
    ['Số: 3141 /UBND-VX', '3141', 'UBND-VX'],
    ['Số : 3141/ UBND-VX', '3141', 'UBND-VX'],
    ['Số 3141/UBND-VX', '3141', 'UBND-VX'],
    ['Số:3141/UBND-VX', '3141', 'UBND-VX'],
    ['So: 3141/UBND-VX', '3141', 'UBND-VX'],
    ['SỐ: 3141/UBND-VX', '3141', 'UBND-VX'],
    ['Số: 3141/UBND - VX', '3141', 'UBND-VX'],
    ['Số: 05/GM-UBND', '05', 'GM-UBND'],
    ['Số: 123/QĐ-UBND', '123', 'QĐ-UBND'],
    ['Số: 45/TTr-SNN&PTNT', '45', 'TTr-SNN&PTNT'],
    ['Số: 4011/UBND-VX2', '4011', 'UBND-VX2'],
    ['Số: 12/2026/QĐ-UBND', '12', '2026/QĐ-UBND'],
    ['Số: 1187/SNV-CCVC.', '1187', 'SNV-CCVC'],
    ['Số: 12a/UBND-VP', '12a', 'UBND-VP'],
    ['Số:       /UBND-VX', null, 'UBND-VX'],
    ['Số:\u00a03141/UBND-VX', '3141', 'UBND-VX'],
    ['Số: 3141/UBND-VX'.normalize('NFD'), '3141', 'UBND-VX'],
  ])('reads %j', (line, number, notation) => {
    expect(parseNumberLine(line)).toEqual({ number, notation });
  });

  test('keeps Vietnamese letters of the notation composed', () => {
    expect(parseNumberLine('Số: 7/QĐ-UBND'.normalize('NFD'))?.notation).toBe('QĐ-UBND');
  });

  test.each(['Số lượng đơn vị: 12', 'Số liệu báo cáo', 'Sở Nội vụ', 'Số: 12', 'V/v cử công chức', ''])('rejects %j', (line) => {
    expect(parseNumberLine(line)).toBeNull();
  });
});

describe('findNumberInText', () => {
  test.each([
    ['Công văn số 3141/UBND-VX ngày 16/6/2011', '3141', 'UBND-VX'],
    ['Fwd: Giấy mời số 88/GM-UBND', '88', 'GM-UBND'],
    ['GỬI SỐ: 05 / GM-UBND', '05', 'GM-UBND'],
  ])('finds %j', (text, number, notation) => {
    expect(findNumberInText(text)).toEqual({ number, notation });
  });

  test('ignores a subject without number', () => {
    expect(findNumberInText('Báo cáo chuyển đổi số quý IV')).toBeNull();
  });
});

describe('notationPrefix', () => {
  test.each([
    ['GM-UBND', 'GM'],
    ['2026/QĐ-UBND', 'QĐ'],
    ['UBND-VX', 'UBND'],
    ['TTr-SNN&PTNT', 'TTr'],
  ])('reads %s', (notation, prefix) => {
    expect(notationPrefix(notation)).toBe(prefix);
  });
});
