import { describe, expect, test } from 'vitest';

import { DEFAULT_EXTRACTION_LIMITS } from './extraction-limits.js';
import { readPdfText } from './pdf-text.js';
import { buildPdf } from './testing/build-pdf.js';

const text = 'Landscape text that reads upright';

describe('readPdfText', () => {
  test('reads text at its position', async () => {
    const extracted = await readPdfText(buildPdf([[{ text, x: 72, y: 142 }]]), DEFAULT_EXTRACTION_LIMITS);

    expect(extracted.lines).toHaveLength(1);
    expect(extracted.lines[0]?.text).toBe(text);
    expect(extracted.lines[0]?.box).toMatchObject({ x: 72, y: 142, fontSize: 12 });
  });

  test.each([
    [90, '0 1 -1 0 100 72'],
    [270, '0 -1 1 0 100 770'],
  ])('reads a page turned by %i degrees', async (rotate, matrix) => {
    const pdf = buildPdf([[{ text, x: 0, y: 0, matrix }]], { rotate });

    const extracted = await readPdfText(pdf, DEFAULT_EXTRACTION_LIMITS);

    expect(extracted.lines.map((line) => line.text)).toEqual([text]);
    expect(extracted.flags).toEqual([]);
  });

  test('leaves out sideways text without calling it a scan', async () => {
    const pdf = buildPdf([[{ text, x: 0, y: 0, matrix: '0 1 -1 0 100 72' }]]);

    const extracted = await readPdfText(pdf, DEFAULT_EXTRACTION_LIMITS);

    expect(extracted.lines).toEqual([]);
    expect(extracted.flags).toEqual([]);
  });

  test('flags a page without text', async () => {
    const extracted = await readPdfText(buildPdf([[]]), DEFAULT_EXTRACTION_LIMITS);

    expect(extracted.flags.map((flag) => flag.code)).toEqual(['needs-ocr']);
    expect(extracted.pageCount).toBe(1);
  });
});
