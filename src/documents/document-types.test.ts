import { describe, expect, test } from 'vitest';

import { DOCUMENT_TYPES, findDocumentTypeByCode, findDocumentTypeByTitle } from './document-types.js';

describe('document type catalogue', () => {
  test('has the 29 decree types, the summons and three copies', () => {
    expect(DOCUMENT_TYPES).toHaveLength(33);
  });

  test('has unique codes', () => {
    const codes = DOCUMENT_TYPES.map((type) => type.code);

    expect(new Set(codes).size).toBe(codes.length);
  });

  test('finds each type by each of its titles', () => {
    for (const type of DOCUMENT_TYPES) {
      for (const title of type.titles) {
        expect(findDocumentTypeByTitle(title)?.code, title).toBe(type.code);
      }
    }
  });

  test('marks the meeting types', () => {
    const meetingTypes = DOCUMENT_TYPES.filter((type) => type.carriesMeeting).map((type) => type.code);

    expect(meetingTypes).toEqual(['GM', 'GTT']);
  });
});

describe('findDocumentTypeByCode', () => {
  test.each([
    ['QĐ', 'Quyết định'],
    ['QyĐ', 'Quy định'],
    ['CT', 'Chỉ thị'],
    ['CTr', 'Chương trình'],
    ['TTr', 'Tờ trình'],
    ['CV', 'Công văn'],
    ['THU', 'Thư công'],
    ['GTT', 'Giấy triệu tập'],
    ['SY', 'Bản sao y'],
    ['TrS', 'Bản trích sao'],
    ['SL', 'Bản sao lục'],
  ])('finds %s', (code, nameVi) => {
    expect(findDocumentTypeByCode(code)?.nameVi).toBe(nameVi);
  });

  test('compares codes exactly', () => {
    expect(findDocumentTypeByCode('ctr')).toBeUndefined();
    expect(findDocumentTypeByCode('QD')).toBeUndefined();
  });

  test('accepts a decomposed Đ code', () => {
    expect(findDocumentTypeByCode('QĐ'.normalize('NFD'))?.code).toBe('QĐ');
  });
});

describe('findDocumentTypeByTitle', () => {
  test.each([
    ['GIẤY MỜI', 'GM'],
    ['THƯ MỜI', 'GM'],
    ['Giấy mời', 'GM'],
    ['GIAY MOI', 'GM'],
    ['GIẤY TRIỆU TẬP', 'GTT'],
    ['CÔNG ĐIỆN', 'CĐ'],
    ['BÁO CÁO', 'BC'],
    ['  THÔNG BÁO ', 'TB'],
    ['QUYẾT ĐỊNH', 'QĐ'],
    ['QUY ĐỊNH', 'QyĐ'],
    ['KẾ HOẠCH:', 'KH'],
    ['BẢN THOẢ THUẬN', 'BTT'],
    ['SAO Y BẢN CHÍNH', 'SY'],
  ])('finds %j', (line, code) => {
    expect(findDocumentTypeByTitle(line)?.code).toBe(code);
  });

  test.each(['BÁO CÁO KẾT QUẢ', 'Ủy ban nhân dân tỉnh báo cáo', 'THƯ', ''])('rejects %j', (line) => {
    expect(findDocumentTypeByTitle(line)).toBeUndefined();
  });
});
