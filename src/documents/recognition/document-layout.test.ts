import { describe, expect, test } from 'vitest';

import type { TextColumn } from '../../archive/text-extraction/extracted-text.js';

import { analyseLayout } from './document-layout.js';
import { linesText } from './testing/document-text.js';

function layoutOf(lines: [TextColumn, string][]) {
  const layout = analyseLayout(linesText(lines).lines);

  return {
    left: layout.headerLeft.map((line) => line.text),
    right: layout.headerRight.map((line) => line.text),
    bodyStart: layout.bodyStart,
  };
}

describe('analyseLayout', () => {
  test('splits a header table', () => {
    expect(
      layoutOf([
        ['left', 'SỞ Y TẾ'],
        ['left', 'Số: 2214/SYT-VP'],
        ['right', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
        ['right', 'Lâm Đồng, ngày 01 tháng 12 năm 2026'],
        ['full', 'Kính gửi: Văn phòng UBND tỉnh.'],
        ['left', 'Nơi nhận:'],
      ]),
    ).toEqual({
      left: ['SỞ Y TẾ', 'Số: 2214/SYT-VP'],
      right: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Lâm Đồng, ngày 01 tháng 12 năm 2026'],
      bodyStart: 4,
    });
  });

  test('keeps a stamp line inside the header', () => {
    const layout = layoutOf([
      ['full', 'HỎA TỐC'],
      ['left', 'SỞ Y TẾ'],
      ['full', 'KHẨN'],
      ['right', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['full', 'GIẤY MỜI'],
    ]);

    expect(layout.bodyStart).toBe(4);
    expect(layout.left).toEqual(['SỞ Y TẾ']);
  });

  test('splits a header typed without table', () => {
    expect(
      layoutOf([
        ['full', 'UBND TỈNH LÂM ĐỒNG'],
        ['full', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
        ['full', 'SỞ Y TẾ'],
        ['full', 'Độc lập - Tự do - Hạnh phúc'],
        ['full', 'Số: 2214/SYT-VP'],
        ['full', 'Lâm Đồng, ngày 01 tháng 12 năm 2026'],
        ['full', 'V/v đăng ký lịch làm việc'],
        ['full', 'Kính gửi: Văn phòng UBND tỉnh.'],
      ]),
    ).toEqual({
      left: ['UBND TỈNH LÂM ĐỒNG', 'SỞ Y TẾ', 'Số: 2214/SYT-VP', 'V/v đăng ký lịch làm việc'],
      right: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Lâm Đồng, ngày 01 tháng 12 năm 2026'],
      bodyStart: 7,
    });
  });

  test('ignores blocks that start low on the page', () => {
    const layout = layoutOf([
      ['full', 'SỞ Y TẾ'],
      ['full', 'Số: 2214/SYT-VP'],
      ['full', 'Lâm Đồng, ngày 01 tháng 12 năm 2026'],
      ['full', 'Kính gửi: Văn phòng UBND tỉnh.'],
      ['full', 'Nội dung.'],
      ['left', 'Nơi nhận:'],
      ['right', 'GIÁM ĐỐC'],
    ]);

    expect(layout.left).toEqual(['SỞ Y TẾ', 'Số: 2214/SYT-VP']);
    expect(layout.bodyStart).toBe(3);
  });

  test('handles no lines', () => {
    expect(layoutOf([])).toEqual({ left: [], right: [], bodyStart: 0 });
  });
});
