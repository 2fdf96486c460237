import { describe, expect, test } from 'vitest';

import { emptyExtraction } from '../../archive/text-extraction/extracted-text.js';

import { recognizeDocument } from './recognize-document.js';
import { documentText, linesText, type DocumentTextSpec } from './testing/document-text.js';

const letter: DocumentTextSpec = {
  left: ['UBND TỈNH LÂM ĐỒNG', 'SỞ NỘI VỤ', '———', 'Số: 1187/SNV-CCVC', 'V/v cử công chức tham dự lớp', 'bồi dưỡng kỹ năng văn thư số'],
  right: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '—————', 'Lâm Đồng, ngày 25 tháng 11 năm 2026'],
  body: ['Kính gửi: Các sở, ban, ngành thuộc tỉnh.', 'Sở Nội vụ đề nghị các cơ quan, đơn vị quan tâm phối hợp thực hiện./.'],
  recipients: ['Nơi nhận:', '- Như trên;', '- Lưu: VT, CCVC.'],
  signature: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Đặng Thị Thu Hà'],
};

function recognize(spec: DocumentTextSpec, options: { mailSubject?: string; fileName?: string } = {}) {
  return recognizeDocument({ extracted: documentText(spec), ...options });
}

function flagCodes(recognized: { flags: { code: string }[] }): string[] {
  return recognized.flags.map((flag) => flag.code);
}

