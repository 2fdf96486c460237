import { describe, expect, test } from 'vitest';

import { isStampLine } from './marks.js';
import { linesText } from './testing/document-text.js';
import { findTitleLine } from './title-line.js';

function titleOf(...texts: string[]) {
  const lines = linesText(texts.map((text) => ['full', text] as const)).lines;

  return findTitleLine(lines, 0, (line) => isStampLine(line.text));
}

describe('findTitleLine', () => {
  test.each([
    [['GIẤY MỜI', 'Hội nghị tổng kết'], 'GM', 0],
    [['THƯ MỜI', 'Dự lễ khai giảng'], 'GM', 0],
    [['GIẤY TRIỆU TẬP'], 'GTT', 0],
    [['HỎA TỐC', 'CÔNG ĐIỆN', 'Về việc ứng phó bão'], 'CĐ', 1],
    [['———', 'QUYẾT ĐỊNH', 'Về việc thành lập Tổ công tác'], 'QĐ', 1],
    [['QUY ĐỊNH'], 'QyĐ', 0],
    [['Báo cáo'], 'BC', 0],
  ])('finds the type of %j', (lines, code, index) => {
    const title = titleOf(...lines);

    expect(title?.type.code).toBe(code);
    expect(title?.index).toBe(index);
    expect(title?.rest).toBeNull();
  });

  test('reads a title that starts a line in capitals', () => {
    const title = titleOf('THÔNG BÁO KẾT LUẬN CỦA CHỦ TỊCH UBND TỈNH');

    expect(title?.type.code).toBe('TB');
    expect(title?.rest).toBe('KẾT LUẬN CỦA CHỦ TỊCH UBND TỈNH');
  });

  test.each([
    ['G I Ấ Y   M Ờ I', 'GM'],
    ['G I Ấ Y M Ờ I', 'GM'],
    ['B Á O C Á O', 'BC'],
  ])('reads the spaced title %j', (line, code) => {
    expect(titleOf(line)?.type.code).toBe(code);
  });

  test('prefers the longest title', () => {
    expect(titleOf('SAO Y BẢN CHÍNH')?.type.code).toBe('SY');
  });

  test.each([
    [['Kính gửi: Sở Y tế.', 'Sở Y tế báo cáo như sau:']],
    [['Báo cáo kết quả thực hiện chuyển đổi số quý IV']],
    [['Kính gửi:', '- Các sở;', '- Các xã;', '- Các phường;', 'BÁO CÁO']],
  ])('finds no title in %j', (lines) => {
    expect(titleOf(...lines)).toBeNull();
  });
});
