import { describe, expect, it } from 'vitest';

import { isTnef, readTnef } from './tnef.js';
import { buildTnef } from './test-support/build-tnef.js';
import { fixture } from './test-support/eml.js';

describe('readTnef', () => {
  it('unpacks files byte for byte with their long names', () => {
    const pdf = fixture('documents/cv-1187-snv.pdf');
    const docx = fixture('documents/cv-1187-snv.docx');
    const stream = buildTnef([
      { title: Buffer.from('CV1187~1.PDF'), longName: 'Công văn 1187.pdf', mimeType: 'application/pdf', content: pdf },
      { title: Buffer.from('CV1187~1.DOC'), longName: 'Công văn 1187.docx', content: docx },
    ]);

    const tnef = readTnef(stream);

    expect(tnef.error).toBeNull();
    expect(tnef.files).toHaveLength(2);
    expect(tnef.files[0]!.name).toBe('Công văn 1187.pdf');
    expect(tnef.files[0]!.mimeType).toBe('application/pdf');
    expect(tnef.files[0]!.content.equals(pdf)).toBe(true);
    expect(tnef.files[1]!.content.equals(docx)).toBe(true);
  });

  it('decodes an 8-bit title with the OEM code page', () => {
    // "Việt.pdf" in windows-1258, with the combining dot below.
    const title = Buffer.from([0x56, 0x69, 0xea, 0xf2, 0x74, 0x2e, 0x70, 0x64, 0x66]);

    const tnef = readTnef(buildTnef([{ title, content: Buffer.from('data') }], 1258));

    expect(tnef.files[0]!.name).toBe('Việt.pdf');
  });

  it('keeps the files read before a truncation', () => {
    const stream = buildTnef([
      { longName: 'a.txt', content: Buffer.from('first') },
      { longName: 'b.txt', content: Buffer.alloc(1000, 0x62) },
    ]);

    const tnef = readTnef(stream.subarray(0, stream.length - 600));

    expect(tnef.files.map((file) => file.name)).toEqual(['a.txt']);
    expect(tnef.error).toMatch(/runs past the end/);
  });

  it('rejects bytes without the signature', () => {
    expect(isTnef(Buffer.from('not tnef'))).toBe(false);
    expect(readTnef(Buffer.from('not tnef')).error).toBe('no TNEF signature');
  });
});
