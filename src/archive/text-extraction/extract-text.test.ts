import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { describe, expect, test } from 'vitest';

import { extractText, warmUpTextExtraction } from './extract-text.js';
import { buildDocx, paragraphXml } from './testing/build-docx.js';
import { buildPdf } from './testing/build-pdf.js';
import { buildZip, deflatedZeros } from './testing/build-zip.js';

const fixtures = new URL('../../../test/fixtures/documents/', import.meta.url);

async function fixture(name: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(new URL(name, fixtures)));
}

function flagCodes(extracted: { flags: { code: string }[] }): string[] {
  return extracted.flags.map((flag) => flag.code);
}

// Runs `action` and returns its result with the largest growth of the process's resident memory
// seen meanwhile, sampled every 5 ms. Worker threads count, because they share the process.
async function withPeakRssGrowth<T>(action: () => Promise<T>): Promise<{ result: T; peakGrowthBytes: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);

  try {
    const result = await action();
    peak = Math.max(peak, process.memoryUsage.rss());

    return { result, peakGrowthBytes: peak - before };
  } finally {
    clearInterval(sampler);
  }
}

// A DOCX whose document part inflates to 2 GiB of zeros from about 2 MB.
function zipBombDocx(declaredSize: number): Uint8Array {
  return buildZip({
    '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels':
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
    'word/document.xml': { deflated: deflatedZeros(2048), size: declaredSize },
  });
}

// Bytes from a fixed linear congruential sequence, so that a failure can be reproduced.
function garbage(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = 12345;
  for (let index = 0; index < length; index++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    bytes[index] = state >>> 16;
  }

  return bytes;
}

