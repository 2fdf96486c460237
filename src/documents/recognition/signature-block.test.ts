import { describe, expect, test } from 'vitest';

import type { TextColumn } from '../../archive/text-extraction/extracted-text.js';

import { readSignatureBlock } from './signature-block.js';
import { documentText, linesText } from './testing/document-text.js';

const body = ['Đề nghị các cơ quan, đơn vị phối hợp thực hiện./.'];
const recipients = ['Nơi nhận:', '- Như trên;', '- Lưu: VT.'];

function signatureOf(signature: string[]) {
  const { lines } = documentText({ body, recipients, signature });

  return readSignatureBlock(lines, 0);
}

describe('readSignatureBlock', () => {
  test.each([
    [['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Đặng Thị Thu Hà'], 'Đặng Thị Thu Hà', 'Phó Giám đốc', 'KT.'],
    [['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG', 'Phạm Minh Tuấn'], 'Phạm Minh Tuấn', 'Chánh Văn phòng', 'TL.'],
    [['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', "K' Brăo"], "K' Brăo", 'Chủ tịch', 'TM.'],
    [['TUQ. GIÁM ĐỐC', 'TRƯỞNG PHÒNG TỔ CHỨC', 'Lê Văn Nam'], 'Lê Văn Nam', 'Trưởng phòng tổ chức', 'TUQ.'],
    [['Q. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Lê Văn Nam'], 'Lê Văn Nam', 'Phó Giám đốc', 'Q.'],
    [['T/M ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Lê Văn Nam'], 'Lê Văn Nam', 'Chủ tịch', 'TM.'],
    [['TL. CHỦ TỊCH', 'KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG', 'Trần Văn Bình'], 'Trần Văn Bình', 'Phó Chánh Văn phòng', 'TL.'],
    [['GIÁM ĐỐC', 'Ngô Thị Lan'], 'Ngô Thị Lan', 'Giám đốc', null],
    [['GIÁM ĐỐC', 'NGÔ THỊ LAN'], 'Ngô Thị Lan', 'Giám đốc', null],
    [['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', '(Đã ký)', 'Nguyễn Văn An'], 'Nguyễn Văn An', 'Phó Chủ tịch', 'KT.'],
    [['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Ký bởi: Nguyễn Văn An', 'Thời gian ký: 01/12/2026', 'Nguyễn Văn An'], 'Nguyễn Văn An', 'Phó Chủ tịch', 'KT.'],
    [['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH THƯỜNG TRỰC', 'Nguyễn Văn An'], 'Nguyễn Văn An', 'Phó Chủ tịch Thường trực', 'KT.'],
    [['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Signature Not Verified', 'Lê Thị Mai'], 'Lê Thị Mai', 'Phó Giám đốc', 'KT.'],
  ])('reads %j', (signature, signer, position, authority) => {
    expect(signatureOf(signature)).toEqual({ signer, position, authority });
  });

  test('reads a block without the name', () => {
    expect(signatureOf(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'])).toEqual({ signer: null, position: 'Phó Giám đốc', authority: 'KT.' });
  });

  test('reads a PDF block beside the recipient list', () => {
    const lines: [TextColumn, string][] = [
      ['full', 'Sở Nội vụ đề nghị các cơ quan, đơn vị quan tâm phối hợp thực hiện./.'],
      ['right', 'KT. GIÁM ĐỐC'],
      ['left', 'Nơi nhận:'],
      ['right', 'PHÓ GIÁM ĐỐC'],
      ['left', '- Như trên;'],
      ['left', '- Lưu: VT, CCVC.'],
      ['right', 'Đặng Thị Thu Hà'],
    ];

    expect(readSignatureBlock(linesText(lines).lines, 0)).toEqual({ signer: 'Đặng Thị Thu Hà', position: 'Phó Giám đốc', authority: 'KT.' });
  });

  test('reads a PDF block without prefix', () => {
    const lines: [TextColumn, string][] = [
      ['full', 'Kính đề nghị Văn phòng UBND tỉnh tổng hợp, bố trí lịch./.'],
      ['right', 'GIÁM ĐỐC'],
      ['left', 'Nơi nhận:'],
      ['left', '- Như trên;'],
      ['right', 'Ngô Thị Lan'],
    ];

    expect(readSignatureBlock(linesText(lines).lines, 0)).toEqual({ signer: 'Ngô Thị Lan', position: 'Giám đốc', authority: null });
  });

  test('reads a block typed without columns', () => {
    const lines: [TextColumn, string][] = [
      ['full', 'Đề nghị các đơn vị thực hiện./.'],
      ['full', 'Nơi nhận:'],
      ['full', '- Như trên;'],
      ['full', '- Lưu: VT.'],
      ['full', 'KT. GIÁM ĐỐC'],
      ['full', 'PHÓ GIÁM ĐỐC'],
      ['full', 'Đặng Thị Thu Hà'],
    ];

    expect(readSignatureBlock(linesText(lines).lines, 0)).toEqual({ signer: 'Đặng Thị Thu Hà', position: 'Phó Giám đốc', authority: 'KT.' });
  });

  test('ignores header blocks before the body', () => {
    const lines: [TextColumn, string][] = [
      ['left', 'SỞ Y TẾ'],
      ['right', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['full', 'Kính gửi: Văn phòng UBND tỉnh.'],
    ];

    expect(readSignatureBlock(linesText(lines).lines, 2)).toBeNull();
  });
});
