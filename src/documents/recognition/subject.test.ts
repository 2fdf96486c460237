import { describe, expect, test } from 'vitest';

import type { TextLine } from '../../archive/text-extraction/extracted-text.js';

import { isSubjectOpening, readLetterSubject, readTitledSubject } from './subject.js';
import { documentText, linesText } from './testing/document-text.js';

function pdfLine(text: string, x: number, y: number, width: number, fontSize: number): TextLine {
  return { text, page: 1, column: 'left', paragraph: y, centred: false, box: { x, y, width, fontSize } };
}

describe('readLetterSubject', () => {
  test.each([
    [['SỞ NỘI VỤ', 'Số: 1187/SNV-CCVC', 'V/v cử công chức tham dự lớp', 'bồi dưỡng kỹ năng văn thư số'], 'V/v cử công chức tham dự lớp bồi dưỡng kỹ năng văn thư số'],
    [['SỞ Y TẾ', 'Số: 2214/SYT-VP', 'V/v đăng ký lịch làm việc'], 'V/v đăng ký lịch làm việc'],
    [['SỞ Y TẾ', 'Số: 2214/SYT-VP', 'V/v: đăng ký lịch làm việc'], 'V/v: đăng ký lịch làm việc'],
    [['SỞ Y TẾ', 'Số: 2214/SYT-VP', 'Về việc đăng ký lịch làm việc'], 'Về việc đăng ký lịch làm việc'],
    [['SỞ Y TẾ', 'Số: 2214/SYT-VP', 'V/V ĐĂNG KÝ LỊCH LÀM VIỆC'], 'V/V ĐĂNG KÝ LỊCH LÀM VIỆC'],
    [['SỞ Y TẾ', 'Số: 2214/SYT-VP', 'V/v đăng ký lịch', 'làm việc', 'Kính gửi: Văn phòng UBND tỉnh.'], 'V/v đăng ký lịch làm việc'],
    [['SỞ Y TẾ', 'Số: 2214/SYT-VP', 'V/v đăng ký lịch', '———'], 'V/v đăng ký lịch'],
  ])('reads %j', (texts, subject) => {
    const headerLeft = linesText(texts.map((text) => ['left', text] as const)).lines;

    expect(readLetterSubject(headerLeft)).toBe(subject);
  });

  test('returns null without a V/v line', () => {
    const headerLeft = linesText([['left', 'SỞ Y TẾ'], ['left', 'Số: 2214/SYT-VP']]).lines;

    expect(readLetterSubject(headerLeft)).toBeNull();
  });

  test('stops at a PDF line of another font size', () => {
    const headerLeft = [
      pdfLine('Số: 1187/SNV-CCVC', 101, 129, 116, 13),
      pdfLine('V/v cử công chức tham dự lớp', 85.6, 157.4, 146, 12),
      pdfLine('bồi dưỡng kỹ năng văn thư số', 87.2, 185.3, 143, 12),
      pdfLine('các xã, phường', 113.5, 216.6, 100, 14),
    ];

    expect(readLetterSubject(headerLeft)).toBe('V/v cử công chức tham dự lớp bồi dưỡng kỹ năng văn thư số');
  });

  test('stops at a PDF line out of alignment', () => {
    const headerLeft = [
      pdfLine('V/v cử công chức tham dự lớp', 85.6, 157.4, 146, 12),
      pdfLine('- Các sở, ban, ngành;', 160, 185.3, 140, 12),
    ];

    expect(readLetterSubject(headerLeft)).toBe('V/v cử công chức tham dự lớp');
  });

  test('stops at a PDF line far below', () => {
    const headerLeft = [
      pdfLine('V/v cử công chức tham dự lớp', 85.6, 157.4, 146, 12),
      pdfLine('bồi dưỡng kỹ năng', 87.2, 260, 143, 12),
    ];

    expect(readLetterSubject(headerLeft)).toBe('V/v cử công chức tham dự lớp');
  });
});

describe('readTitledSubject', () => {
  test('reads the centred lines under the title', () => {
    const { lines } = documentText({
      title: ['BÁO CÁO', 'Kết quả thực hiện chuyển đổi số', 'quý IV năm 2026'],
      body: ['Kính gửi: Sở Khoa học và Công nghệ.'],
    });

    expect(readTitledSubject(lines, 0, null)).toBe('Kết quả thực hiện chuyển đổi số quý IV năm 2026');
  });

  test('reads a subject wrapped in one paragraph', () => {
    const { lines } = documentText({ title: ['QUYẾT ĐỊNH', ['Về việc thành lập Tổ công tác', 'chuyển đổi số']], body: ['Căn cứ Luật Tổ chức chính quyền địa phương;'] });

    expect(readTitledSubject(lines, 0, null)).toBe('Về việc thành lập Tổ công tác chuyển đổi số');
  });

  test('starts with the rest of the title line', () => {
    const { lines } = documentText({ title: ['THÔNG BÁO KẾT LUẬN', 'của Chủ tịch UBND tỉnh'], body: ['Ngày 01/12/2026, Chủ tịch UBND tỉnh chủ trì họp.'] });

    expect(readTitledSubject(lines, 0, 'KẾT LUẬN')).toBe('KẾT LUẬN của Chủ tịch UBND tỉnh');
  });

  test('stops at the issuing authority in capitals', () => {
    const { lines } = documentText({ title: ['QUYẾT ĐỊNH', 'Về việc thành lập Tổ công tác', 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH'] });

    expect(readTitledSubject(lines, 0, null)).toBe('Về việc thành lập Tổ công tác');
  });

  test('stops at a rule', () => {
    const { lines } = documentText({ title: ['KẾ HOẠCH', 'Tổ chức hội nghị', '———', 'Thực hiện chỉ đạo'] });

    expect(readTitledSubject(lines, 0, null)).toBe('Tổ chức hội nghị');
  });

  test('reads the line under the title in plain text', () => {
    const { lines } = linesText([
      ['full', 'GIẤY MỜI'],
      ['full', 'Họp giao ban tháng 12'],
      ['full', 'Ủy ban nhân dân tỉnh trân trọng kính mời:'],
    ]);

    expect(readTitledSubject(lines, 0, null)).toBe('Họp giao ban tháng 12');
  });

  test('returns null when the body follows the title', () => {
    const { lines } = documentText({ title: ['GIẤY MỜI'], body: ['Ủy ban nhân dân tỉnh trân trọng kính mời.'] });

    expect(readTitledSubject(lines, 0, null)).toBeNull();
  });
});

describe('isSubjectOpening', () => {
  test.each([
    ['V/v cử công chức', true],
    ['V/V CỬ CÔNG CHỨC', true],
    ['V / v cử công chức', true],
    ['Về việc cử công chức', true],
    ['Vụ Pháp chế', false],
    ['Vì vậy', false],
  ])('%j is %s', (text, expected) => {
    expect(isSubjectOpening(text)).toBe(expected);
  });
});