describe('extractText', () => {
  test.each(['cv-1187-snv', 'gm-88-ubnd', 'bc-57-ubnd-xa', 'cv-2214-syt-dklh', 'tb-61-ubnd'])('reads %s as PDF and DOCX', async (name) => {
    const pdf = await extractText(await fixture(`${name}.pdf`), 'pdf');
    const docx = await extractText(await fixture(`${name}.docx`), 'docx');

    expect(flagCodes(pdf)).toEqual([]);
    expect(flagCodes(docx)).toEqual([]);
    expect(pdf.pageCount).toBe(1);
    expect(pdf.lines.length).toBeGreaterThan(15);
    expect(docx.lines.length).toBeGreaterThan(15);
    expect(pdf.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(docx.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  test('flags a scan without text layer', async () => {
    const extracted = await extractText(await fixture('gm-88-ubnd-scan.pdf'), 'pdf');

    expect(flagCodes(extracted)).toEqual(['needs-ocr']);
    expect(extracted.pageCount).toBe(1);
    expect(extracted.lines).toEqual([]);
  });

  test('flags a truncated PDF', async () => {
    const bytes = await fixture('cv-1187-snv.pdf');

    const extracted = await extractText(bytes.subarray(0, Math.floor(bytes.length / 2)), 'pdf');

    expect(flagCodes(extracted)).toEqual(['broken']);
  });

  test('flags random bytes as PDF', async () => {
    expect(flagCodes(await extractText(garbage(4096), 'pdf'))).toEqual(['broken']);
  });

  test('flags an empty file', async () => {
    expect(flagCodes(await extractText(new Uint8Array(0), 'pdf'))).toEqual(['broken']);
    expect(flagCodes(await extractText(new Uint8Array(0), 'docx'))).toEqual(['broken']);
  });

  test('flags random bytes as DOCX', async () => {
    expect(flagCodes(await extractText(garbage(4096), 'docx'))).toEqual(['broken']);
  });

  test('flags a zip that is not a DOCX file', async () => {
    const zip = buildZip({ 'mimetype': 'application/vnd.oasis.opendocument.text', 'content.xml': '<office:document/>' });

    expect(flagCodes(await extractText(zip, 'docx'))).toEqual(['broken']);
  });

  test('flags a truncated DOCX file', async () => {
    const bytes = await fixture('cv-1187-snv.docx');

    expect(flagCodes(await extractText(bytes.subarray(0, 2000), 'docx'))).toEqual(['broken']);
  });

  test('flags a password-protected PDF', async () => {
    const pdf = buildPdf([[{ text: 'Secret', x: 72, y: 100 }]], { passwordProtected: true });

    expect(flagCodes(await extractText(pdf, 'pdf'))).toEqual(['encrypted']);
  });

  test('flags a file over the size limit', async () => {
    const extracted = await extractText(await fixture('cv-1187-snv.pdf'), 'pdf', { maxBytes: 1000 });

    expect(flagCodes(extracted)).toEqual(['too-large']);
  });

  test('reads only the first pages', async () => {
    const pages = [1, 2, 3, 4].map((page) => [{ text: `Text of page ${page}`, x: 72, y: 100 }]);

    const extracted = await extractText(buildPdf(pages), 'pdf', { maxPages: 2 });

    expect(extracted.lines.map((line) => line.text)).toEqual(['Text of page 1', 'Text of page 2']);
    expect(extracted.pageCount).toBe(4);
    expect(flagCodes(extracted)).toEqual(['truncated']);
  });

  test('flags a timeout and recovers', async () => {
    const bytes = await fixture('tb-61-ubnd.pdf');

    const timedOut = await extractText(bytes, 'pdf', { timeoutMs: 1 });
    const next = await extractText(bytes, 'pdf');

    expect(flagCodes(timedOut)).toEqual(['timeout']);
    expect(flagCodes(next)).toEqual([]);
    expect(next.lines.length).toBeGreaterThan(15);
  });

  test('flags a heap overflow and recovers', async () => {
    const bytes = await fixture('bc-57-ubnd-xa.pdf');

    const overflowed = await extractText(bytes, 'pdf', { maxHeapMb: 4 });
    const next = await extractText(bytes, 'pdf');

    expect(flagCodes(overflowed)).toEqual(['too-large']);
    expect(flagCodes(next)).toEqual([]);
  });

  test('leaves the caller bytes usable', async () => {
    const bytes = await fixture('gm-88-ubnd.pdf');
    const length = bytes.byteLength;

    await extractText(bytes, 'pdf');

    expect(bytes.byteLength).toBe(length);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });

  test('leaves a caller Buffer usable', async () => {
    const buffer = await readFile(new URL('gm-88-ubnd.pdf', fixtures));
    const view = buffer.subarray(0, 5);

    await extractText(buffer, 'pdf');

    expect(buffer.byteLength).toBeGreaterThan(40_000);
    expect(view.toString('latin1')).toBe('%PDF-');
  });

  test('leaves other pooled Buffers usable', async () => {
    // Small Buffers share one pooled ArrayBuffer.
    const input = Buffer.from('%PDF-1.4 not really a PDF');
    const neighbour = Buffer.from('neighbour');

    await extractText(input, 'pdf');

    expect(input.toString('latin1')).toBe('%PDF-1.4 not really a PDF');
    expect(neighbour.toString('latin1')).toBe('neighbour');
  });

  test('reads files in parallel', async () => {
    const names = ['cv-1187-snv', 'gm-88-ubnd', 'bc-57-ubnd-xa', 'cv-2214-syt-dklh', 'tb-61-ubnd'];
    const files = await Promise.all(names.flatMap((name) => [fixture(`${name}.pdf`), fixture(`${name}.docx`)]));

    const results = await Promise.all(files.map((bytes, index) => extractText(bytes, index % 2 === 0 ? 'pdf' : 'docx')));

    expect(results.map(flagCodes)).toEqual(files.map(() => []));
  });

  test.each([
    ['declares its size', 2048 * 1024 * 1024],
    ['understates its size', 1000],
  ])('rejects a DOCX zip bomb that %s', async (_, declaredSize) => {
    const bomb = zipBombDocx(declaredSize);
    await extractText(await fixture('cv-1187-snv.docx'), 'docx');

    const started = performance.now();
    const { result, peakGrowthBytes } = await withPeakRssGrowth(() => extractText(bomb, 'docx'));

    expect(flagCodes(result)).toEqual(['too-large']);
    expect(result.flags[0]?.message).toContain('giới hạn 100 MiB');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(peakGrowthBytes).toBeLessThan(100 * 1024 * 1024);
  });

  test('keeps error text out of flag messages', async () => {
    const pdf = await fixture('cv-1187-snv.pdf');
    const docx = await fixture('cv-1187-snv.docx');
    const results = [
      await extractText(pdf.subarray(0, Math.floor(pdf.length / 2)), 'pdf'),
      await extractText(garbage(4096), 'pdf'),
      await extractText(new Uint8Array(0), 'pdf'),
      await extractText(docx.subarray(0, 2000), 'docx'),
      await extractText(buildZip({ 'hello.txt': 'xin chào' }), 'docx'),
      await extractText(pdf, 'pdf', { maxHeapMb: 4 }),
    ];

    for (const flag of results.flatMap((result) => result.flags)) {
      expect(flag).not.toHaveProperty('detail');
      expect(flag.message).not.toMatch(/Exception|Error|Invalid|valid \.docx|heap|worker/u);
    }
    expect(results.map(flagCodes)).toEqual([['broken'], ['broken'], ['broken'], ['broken'], ['broken'], ['too-large']]);
  });

  test('reads 30 PDF pages at default limits', async () => {
    const pages = Array.from({ length: 30 }, (_, page) =>
      Array.from({ length: 45 }, (_, line) => ({ text: `Page ${page + 1}, line ${line + 1} of the report on the year's work`, x: 72, y: 60 + line * 16 })),
    );

    const extracted = await extractText(buildPdf(pages), 'pdf');

    expect(flagCodes(extracted)).toEqual([]);
    expect(extracted.pageCount).toBe(30);
    expect(extracted.lines).toHaveLength(30 * 45);
  });

  test('reads a long DOCX at default limits', async () => {
    const body = Array.from({ length: 30 * 45 }, (_, line) => paragraphXml(`Đoạn ${line + 1} của báo cáo tổng kết công tác năm`)).join('');

    const extracted = await extractText(buildDocx(body), 'docx');

    expect(flagCodes(extracted)).toEqual([]);
    expect(extracted.lines).toHaveLength(30 * 45);
  });

  test('reads a file after warming up', async () => {
    warmUpTextExtraction({ maxHeapMb: 384 });

    const extracted = await extractText(await fixture('cv-2214-syt-dklh.pdf'), 'pdf', { maxHeapMb: 384 });

    expect(flagCodes(extracted)).toEqual([]);
  });

  test('flags a scan page after text pages', async () => {
    const pages = [[{ text: 'Text of the first page of the document', x: 72, y: 100 }], [], []];

    const extracted = await extractText(buildPdf(pages), 'pdf');

    expect(flagCodes(extracted)).toEqual(['needs-ocr']);
    expect(extracted.flags[0]?.message).toContain('Trang 2, 3');
  });

  test('starts its worker under tsx', async () => {
    const script = fileURLToPath(new URL('./testing/extract-from-command-line.ts', import.meta.url));
    const file = fileURLToPath(new URL('gm-88-ubnd.pdf', fixtures));

    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, file], {
      cwd: fileURLToPath(new URL('../../../', import.meta.url)),
    });
    const output = JSON.parse(stdout) as { flags: unknown[]; lines: { text: string }[] };

    expect(output.flags).toEqual([]);
    expect(output.lines.map((line) => line.text)).toContain('GIẤY MỜI');
  });

  // Node 20 aborted the test run when the pool terminated a timed-out worker thread that held a
  // node:zlib handle, which pdfjs created through DecompressionStream for every compressed stream.
  test.each(['gm-88-ubnd.pdf', 'cv-2214-syt-dklh.docx'])('reads %s without a node:zlib handle in the worker', async (name) => {
    const script = fileURLToPath(new URL('./testing/extract-from-command-line.ts', import.meta.url));
    const probe = fileURLToPath(new URL('./testing/report-zlib-handles.mjs', import.meta.url));
    const file = fileURLToPath(new URL(name, fixtures));

    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--import', probe, script, file], {
      cwd: fileURLToPath(new URL('../../../', import.meta.url)),
    });
    const output = JSON.parse(stdout) as { flags: unknown[]; lines: { text: string }[] };

    expect(stderr).not.toContain('zlib handle created in the worker thread');
    expect(output.flags).toEqual([]);
    expect(output.lines.length).toBeGreaterThan(5);
  });
});
