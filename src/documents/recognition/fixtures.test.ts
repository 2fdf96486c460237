import { readFile } from 'node:fs/promises';

import { describe, expect, test } from 'vitest';

import { extractText } from '../../archive/text-extraction/extract-text.js';
import type { DocumentFileKind, ExtractedText } from '../../archive/text-extraction/extracted-text.js';

import type { DocumentMetadata } from './document-metadata.js';
import { recognizeDocument } from './recognize-document.js';

const fixtures = new URL('../../../test/fixtures/documents/', import.meta.url);

type ExpectedMetadata = Partial<DocumentMetadata>;

const expectedByName = JSON.parse(await readFile(new URL('expected.json', fixtures), 'utf8')) as Record<string, ExpectedMetadata | string>;
const documentNames = Object.keys(expectedByName).filter((name) => !name.startsWith('_'));

// Documents print these in capitals, so the expected values compare without regard to case.
const CASE_INSENSITIVE_FIELDS = new Set<keyof DocumentMetadata>(['issuer', 'signerPosition', 'subject']);

const extractions = new Map<string, Promise<ExtractedText>>();

// Each file is extracted once and shared by the tests that read it.
async function recognizeFixture(name: string, kind: DocumentFileKind) {
  const fileName = `${name}.${kind}`;
  let extraction = extractions.get(fileName);
  if (extraction === undefined) {
    extraction = readFile(new URL(fileName, fixtures)).then((bytes) => extractText(new Uint8Array(bytes), kind));
    extractions.set(fileName, extraction);
  }

  const extracted = await extraction;

  return { extracted, recognized: recognizeDocument({ extracted, fileName }) };
}

function comparable(field: keyof DocumentMetadata, value: unknown): unknown {
  return CASE_INSENSITIVE_FIELDS.has(field) && typeof value === 'string' ? value.toLocaleLowerCase('vi') : value;
}

describe('fixture documents', () => {
  test('expected.json lists the fixtures', () => {
    expect(documentNames).toEqual(expect.arrayContaining(['cv-1187-snv', 'gm-88-ubnd', 'bc-57-ubnd-xa', 'cv-2214-syt-dklh', 'tb-61-ubnd']));
  });

  describe.each(documentNames.flatMap((name) => (['pdf', 'docx'] as const).map((kind) => ({ name, kind }))))('$name.$kind', ({ name, kind }) => {
    test('recognises the expected metadata', async () => {
      const expected = expectedByName[name] as ExpectedMetadata;
      const { extracted, recognized } = await recognizeFixture(name, kind);

      expect(extracted.flags).toEqual([]);
      for (const [field, value] of Object.entries(expected) as [keyof DocumentMetadata, unknown][]) {
        expect(comparable(field, recognized.metadata[field]), field).toEqual(comparable(field, value));
      }
    });

    test('has no meeting unless expected', async () => {
      const expected = expectedByName[name] as ExpectedMetadata;
      const { recognized } = await recognizeFixture(name, kind);

      expect(recognized.metadata.meeting).toEqual(expected.meeting ?? null);
      expect(recognized.metadata.confidentiality).toBe('none');
      expect(recognized.flags).toEqual([]);
    });
  });

  test('scan needs OCR and falls back to the mail subject', async () => {
    const bytes = new Uint8Array(await readFile(new URL('gm-88-ubnd-scan.pdf', fixtures)));
    const extracted = await extractText(bytes, 'pdf');

    const recognized = recognizeDocument({ extracted, mailSubject: 'Fwd: Giấy mời số 88/GM-UBND dự Hội nghị tổng kết chuyển đổi số' });

    expect(extracted.flags.map((flag) => flag.code)).toEqual(['needs-ocr']);
    expect(recognized.metadata.type).toBe('unknown');
    expect(recognized.metadata.subject).toBe('Giấy mời số 88/GM-UBND dự Hội nghị tổng kết chuyển đổi số');
    expect(recognized.fields.subject.source).toBe('mail-subject');
    expect(recognized.metadata.number).toBe('88');
    expect(recognized.metadata.notation).toBe('GM-UBND');
    expect(recognized.flags.map((flag) => flag.code)).toEqual(['no-text', 'not-recognised']);
  });

  test('resolves the issuer against a directory', async () => {
    const bytes = new Uint8Array(await readFile(new URL('bc-57-ubnd-xa.pdf', fixtures)));
    const extracted = await extractText(bytes, 'pdf');
    const organizations = [
      { code: '000.00.00.H36', name: 'UBND tỉnh Lâm Đồng' },
      { code: '000.41.32.H36', name: 'UBND xã Đam Rông 1' },
      { code: '000.41.31.H36', name: 'Ủy ban nhân dân xã Đam Rông', shortName: 'UBND xã Đam Rông' },
    ];

    const recognized = recognizeDocument({ extracted, organizations });

    expect(recognized.metadata.issuerCode).toBe('000.41.31.H36');
    expect(recognized.metadata.issuer).toBe('Ủy ban nhân dân xã Đam Rông');
  });
});
