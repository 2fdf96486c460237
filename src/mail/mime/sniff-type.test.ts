import { describe, expect, it } from 'vitest';

import { DOC_TYPE, DOCX_TYPE, isDocumentType, sniffContentType } from './sniff-type.js';
import { buildCompoundFile } from './test-support/build-compound-file.js';
import { buildTnef } from './test-support/build-tnef.js';
import { buildZip } from './test-support/build-zip.js';
import { fixture } from './test-support/eml.js';

function bytes(...values: number[]): Buffer {
  return Buffer.from(values);
}

describe('sniffContentType', () => {
  it('detects the real PDF and DOCX fixtures', () => {
    expect(sniffContentType(fixture('documents/cv-1187-snv.pdf'))).toBe('application/pdf');
    expect(sniffContentType(fixture('documents/cv-1187-snv.docx'))).toBe(DOCX_TYPE);
  });

  it('finds a PDF header after leading junk', () => {
    expect(sniffContentType(Buffer.concat([Buffer.alloc(300, 0x20), Buffer.from('%PDF-1.4\n')]))).toBe('application/pdf');
  });

  it('detects a Word 97-2003 file by its WordDocument stream', () => {
    expect(sniffContentType(buildCompoundFile(['WordDocument', '1Table']))).toBe(DOC_TYPE);
  });

  it.each([
    [['Workbook'], 'application/vnd.ms-excel'],
    [['PowerPoint Document'], 'application/vnd.ms-powerpoint'],
    [['__substg1.0_0037001F'], 'application/vnd.ms-outlook'],
    [['Other'], 'application/x-ole-storage'],
  ])('detects compound file %j as %s', (names, type) => {
    expect(sniffContentType(buildCompoundFile(names))).toBe(type);
  });

  it('falls back for a broken compound file', () => {
    const broken = buildCompoundFile(['WordDocument']).subarray(0, 600);

    expect(sniffContentType(broken)).toBe('application/x-ole-storage');
  });

  it.each([
    ['word/document.xml', DOCX_TYPE],
    ['xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['ppt/presentation.xml', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  ])('detects an Office Open XML package with %s', (entry, type) => {
    const zip = buildZip([
      { name: '[Content_Types].xml', content: '<Types/>' },
      { name: entry, content: '<x/>' },
    ]);

    expect(sniffContentType(zip)).toBe(type);
  });

  it.each(['application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.spreadsheet'])(
    'detects ODF package %s',
    (type) => {
      const zip = buildZip([
        { name: 'mimetype', content: type },
        { name: 'content.xml', content: '<x/>' },
      ]);

      expect(sniffContentType(zip)).toBe(type);
    },
  );

  it('detects a plain zip archive', () => {
    expect(sniffContentType(buildZip([{ name: 'a.txt', content: 'a' }]))).toBe('application/zip');
  });

  it('names entries of a truncated zip from local headers', () => {
    const zip = buildZip([
      { name: '[Content_Types].xml', content: '<Types/>' },
      { name: 'word/document.xml', content: '<x/>' },
    ]);

    expect(sniffContentType(zip.subarray(0, zip.length - 40))).toBe(DOCX_TYPE);
  });

  it.each([
    [bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'image/png'],
    [bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    [Buffer.from('GIF89a\x01\x00', 'latin1'), 'image/gif'],
    [bytes(0x49, 0x49, 0x2a, 0x00, 8), 'image/tiff'],
    [bytes(0x4d, 0x4d, 0x00, 0x2a, 8), 'image/tiff'],
    [Buffer.from('MZ\x90\x00\x03', 'latin1'), 'application/x-msdownload'],
    [bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1), 'application/x-msdownload'],
    [bytes(0x1f, 0x8b, 8, 0), 'application/gzip'],
    [Buffer.from('{\\rtf1\\ansi'), 'application/rtf'],
  ])('detects %s', (content, type) => {
    expect(sniffContentType(content)).toBe(type);
  });

  it('detects TNEF', () => {
    expect(sniffContentType(buildTnef([{ content: Buffer.from('x') }]))).toBe('application/ms-tnef');
  });

  it('keeps a TNEF holding a PDF as TNEF', () => {
    expect(sniffContentType(buildTnef([{ content: fixture('documents/cv-1187-snv.pdf') }]))).toBe('application/ms-tnef');
  });

  it('reads UTF-8 and windows-1258 text as text', () => {
    expect(sniffContentType(Buffer.from('Kính gửi quý cơ quan,\r\n', 'utf8'))).toBe('text/plain');
    expect(sniffContentType(bytes(0x56, 0x69, 0xea, 0xf2, 0x74, 0x0a))).toBe('text/plain');
  });

  it('reads binary and empty content as octet-stream', () => {
    expect(sniffContentType(bytes(0x01, 0x02, 0x00, 0x03))).toBe('application/octet-stream');
    expect(sniffContentType(Buffer.alloc(0))).toBe('application/octet-stream');
  });

  it('accepts a Uint8Array view into a larger buffer', () => {
    const pdf = new Uint8Array(Buffer.from('xx%PDF-1.7'));

    expect(sniffContentType(pdf.subarray(2))).toBe('application/pdf');
  });
});

describe('isDocumentType', () => {
  it('accepts PDF, DOCX and DOC only', () => {
    expect(isDocumentType('application/pdf')).toBe(true);
    expect(isDocumentType(DOCX_TYPE)).toBe(true);
    expect(isDocumentType('Application/MSWord')).toBe(true);
    expect(isDocumentType('application/zip')).toBe(false);
    expect(isDocumentType('application/vnd.oasis.opendocument.text')).toBe(false);
  });
});
