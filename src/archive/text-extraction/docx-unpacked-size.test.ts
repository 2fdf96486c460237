import { readFile } from 'node:fs/promises';

import { describe, expect, test } from 'vitest';

import { checkDocxUnpackedSize } from './docx-unpacked-size.js';
import { buildZip, deflatedEntry, deflatedZeros } from './testing/build-zip.js';

const MIB = 1024 * 1024;
const LIMIT = 100 * MIB;

const fixtures = new URL('../../../test/fixtures/documents/', import.meta.url);

// Text that deflates at about 5:1, far below the ratio limit.
function lowRatioText(length: number): string {
  let text = '';
  let state = 7;
  while (text.length < length) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    text += `Số ${state % 100000} `;
  }

  return text.slice(0, length);
}

describe('checkDocxUnpackedSize', () => {
  test('accepts a real DOCX file', async () => {
    const bytes = new Uint8Array(await readFile(new URL('cv-1187-snv.docx', fixtures)));

    expect(await checkDocxUnpackedSize(bytes, LIMIT)).toEqual({ ok: true });
  });

  test('rejects a declared size over the limit', async () => {
    const zip = buildZip({ 'word/document.xml': { deflated: deflatedZeros(2048), size: 2048 * MIB } });

    const check = await checkDocxUnpackedSize(zip, LIMIT);

    expect(check.ok).toBe(false);
    expect(check.ok ? null : check.flag.code).toBe('too-large');
    expect(check.ok ? null : check.flag.message).toContain('(2.048 MiB, giới hạn 100 MiB)');
  });

  test('adds up the declared sizes of all entries', async () => {
    const zip = buildZip({
      'word/document.xml': { ...deflatedEntry('<w:document/>'), size: 60 * MIB },
      'word/media/image1.png': { ...deflatedEntry('png'), size: 60 * MIB },
    });

    const check = await checkDocxUnpackedSize(zip, LIMIT);

    expect(check.ok ? null : check.flag.message).toContain('(120 MiB, giới hạn 100 MiB)');
  });

  test('reads a declared size from a zip64 field', async () => {
    const zip = buildZip({ 'word/document.xml': { deflated: deflatedZeros(2), size: 5 * 1024 * MIB, zip64: true } });

    const check = await checkDocxUnpackedSize(zip, LIMIT);

    expect(check.ok ? null : check.flag.message).toContain('(5.120 MiB, giới hạn 100 MiB)');
  });

  test('rejects a declared ratio over the limit', async () => {
    const zip = buildZip({ 'word/document.xml': { deflated: deflatedZeros(50), size: 50 * MIB } });

    const check = await checkDocxUnpackedSize(zip, LIMIT);

    expect(check.ok ? null : check.flag.code).toBe('too-large');
    expect(check.ok ? null : check.flag.message).toContain('word/document.xml nén với tỷ lệ');
    expect(check.ok ? null : check.flag.message).toContain('(giới hạn 200:1)');
  });

  test('rejects data that inflates past an understated size', async () => {
    const zip = buildZip({ 'word/document.xml': { deflated: deflatedZeros(2048), size: 1000 } });

    const started = performance.now();
    const check = await checkDocxUnpackedSize(zip, LIMIT);

    expect(check.ok ? null : check.flag.code).toBe('too-large');
    expect(check.ok ? null : check.flag.message).toContain('(hơn 100 MiB, giới hạn 100 MiB)');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  test('rejects an inflated ratio over the limit', async () => {
    const zip = buildZip({ 'word/document.xml': { deflated: deflatedZeros(50), size: 1000 } });

    const check = await checkDocxUnpackedSize(zip, LIMIT);

    expect(check.ok ? null : check.flag.code).toBe('too-large');
    expect(check.ok ? null : check.flag.message).toContain('word/document.xml nén với tỷ lệ hơn 200:1');
  });

  test('rejects low-ratio data past the limit', async () => {
    const text = lowRatioText(3 * MIB);
    const zip = buildZip({ 'word/document.xml': { ...deflatedEntry(text), size: 1000 } });

    const check = await checkDocxUnpackedSize(zip, 2 * MIB);

    expect(check.ok ? null : check.flag.code).toBe('too-large');
    expect(check.ok ? null : check.flag.message).toContain('(hơn 2 MiB, giới hạn 2 MiB)');
  });

  test('flags a zip without a central directory', async () => {
    const bytes = new Uint8Array(await readFile(new URL('cv-1187-snv.docx', fixtures)));

    const check = await checkDocxUnpackedSize(bytes.subarray(0, 2000), LIMIT);

    expect(check.ok ? null : check.flag.code).toBe('broken');
    expect(check.ok ? null : check.flag.detail).toBe('ZipDirectoryError: No end of central directory record was found.');
  });
});
