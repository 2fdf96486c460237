import { describe, expect, test } from 'vitest';

import type { TextLine } from '../../archive/text-extraction/extracted-text.js';

import { readIssuerBlock } from './issuer-block.js';

/** Builds left-block lines, where each inner array is one paragraph over several lines. */
function leftBlock(...paragraphs: (string | string[])[]): TextLine[] {
  return paragraphs.flatMap((paragraph, index) =>
    (typeof paragraph === 'string' ? [paragraph] : paragraph).map((text) => ({
      text,
      page: 1,
      column: 'left' as const,
      paragraph: index,
      centred: false,
      box: null,
    })),
  );
}

describe('readIssuerBlock', () => {
  test.each([
    [['UBND TỈNH LÂM ĐỒNG', 'SỞ NỘI VỤ', '———', 'Số: 1187/SNV-CCVC'], 'Sở Nội vụ', 'Ủy ban nhân dân tỉnh Lâm Đồng'],
    [['ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG', '———', 'Số: 88 /GM-UBND'], 'Ủy ban nhân dân tỉnh Lâm Đồng', null],
    [['ỦY BAN NHÂN DÂN', 'TỈNH LÂM ĐỒNG', 'Số: 88/GM-UBND'], 'Ủy ban nhân dân tỉnh Lâm Đồng', null],
    [['ỦY BAN NHÂN DÂN XÃ ĐAM', 'RÔNG', 'Số: 57/BC-UBND'], 'Ủy ban nhân dân xã Đam Rông', null],
    [['UBND TỈNH LÂM ĐỒNG', 'SỞ VĂN HÓA, THỂ THAO VÀ', 'DU LỊCH', 'Số: 9/SVHTTDL-VP'], 'Sở Văn hóa, Thể thao và Du lịch', 'Ủy ban nhân dân tỉnh Lâm Đồng'],
    [['UBND TỈNH LÂM ĐỒNG', 'SỞ KHOA HỌC VÀ', 'CÔNG NGHỆ', 'Số: 9/SKHCN-VP'], 'Sở Khoa học và Công nghệ', 'Ủy ban nhân dân tỉnh Lâm Đồng'],
    [['UBND TỈNH LÂM ĐỒNG', 'VĂN PHÒNG', 'Số: 9/VP-TH'], 'Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng', 'Ủy ban nhân dân tỉnh Lâm Đồng'],
    [['UBND TỈNH LÂM ĐỒNG', 'SỞ Y TẾ', 'BỆNH VIỆN ĐA KHOA TỈNH', 'Số: 9/BV-KHTH'], 'Bệnh viện Đa khoa tỉnh', 'Sở Y tế'],
    [['HỎA TỐC', 'UBND TỈNH LÂM ĐỒNG', 'SỞ Y TẾ', 'Số: 9/SYT-VP'], 'Sở Y tế', 'Ủy ban nhân dân tỉnh Lâm Đồng'],
    [['UBND xã Đam Rông', 'Số: 9/UBND'], 'Ủy ban nhân dân xã Đam Rông', null],
    [['UBND TỈNH LÂM ĐỒNG', 'SỞ NỘI VỤ', 'V/v cử công chức'], 'Sở Nội vụ', 'Ủy ban nhân dân tỉnh Lâm Đồng'],
  ])('reads %j', (lines, issuer, parent) => {
    const block = readIssuerBlock(leftBlock(...lines));

    expect(block?.issuer).toBe(issuer);
    expect(block?.parent ?? null).toBe(parent);
  });

  test('joins a line wrapped in one paragraph even before an organization word', () => {
    const block = readIssuerBlock(leftBlock(['VĂN PHÒNG', 'ỦY BAN NHÂN DÂN TỈNH'], 'Số: 9/VP-TH'));

    expect(block?.issuer).toBe('Văn phòng Ủy ban nhân dân tỉnh');
    expect(block?.parent).toBeNull();
  });

  test('offers the name with the parent place for the directory', () => {
    const block = readIssuerBlock(leftBlock('UBND TỈNH LÂM ĐỒNG', 'SỞ NỘI VỤ', 'Số: 1187/SNV-CCVC'));

    expect(block?.directoryNames).toEqual(['Sở Nội vụ', 'Sở Nội vụ tỉnh Lâm Đồng']);
  });

  test('returns null without organization lines', () => {
    expect(readIssuerBlock(leftBlock('———', 'Số: 9/UBND-VP'))).toBeNull();
    expect(readIssuerBlock([])).toBeNull();
  });
});
