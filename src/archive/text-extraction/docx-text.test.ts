import { describe, expect, test } from 'vitest';

import { readDocxText } from './docx-text.js';
import { DEFAULT_EXTRACTION_LIMITS } from './extraction-limits.js';
import { buildDocx, paragraphXml, tableXml } from './testing/build-docx.js';
import { buildZip } from './testing/build-zip.js';

async function read(bodyXml: string, limits = DEFAULT_EXTRACTION_LIMITS) {
  return readDocxText(buildDocx(bodyXml), limits);
}

describe('readDocxText', () => {
  test('maps header table cells to blocks', async () => {
    const extracted = await read(
      tableXml([[['UBND TỈNH LÂM ĐỒNG', 'SỞ Y TẾ', 'Số: 2214/SYT-VP'], ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Lâm Đồng, ngày 01 tháng 12 năm 2026']]]),
    );

    expect(extracted.lines.map((line) => [line.text, line.column])).toEqual([
      ['UBND TỈNH LÂM ĐỒNG', 'left'],
      ['SỞ Y TẾ', 'left'],
      ['Số: 2214/SYT-VP', 'left'],
      ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'right'],
      ['Lâm Đồng, ngày 01 tháng 12 năm 2026', 'right'],
    ]);
  });

  test('maps a table with an empty middle cell', async () => {
    const extracted = await read(tableXml([[['SỞ Y TẾ'], [], ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']]]));

    expect(extracted.lines.map((line) => line.column)).toEqual(['left', 'right']);
  });

  test('splits a paragraph at a run of tabs', async () => {
    const extracted = await read(paragraphXml('SỞ Y TẾ\t\t\tĐộc lập - Tự do - Hạnh phúc'));

    expect(extracted.lines.map((line) => [line.text, line.column])).toEqual([
      ['SỞ Y TẾ', 'left'],
      ['Độc lập - Tự do - Hạnh phúc', 'right'],
    ]);
  });

  test('keeps a single tab inside a line', async () => {
    const extracted = await read(paragraphXml('Thời gian:\t13 giờ 30'));

    expect(extracted.lines.map((line) => [line.text, line.column])).toEqual([['Thời gian: 13 giờ 30', 'full']]);
  });

  test('marks centred paragraphs', async () => {
    const extracted = await read(paragraphXml('GIẤY MỜI', { centred: true }) + paragraphXml('Kính gửi: Sở Y tế.'));

    expect(extracted.lines.map((line) => line.centred)).toEqual([true, false]);
  });

  test('splits lines at breaks and counts pages', async () => {
    const extracted = await read(paragraphXml('first\nsecond\fthird') + paragraphXml('fourth'));

    expect(extracted.lines.map((line) => [line.text, line.page, line.paragraph])).toEqual([
      ['first', 1, 0],
      ['second', 1, 0],
      ['third', 2, 0],
      ['fourth', 2, 1],
    ]);
    expect(extracted.pageCount).toBe(2);
  });

  test('decodes TCVN3 font runs', async () => {
    const extracted = await read(paragraphXml('Uû ban nh©n d©n tØnh L©m §ång', { font: '.VnTime' }));

    expect(extracted.lines[0]?.text).toBe('Uỷ ban nhân dân tỉnh Lâm Đồng');
  });

  test('composes decomposed text to NFC', async () => {
    const extracted = await read(paragraphXml('Lâm Đồng'.normalize('NFD')));

    expect(extracted.lines[0]?.text).toBe('Lâm Đồng'.normalize('NFC'));
  });

  test('flags pages after the page limit', async () => {
    const extracted = await read(paragraphXml('one\ftwo\fthree'), { ...DEFAULT_EXTRACTION_LIMITS, maxPages: 2 });

    expect(extracted.lines.map((line) => line.text)).toEqual(['one', 'two']);
    expect(extracted.flags.map((flag) => flag.code)).toEqual(['truncated']);
  });

  test('flags text after the character limit', async () => {
    const extracted = await read(paragraphXml('one') + paragraphXml('two'), { ...DEFAULT_EXTRACTION_LIMITS, maxTextCharacters: 5 });

    expect(extracted.lines.map((line) => line.text)).toEqual(['one']);
    expect(extracted.flags.map((flag) => flag.code)).toEqual(['truncated']);
  });

  test('flags a zip that is not a DOCX file', async () => {
    const extracted = await readDocxText(buildZip({ 'hello.txt': 'xin chào' }), DEFAULT_EXTRACTION_LIMITS);

    expect(extracted.flags.map((flag) => flag.code)).toEqual(['broken']);
    expect(extracted.lines).toEqual([]);
  });

  test('flags a password-protected DOCX file', async () => {
    const ole = new Uint8Array(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100), Buffer.from('EncryptionInfo', 'utf16le')]));

    const extracted = await readDocxText(ole, DEFAULT_EXTRACTION_LIMITS);

    expect(extracted.flags.map((flag) => flag.code)).toEqual(['encrypted']);
  });

  test('flags a legacy .doc file', async () => {
    const ole = new Uint8Array(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]));

    const extracted = await readDocxText(ole, DEFAULT_EXTRACTION_LIMITS);

    expect(extracted.flags.map((flag) => flag.code)).toEqual(['broken']);
    expect(extracted.flags[0]?.message).toContain('.doc');
  });
});
