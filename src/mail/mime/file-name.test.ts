import { describe, expect, it } from 'vitest';

import { cleanFileName, readPartFileName } from './file-name.js';
import { FlagList } from './flag-list.js';
import { parseStructuredHeader } from './header-params.js';

function fileName(disposition: string | null, contentType = 'application/pdf') {
  const flags = new FlagList();
  const name = readPartFileName(
    disposition === null ? null : parseStructuredHeader(disposition),
    parseStructuredHeader(contentType),
    flags,
    'part 2',
  );

  return { ...name, flags: flags.toArray() };
}

describe('readPartFileName', () => {
  it('joins RFC 2231 continuations as bytes before decoding', () => {
    // "Báo cáo.pdf" split inside the two-byte "á" (C3 A1) of "Báo".
    const name = fileName("attachment; filename*0*=utf-8''B%C3; filename*1*=%A1o%20c%C3%A1o.pdf");

    expect(name.filename).toBe('Báo cáo.pdf');
    expect(name.original).toBe("utf-8''B%C3%A1o%20c%C3%A1o.pdf");
  });

  it('sorts continuations by number and mixes plain segments', () => {
    const name = fileName('attachment; filename*1="part two.pdf"; filename*0*=utf-8\'vi\'Ph%E1%BA%A7n%20');

    expect(name.filename).toBe('Phần part two.pdf');
  });

  it('decodes a single RFC 2231 value in windows-1258', () => {
    expect(fileName("attachment; filename*=windows-1258''Vi%EA%F2t.pdf").filename).toBe('Việt.pdf');
  });

  it('prefers filename* over filename', () => {
    const name = fileName("attachment; filename=\"fallback.pdf\"; filename*=utf-8''Vi%E1%BB%87t.pdf");

    expect(name.filename).toBe('Việt.pdf');
  });

  it('decodes encoded words inside a quoted filename', () => {
    const name = fileName('attachment; filename="=?utf-8?B?QsOhbyBj?= =?utf-8?B?w6FvLnBkZg==?="');

    expect(name.filename).toBe('Báo cáo.pdf');
    expect(name.original).toBe('=?utf-8?B?QsOhbyBj?= =?utf-8?B?w6FvLnBkZg==?=');
  });

  it('joins split encoded words', () => {
    expect(fileName('attachment; filename="=?UTF-8?B?Vmnhuw==?= =?UTF-8?B?h3QucGRm?="').filename).toBe('Việt.pdf');
  });

  it('falls back to the Content-Type name (Outlook)', () => {
    const name = fileName(null, 'application/octet-stream; name="=?utf-8?Q?C=C3=B4ng_v=C4=83n.pdf?="');

    expect(name.filename).toBe('Công văn.pdf');
  });

  it('keeps apostrophes and spaces', () => {
    expect(fileName('attachment; filename="K\' Brăo\'s report 2026.pdf"').filename).toBe("K' Brăo's report 2026.pdf");
  });

  it('reads an unquoted name with spaces', () => {
    expect(fileName('attachment; filename=Bao cao quy IV.pdf').filename).toBe('Bao cao quy IV.pdf');
  });

  it('never applies the part charset to the name', () => {
    const name = fileName('attachment; filename="=?utf-8?Q?Vi=E1=BB=87t.txt?="', 'text/plain; charset=windows-1258');

    expect(name.filename).toBe('Việt.txt');
  });

  it('composes an NFD name from macOS', () => {
    const name = fileName("attachment; filename*=utf-8''Va%CC%86n%20ba%CC%89n.pdf");

    expect(name.filename).toBe('Văn bản.pdf');
    expect(name.filename).toBe(name.filename!.normalize('NFC'));
    expect(name.original).toBe("utf-8''Va%CC%86n%20ba%CC%89n.pdf");
  });

  it('decodes encoded words only once', () => {
    const name = fileName("attachment; filename*=utf-8''a%3D%3Futf-8%3FQ%3Fb.exe%3F%3D");

    expect(name.filename).toBe('a=?utf-8?Q?b.exe?=');
  });

  it('reads RFC 2231 without charset', () => {
    expect(fileName('attachment; filename*=%C3%A1.pdf').filename).toBe('á.pdf');
  });

  it('returns null without a name', () => {
    expect(fileName('attachment').filename).toBeNull();
    expect(fileName(null).original).toBe('');
  });

  it('keeps a Windows path as written in the original', () => {
    const name = fileName('attachment; filename="C:\\Users\\vt\\cv.pdf"');

    expect(name.filename).toBe('cv.pdf');
    expect(name.original).toBe('C:\\Users\\vt\\cv.pdf');
  });
});

describe('cleanFileName', () => {
  it('drops directories and control characters', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\r\n.pdf')).toBe('ab.pdf');
    expect(cleanFileName('..')).toBe('');
  });
});
