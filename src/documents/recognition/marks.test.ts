import { describe, expect, test } from 'vitest';

import { findMarks, isStampLine } from './marks.js';
import { linesText } from './testing/document-text.js';

function marksOf(...texts: string[]) {
  return findMarks(linesText(texts.map((text) => ['left', text] as const)).lines);
}

describe('findMarks', () => {
  test.each([
    ['KHẨN', 'urgent'],
    ['THƯỢNG KHẨN', 'very-urgent'],
    ['HỎA TỐC', 'flash'],
    ['HOẢ TỐC', 'flash'],
    ['HỎA TỐC HẸN GIỜ', 'flash'],
    ['[KHẨN]', 'urgent'],
    ['Khẩn', 'urgent'],
    ['Độ khẩn: Thượng khẩn', 'very-urgent'],
    ['HỎA TỐC'.normalize('NFD'), 'flash'],
  ])('reads urgency %j', (line, urgency) => {
    expect(marksOf(line).urgency).toBe(urgency);
  });

  test.each([
    ['MẬT', 'confidential'],
    ['TỐI MẬT', 'secret'],
    ['TUYỆT MẬT', 'top-secret'],
    ['Độ mật: Mật', 'confidential'],
  ])('reads confidentiality %j', (line, confidentiality) => {
    expect(marksOf(line).confidentiality).toBe(confidentiality);
  });

  test('reads two stamps on one line', () => {
    const marks = marksOf('MẬT - KHẨN');

    expect(marks.urgency).toBe('urgent');
    expect(marks.confidentiality).toBe('confidential');
  });

  test('keeps the highest level', () => {
    expect(marksOf('KHẨN', 'HỎA TỐC').urgency).toBe('flash');
  });

  test.each([
    'Tài liệu này không được để lộ bí mật nhà nước.',
    'Đề nghị các đơn vị khẩn trương thực hiện.',
    'MẶT TRẬN TỔ QUỐC VIỆT NAM',
    'MẶT',
    'Số: 12/UBND-KHẨN',
  ])('ignores %j', (line) => {
    const marks = marksOf(line);

    expect(marks.urgency).toBeNull();
    expect(marks.confidentiality).toBeNull();
  });

  test('collects circulation notes', () => {
    expect(marksOf('LƯU HÀNH NỘI BỘ', 'XEM XONG TRẢ LẠI').circulationNotes).toEqual(['LƯU HÀNH NỘI BỘ', 'XEM XONG TRẢ LẠI']);
  });
});

describe('isStampLine', () => {
  test.each([
    ['HỎA TỐC', true],
    ['TÀI LIỆU THU HỒI', true],
    ['GIẤY MỜI', false],
  ])('%j is %s', (line, expected) => {
    expect(isStampLine(line)).toBe(expected);
  });
});
