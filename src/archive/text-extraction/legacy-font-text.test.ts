import { describe, expect, test } from 'vitest';

import { decodeLegacyFontText } from './legacy-font-text.js';

describe('decodeLegacyFontText', () => {
  test.each([
    ['Uû ban nh©n d©n tØnh L©m §ång', '.VnTime', 'Uỷ ban nhân dân tỉnh Lâm Đồng'],
    ['L©m §ång, ngµy 16 th¸ng 6 n¨m 2011', '.VnTime', 'Lâm Đồng, ngày 16 tháng 6 năm 2011'],
    ['céng hßa x· héi chñ nghÜa viÖt nam', '.VnTimeH', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    ['\uf053\uf0e8', '.VnArial', 'Số'],
  ])('decodes %j in %s', (text, font, expected) => {
    expect(decodeLegacyFontText(text, font)).toBe(expected);
  });

  test.each([
    ['Ủy ban nhân dân', 'Times New Roman'],
    ['L©m §ång', null],
    ['Lâm Đồng 😀', '.VnTime'],
  ])('keeps %j in font %s', (text, font) => {
    expect(decodeLegacyFontText(text, font)).toBe(text);
  });
});