describe('recognizeDocument', () => {
  test('reads a công văn', () => {
    const recognized = recognize(letter);

    expect(recognized.metadata).toEqual({
      type: 'CV',
      number: '1187',
      notation: 'SNV-CCVC',
      issuedOn: '2026-11-25',
      place: 'Lâm Đồng',
      issuer: 'Sở Nội vụ',
      issuerCode: null,
      subject: 'V/v cử công chức tham dự lớp bồi dưỡng kỹ năng văn thư số',
      signer: 'Đặng Thị Thu Hà',
      signerPosition: 'Phó Giám đốc',
      signerAuthority: 'KT.',
      urgency: 'normal',
      confidentiality: 'none',
      meeting: null,
    });
    expect(flagCodes(recognized)).toEqual([]);
  });

  test('records the source of fields', () => {
    const { fields } = recognize(letter);

    expect(fields.type.source).toBe('header-block');
    expect(fields.number.source).toBe('header-block');
    expect(fields.issuedOn.source).toBe('date-line');
    expect(fields.signer.source).toBe('signature-block');
    expect(fields.subject.source).toBe('header-block');
    expect(fields.urgency.source).toBe('default');
    expect(fields.issuerCode).toEqual({ value: null, confidence: 0, source: 'default' });
    for (const field of Object.values(fields)) {
      expect(field.confidence).toBeGreaterThanOrEqual(0);
      expect(field.confidence).toBeLessThanOrEqual(1);
    }
  });

  test('reads a date line broken over two lines', () => {
    const recognized = recognize({ ...letter, right: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Lâm Đồng, ngày 16 tháng 6', 'năm 2011'] });

    expect(recognized.metadata.issuedOn).toBe('2011-06-16');
    expect(recognized.metadata.place).toBe('Lâm Đồng');
  });

  test('reads a numeric date line', () => {
    const recognized = recognize({ ...letter, right: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Lâm Đồng, ngày 05/12/2026'] });

    expect(recognized.metadata.issuedOn).toBe('2026-12-05');
  });

  test('flags a date that does not exist', () => {
    const recognized = recognize({ ...letter, right: ['Lâm Đồng, ngày 30 tháng 2 năm 2026'] });

    expect(recognized.metadata.issuedOn).toBeNull();
    expect(recognized.metadata.place).toBe('Lâm Đồng');
    expect(flagCodes(recognized)).toEqual(['invalid-date']);
  });

  test('keeps a leading zero of the number', () => {
    const recognized = recognize({ ...letter, left: ['ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG', 'Số: 05/GM-UBND'], title: ['GIẤY MỜI', 'Họp giao ban'], body: ['Thời gian: 8 giờ 00 ngày 01/12/2026.'] });

    expect(recognized.metadata.number).toBe('05');
    expect(recognized.metadata.type).toBe('GM');
  });

  test('reads urgency and confidentiality stamps', () => {
    const recognized = recognize({ ...letter, left: ['SỞ NỘI VỤ', 'Số: 1187/SNV-CCVC', 'HỎA TỐC', 'V/v cử công chức'], right: ['MẬT', 'Lâm Đồng, ngày 25 tháng 11 năm 2026'] });

    expect(recognized.metadata.urgency).toBe('flash');
    expect(recognized.metadata.confidentiality).toBe('confidential');
    expect(recognized.metadata.subject).toBe('V/v cử công chức');
    expect(flagCodes(recognized)).toEqual(['classified']);
  });

  test('flags a circulation note', () => {
    const recognized = recognize({ ...letter, left: ['SỞ NỘI VỤ', 'Số: 1187/SNV-CCVC', 'LƯU HÀNH NỘI BỘ', 'V/v cử công chức'] });

    expect(flagCodes(recognized)).toEqual(['circulation-note']);
  });

  test('falls back to the mail subject without title and V/v', () => {
    const recognized = recognize(
      { ...letter, left: ['SỞ NỘI VỤ', 'Số: 1187/SNV-CCVC'] },
      { mailSubject: 'Fwd: Re: Cử công chức dự lớp bồi dưỡng' },
    );

    expect(recognized.metadata.type).toBe('unknown');
    expect(recognized.metadata.subject).toBe('Cử công chức dự lớp bồi dưỡng');
    expect(recognized.fields.subject).toMatchObject({ source: 'mail-subject', confidence: 0.4 });
    expect(flagCodes(recognized)).toEqual(['not-recognised']);
  });

  test('falls back to the file name without mail subject', () => {
    const recognized = recognize({ ...letter, left: ['SỞ NỘI VỤ', 'Số: 1187/SNV-CCVC'] }, { fileName: 'C:\\Scan\\cu_cong_chuc.pdf' });

    expect(recognized.metadata.subject).toBe('cu cong chuc');
    expect(recognized.fields.subject.source).toBe('file-name');
  });

  test('takes the type from the notation without title', () => {
    const recognized = recognize({ ...letter, left: ['ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG', 'Số: 12/KH-UBND'] });

    expect(recognized.metadata.type).toBe('KH');
    expect(recognized.fields.type.confidence).toBe(0.6);
  });

  test('flags a title that contradicts the notation', () => {
    const recognized = recognize({ ...letter, left: ['ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG', 'Số: 12/KH-UBND'], title: ['BÁO CÁO', 'Kết quả quý IV'] });

    expect(recognized.metadata.type).toBe('BC');
    expect(flagCodes(recognized)).toEqual(['type-notation-mismatch']);
  });

  test('reads a decision with its subject and collective signature', () => {
    const recognized = recognize({
      left: ['ỦY BAN NHÂN DÂN', 'TỈNH LÂM ĐỒNG', 'Số: 123/QĐ-UBND'],
      right: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Lâm Đồng, ngày 2 tháng 1 năm 2026'],
      title: ['QUYẾT ĐỊNH', 'Về việc thành lập Tổ công tác chuyển đổi số', 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG'],
      body: ['Căn cứ Luật Tổ chức chính quyền địa phương;', 'Điều 1. Thành lập Tổ công tác./.'],
      recipients: ['Nơi nhận:', '- Như Điều 3;'],
      signature: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Trần Văn Hiệp'],
    });

    expect(recognized.metadata).toMatchObject({
      type: 'QĐ',
      number: '123',
      notation: 'QĐ-UBND',
      issuedOn: '2026-01-02',
      issuer: 'Ủy ban nhân dân tỉnh Lâm Đồng',
      signer: 'Trần Văn Hiệp',
      signerPosition: 'Chủ tịch',
      signerAuthority: 'TM.',
    });
    expect(recognized.metadata.subject).toBe('Về việc thành lập Tổ công tác chuyển đổi số');
  });

  test('reads a summons with its meeting', () => {
    const recognized = recognize({
      left: ['UBND TỈNH LÂM ĐỒNG', 'VĂN PHÒNG', 'Số: 12/GTT-VP'],
      right: ['Lâm Đồng, ngày 1 tháng 12 năm 2026'],
      title: ['GIẤY TRIỆU TẬP', 'Tập huấn sử dụng hệ thống thư điện tử công vụ'],
      body: ['Văn phòng UBND tỉnh triệu tập văn thư các đơn vị.', '- Thời gian: 07 giờ 30 ngày 08/12/2026.', '- Địa điểm: Trung tâm Hành chính tỉnh./.'],
      signature: ['CHÁNH VĂN PHÒNG', 'Phạm Minh Tuấn'],
    });

    expect(recognized.metadata.type).toBe('GTT');
    expect(recognized.metadata.issuer).toBe('Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng');
    expect(recognized.metadata.meeting).toEqual({ start: '2026-12-08T07:30:00+07:00', location: 'Trung tâm Hành chính tỉnh' });
    expect(recognized.fields.meeting).toMatchObject({ source: 'body', confidence: 0.85 });
  });

  test('flags an invitation without meeting time', () => {
    const recognized = recognize({ ...letter, left: ['SỞ Y TẾ', 'Số: 7/GM-SYT'], title: ['GIẤY MỜI', 'Họp giao ban'], body: ['Kính mời các đồng chí dự họp./.'] });

    expect(recognized.metadata.meeting).toBeNull();
    expect(flagCodes(recognized)).toEqual(['meeting-not-recognised']);
  });

  test('reads a header typed without table', () => {
    const recognized = recognizeDocument({
      extracted: linesText([
        ['full', 'UBND TỈNH LÂM ĐỒNG'],
        ['full', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
        ['full', 'SỞ Y TẾ'],
        ['full', 'Độc lập - Tự do - Hạnh phúc'],
        ['full', 'Số: 2214/SYT-VP'],
        ['full', 'Lâm Đồng, ngày 01 tháng 12 năm 2026'],
        ['full', 'V/v đăng ký lịch làm việc'],
        ['full', 'Kính gửi: Văn phòng UBND tỉnh.'],
        ['full', 'Kính đề nghị Văn phòng UBND tỉnh bố trí lịch./.'],
        ['full', 'GIÁM ĐỐC'],
        ['full', 'Ngô Thị Lan'],
      ]),
    });

    expect(recognized.metadata).toMatchObject({
      type: 'CV',
      number: '2214',
      notation: 'SYT-VP',
      issuedOn: '2026-12-01',
      issuer: 'Sở Y tế',
      subject: 'V/v đăng ký lịch làm việc',
      signer: 'Ngô Thị Lan',
      signerPosition: 'Giám đốc',
    });
  });

  test('resolves the issuer in the directory', () => {
    const organizations = [
      { code: '000.01.36.H36', name: 'Sở Nội vụ tỉnh Lâm Đồng' },
      { code: '000.02.36.H36', name: 'Sở Tài chính tỉnh Lâm Đồng' },
    ];

    const recognized = recognizeDocument({ extracted: documentText(letter), organizations });

    expect(recognized.metadata.issuerCode).toBe('000.01.36.H36');
    expect(recognized.metadata.issuer).toBe('Sở Nội vụ tỉnh Lâm Đồng');
    expect(recognized.fields.issuerCode.source).toBe('header-block');
  });

  test('flags an issuer missing from the directory', () => {
    const recognized = recognizeDocument({ extracted: documentText(letter), organizations: [{ code: '000.02.36.H36', name: 'Sở Tài chính' }] });

    expect(recognized.metadata.issuerCode).toBeNull();
    expect(recognized.metadata.issuer).toBe('Sở Nội vụ');
    expect(flagCodes(recognized)).toEqual(['issuer-not-in-directory']);
  });

  test('flags an ambiguous issuer', () => {
    const organizations = [
      { code: 'A', name: 'Sở Nội vụ' },
      { code: 'B', name: 'Sở Nội vụ', shortName: null },
    ];

    const recognized = recognizeDocument({ extracted: documentText(letter), organizations });

    expect(recognized.metadata.issuerCode).toBeNull();
    expect(flagCodes(recognized)).toEqual(['issuer-ambiguous']);
  });

  test('reads only the mail for a file without text', () => {
    const recognized = recognizeDocument({
      extracted: emptyExtraction([{ code: 'needs-ocr', message: 'No text layer.' }], 1),
      mailSubject: 'Công văn số 3141/UBND-VX về việc chuyển đổi số',
      fileName: '3141-UBND-VX.pdf',
    });

    expect(recognized.metadata).toMatchObject({ type: 'unknown', number: '3141', notation: 'UBND-VX', subject: 'Công văn số 3141/UBND-VX về việc chuyển đổi số' });
    expect(recognized.fields.number.source).toBe('mail-subject');
    expect(recognized.fields.urgency.confidence).toBe(0);
    expect(flagCodes(recognized)).toEqual(['no-text', 'not-recognised']);
  });

  test('reads the number from the file name last', () => {
    const recognized = recognizeDocument({ extracted: emptyExtraction([], 1), fileName: '3141-UBND-VX.pdf' });

    expect(recognized.metadata.number).toBe('3141');
    expect(recognized.metadata.notation).toBe('UBND-VX');
    expect(recognized.fields.number.source).toBe('file-name');
  });
});
