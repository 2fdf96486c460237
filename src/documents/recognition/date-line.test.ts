import { describe, expect, test } from 'vitest';

import { isValidDate, looksLikeDateLine, parseDateLine, toIsoDate } from './date-line.js';

describe('parseDateLine', () => {
  test.each([
    ['Lâm Đồng, ngày 16 tháng 6 năm 2011', 'Lâm Đồng', '2011-06-16'],
    ['Lâm Đồng, ngày 25 tháng 11 năm 2026', 'Lâm Đồng', '2026-11-25'],
    ['Đam Rông, ngày 5 tháng 1 năm 2026', 'Đam Rông', '2026-01-05'],
    ['Lâm Đồng, ngày 05/12/2026', 'Lâm Đồng', '2026-12-05'],
    ['Lâm Đồng, ngày 5-12-2026', 'Lâm Đồng', '2026-12-05'],
    ['TP. Hồ Chí Minh, ngày 01 tháng 02 năm 2026', 'TP. Hồ Chí Minh', '2026-02-01'],
    ['Xuân Hương - Đà Lạt, ngày 3 tháng 7 năm 2026', 'Xuân Hương - Đà Lạt', '2026-07-03'],
    ['Lâm Đồng, ngày  16  tháng  6  năm  2011', 'Lâm Đồng', '2011-06-16'],
    ['Lâm Đồng, ngày16 tháng6 năm2011', 'Lâm Đồng', '2011-06-16'],
    ['Lam Dong, ngay 16 thang 6 nam 2011', 'Lam Dong', '2011-06-16'],
    ['ngày 16 tháng 6 năm 2011', null, '2011-06-16'],
    ['Lâm Đồng, ngày 16 tháng 6 năm 2011'.normalize('NFD'), 'Lâm Đồng', '2011-06-16'],
  ])('reads %j', (line, place, isoDate) => {
    const parsed = parseDateLine(line);

    expect(parsed?.place ?? null).toBe(place);
    expect(parsed === null ? null : toIsoDate(parsed.date)).toBe(isoDate);
    expect(parsed?.valid).toBe(true);
  });

  test('marks a day that does not exist', () => {
    const parsed = parseDateLine('Lâm Đồng, ngày 31 tháng 2 năm 2026');

    expect(parsed?.valid).toBe(false);
  });

  test('requires a place on request', () => {
    expect(parseDateLine('trước ngày 05/12/2026.', { requirePlace: true })).toBeNull();
    expect(parseDateLine('Lâm Đồng, ngày 05/12/2026', { requirePlace: true })?.place).toBe('Lâm Đồng');
  });

  test.each(['Lâm Đồng, ngày tháng năm 2026', 'Độc lập - Tự do - Hạnh phúc', 'Ngày hội chuyển đổi số'])('rejects %j', (line) => {
    expect(parseDateLine(line)).toBeNull();
  });
});

describe('looksLikeDateLine', () => {
  test.each([
    ['Lâm Đồng, ngày 16 tháng 6 năm 2011', true],
    ['Lâm Đồng, ngày 16 tháng 6', true],
    ['Lâm Đồng, ngày      tháng     năm 2026', true],
    ['SỞ Y TẾ', false],
    ['- Lưu: VT, VP.', false],
  ])('%j is %s', (line, expected) => {
    expect(looksLikeDateLine(line)).toBe(expected);
  });
});

describe('isValidDate', () => {
  test.each([
    [{ year: 2024, month: 2, day: 29 }, true],
    [{ year: 2026, month: 2, day: 29 }, false],
    [{ year: 2026, month: 13, day: 1 }, false],
    [{ year: 2026, month: 12, day: 0 }, false],
    [{ year: 1900, month: 1, day: 1 }, false],
  ])('%j is %s', (date, expected) => {
    expect(isValidDate(date)).toBe(expected);
  });
});
