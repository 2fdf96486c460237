import { describe, expect, test } from 'vitest';

import { foldCharacters, foldText } from './text-fold.js';

describe('foldText', () => {
  test.each([
    ['Ủy ban nhân dân tỉnh Lâm Đồng', 'uy ban nhan dan tinh lam dong'],
    ['ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG', 'uy ban nhan dan tinh lam dong'],
    ['Đặng Thị Thu Hà', 'dang thi thu ha'],
    ['  Sở   Nội\tvụ \n', 'so noi vu'],
    ['HOẢ TỐC', 'hoa toc'],
    ['HỎA TỐC', 'hoa toc'],
    ['K\' Brăo', 'k\' brao'],
    ['QĐ-UBND', 'qd-ubnd'],
    ['', ''],
  ])('folds %j', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  test('folds decomposed input like composed input', () => {
    const decomposed = 'Lâm Đồng'.normalize('NFD');

    expect(foldText(decomposed)).toBe('lam dong');
  });
});

describe('foldCharacters', () => {
  test('keeps length and positions', () => {
    const text = 'Số:  3141/UBND-VX';
    const folded = foldCharacters(text);

    expect(folded).toBe('so:  3141/ubnd-vx');
    expect(folded.length).toBe(text.length);
  });

  test('keeps NFC length for decomposed input', () => {
    const decomposed = 'ngày 16 tháng 6'.normalize('NFD');

    expect(foldCharacters(decomposed)).toBe('ngay 16 thang 6');
  });

  test('folds dotted capital I to i', () => {
    expect(foldCharacters('İa')).toBe('ia');
  });

  test('keeps characters outside the Basic Multilingual Plane', () => {
    expect(foldCharacters('Đ😀Á')).toBe('d😀a');
  });

  test('drops control characters such as NUL', () => {
    expect(foldText('Báo\u0000 cáo\u0007 tháng\u001b 12')).toBe('bao cao thang 12');
  });
});
