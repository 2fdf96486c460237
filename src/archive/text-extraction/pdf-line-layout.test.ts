import { describe, expect, test } from 'vitest';

import { layOutPdfLines, type PlacedText } from './pdf-line-layout.js';

function placed(text: string, x: number, y: number, width: number, fontSize = 13): PlacedText {
  return { text, x, y, width, fontSize };
}

// A body line that spans the text area from the left to the right margin, so that the text
// area is the same in every case.
const bodyLine = placed('Body text that runs from the left margin to the right margin of the page.', 57, 400, 510, 14);

function layOut(items: PlacedText[]) {
  return layOutPdfLines([{ page: 1, items: [...items, bodyLine] }]).filter((line) => line.text !== bodyLine.text);
}

describe('layOutPdfLines', () => {
  test('splits header blocks on one baseline', () => {
    const lines = layOut([placed('ỦY BAN NHÂN DÂN TỈNH LÂM', 62.6, 49, 192), placed('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 278.4, 49, 271)]);

    expect(lines.map((line) => [line.text, line.column])).toEqual([
      ['ỦY BAN NHÂN DÂN TỈNH LÂM', 'left'],
      ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'right'],
    ]);
  });

  test('joins runs of one line with a space', () => {
    const lines = layOut([placed('Số:', 100, 120, 20), placed('3141/UBND-VX', 124, 120, 80)]);

    expect(lines.map((line) => line.text)).toEqual(['Số: 3141/UBND-VX']);
  });

  test('joins a far label and value that are not two blocks', () => {
    const lines = layOut([placed('Thời gian:', 85, 300, 60, 14), placed('13 giờ 30, ngày 18 tháng 12 năm 2026.', 200, 300, 220, 14)]);

    expect(lines).toHaveLength(1);
    expect(lines[0]?.text).toBe('Thời gian: 13 giờ 30, ngày 18 tháng 12 năm 2026.');
    expect(lines[0]?.column).toBe('full');
  });

  test('splits blocks typed with spaces', () => {
    const lines = layOut([placed('SỞ Y TẾ            Độc lập - Tự do - Hạnh phúc', 100, 70, 440)]);

    expect(lines.map((line) => [line.text, line.column])).toEqual([
      ['SỞ Y TẾ', 'left'],
      ['Độc lập - Tự do - Hạnh phúc', 'right'],
    ]);
  });

  test('marks a centred title', () => {
    const lines = layOut([placed('GIẤY MỜI', 277, 180, 70, 14)]);

    expect(lines[0]).toMatchObject({ column: 'full', centred: true });
  });

  test('keeps the last line of a body paragraph in it', () => {
    const lines = layOutPdfLines([
      {
        page: 1,
        items: [
          placed('Danh sách cử người đề nghị gửi về Sở Nội vụ qua hệ thống thư điện tử công vụ trước', 85, 325, 481, 14),
          placed('ngày 05/12/2026.', 57, 341, 98, 14),
          placed('Sở Nội vụ đề nghị các cơ quan, đơn vị quan tâm phối hợp thực hiện./.', 85, 372, 390, 14),
        ],
      },
    ]);

    expect(lines.map((line) => [line.column, line.paragraph])).toEqual([
      ['full', 0],
      ['full', 0],
      ['full', 1],
    ]);
  });

  test('groups a wrapped header line into one paragraph', () => {
    const lines = layOut([placed('ỦY BAN NHÂN DÂN TỈNH LÂM', 62.6, 49, 192), placed('ĐỒNG', 139.3, 64, 39), placed('Số: 88 /GM-UBND', 107.5, 122, 103)]);

    expect(lines.map((line) => line.paragraph)).toEqual([0, 0, 1]);
  });

  test('orders lines by page and from the top', () => {
    const lines = layOutPdfLines([
      { page: 1, items: [placed('second', 57, 200, 300), placed('first', 57, 100, 300)] },
      { page: 2, items: [placed('third', 57, 50, 300)] },
    ]);

    expect(lines.map((line) => [line.text, line.page])).toEqual([
      ['first', 1],
      ['second', 1],
      ['third', 2],
    ]);
  });

  test('drops text drawn twice for bold', () => {
    const lines = layOut([placed('SỞ NỘI VỤ', 125, 71, 67), placed('SỞ NỘI VỤ', 125.4, 71, 67)]);

    expect(lines.map((line) => line.text)).toEqual(['SỞ NỘI VỤ']);
  });

  test('returns no lines for no text', () => {
    expect(layOutPdfLines([{ page: 1, items: [] }])).toEqual([]);
  });
});
