import { describe, expect, test } from 'vitest';

import { capitalise, toPersonNameCase, toPositionCase, toProperNameCase } from './vietnamese-case.js';

describe('toPositionCase', () => {
  test.each([
    ['PHÓ GIÁM ĐỐC', 'Phó Giám đốc'],
    ['GIÁM ĐỐC', 'Giám đốc'],
    ['CHỦ TỊCH', 'Chủ tịch'],
    ['PHÓ CHỦ TỊCH', 'Phó Chủ tịch'],
    ['PHÓ CHỦ TỊCH THƯỜNG TRỰC', 'Phó Chủ tịch Thường trực'],
    ['CHÁNH VĂN PHÒNG', 'Chánh Văn phòng'],
    ['PHÓ CHÁNH VĂN PHÒNG', 'Phó Chánh Văn phòng'],
    ['CHÁNH THANH TRA', 'Chánh Thanh tra'],
    ['GIÁM ĐỐC SỞ', 'Giám đốc Sở'],
    ['TRƯỞNG PHÒNG', 'Trưởng phòng'],
    ['Phó Giám đốc', 'Phó Giám đốc'],
  ])('writes %j', (printed, normal) => {
    expect(toPositionCase(printed)).toBe(normal);
  });
});

describe('toPersonNameCase', () => {
  test.each([
    ['NGÔ THỊ LAN', 'Ngô Thị Lan'],
    ["K' BRĂO", "K' Brăo"],
    ['Đặng Thị Thu Hà', 'Đặng Thị Thu Hà'],
    ['  Phạm   Minh Tuấn ', 'Phạm Minh Tuấn'],
  ])('writes %j', (printed, normal) => {
    expect(toPersonNameCase(printed)).toBe(normal);
  });
});

describe('toProperNameCase', () => {
  test.each([
    ['LÂM ĐỒNG', 'Lâm Đồng'],
    ["B'LAO", "B'Lao"],
    ["D'RAN", "D'Ran"],
    ['XUÂN HƯƠNG - ĐÀ LẠT', 'Xuân Hương - Đà Lạt'],
  ])('writes %j', (printed, normal) => {
    expect(toProperNameCase(printed)).toBe(normal);
  });
});

describe('capitalise', () => {
  test.each([
    ['ĐỒNG', 'Đồng'],
    ['NỘI VỤ', 'Nội vụ'],
    ['(ĐỒNG)', '(Đồng)'],
    ['', ''],
  ])('writes %j', (printed, normal) => {
    expect(capitalise(printed)).toBe(normal);
  });
});
