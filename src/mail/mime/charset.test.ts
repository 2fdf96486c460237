import { describe, expect, it } from 'vitest';

import { decodeText, resolveCharset } from './charset.js';

// "Việt" in windows-1258: ê (0xEA) followed by the combining dot below (0xF2).
const VIET_1258 = Buffer.from([0x56, 0x69, 0xea, 0xf2, 0x74]);

describe('resolveCharset', () => {
  it.each([
    ['utf8', 'utf-8'],
    ['UTF_8', 'utf-8'],
    ['"UTF-8"', 'utf-8'],
    ['windows1258', 'windows-1258'],
    ['cp1258', 'windows-1258'],
    ['x-cp1258', 'windows-1258'],
    ['Windows-1258', 'windows-1258'],
    ['gb2312', 'gb18030'],
    ['GBK', 'gb18030'],
    ['ks_c_5601-1987', 'cp949'],
    ['euc-kr', 'cp949'],
    ['iso-8859-1', 'windows-1252'],
    ['latin1', 'windows-1252'],
    ['us-ascii', 'windows-1252'],
    ['koi8-r', 'koi8-r'],
    ['x-mac-cyrillic', 'mac-cyrillic'],
  ])('maps %s to %s', (label, encoding) => {
    expect(resolveCharset(label)?.encoding).toBe(encoding);
  });

  it('returns null for unknown labels', () => {
    expect(resolveCharset('x-unknown-8bit')).toBeNull();
    expect(resolveCharset('')).toBeNull();
  });
});

describe('decodeText', () => {
  it('composes windows-1258 tone marks to NFC', () => {
    const decoded = decodeText(VIET_1258, 'windows-1258');

    expect(decoded.text).toBe('Việt');
    expect(decoded.text).toBe(decoded.text.normalize('NFC'));
    expect(decoded.text.length).toBe(4);
    expect(decoded.problem).toBeNull();
  });

  it.each(['cp1258', 'x-cp1258', 'windows1258', 'WINDOWS-1258'])('decodes spelling %s as windows-1258', (label) => {
    expect(decodeText(VIET_1258, label).text).toBe('Việt');
  });

  it('turns NFD UTF-8 into NFC', () => {
    const decomposed = Buffer.from('Việt Nam'.normalize('NFD'), 'utf8');

    expect(decodeText(decomposed, 'utf-8').text).toBe('Việt Nam'.normalize('NFC'));
  });

  it('decodes utf8 spellings', () => {
    const bytes = Buffer.from('Tiếng Việt', 'utf8');

    expect(decodeText(bytes, 'utf8').text).toBe('Tiếng Việt');
    expect(decodeText(bytes, 'UTF_8').text).toBe('Tiếng Việt');
  });

  it('relabels gb2312 with GBK bytes', () => {
    const decoded = decodeText(Buffer.from([0x81, 0x40, 0xd6, 0xd0]), 'gb2312');

    expect(decoded.text).toBe('丂中');
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.problem?.code).toBe('charset-relabelled');
  });

  it('keeps honest gb2312 unflagged', () => {
    const decoded = decodeText(Buffer.from([0xd6, 0xd0, 0xce, 0xc4]), 'gb2312');

    expect(decoded.text).toBe('中文');
    expect(decoded.problem).toBeNull();
  });

  it('decodes ks_c_5601-1987 as CP949', () => {
    const decoded = decodeText(Buffer.from([0xc7, 0xd1, 0x8c, 0x63]), 'ks_c_5601-1987');

    expect(decoded.text).toBe('한똠');
    expect(decoded.problem?.code).toBe('charset-relabelled');
  });

  it('decodes iso-8859-1 with C1 bytes as windows-1252', () => {
    const decoded = decodeText(Buffer.from([0x80, 0x20, 0x93, 0x61, 0x94, 0x20, 0xe9]), 'iso-8859-1');

    expect(decoded.text).toBe('€ “a” é');
    expect(decoded.problem?.code).toBe('charset-relabelled');
  });

  it('keeps plain latin1 text unflagged', () => {
    const decoded = decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'latin1');

    expect(decoded.text).toBe('café');
    expect(decoded.problem).toBeNull();
  });

  it('decodes us-ascii with 8-bit bytes as windows-1252', () => {
    const decoded = decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'us-ascii');

    expect(decoded.text).toBe('café');
    expect(decoded.problem?.code).toBe('charset-relabelled');
  });

  it('decodes us-ascii with valid UTF-8 bytes as UTF-8', () => {
    const decoded = decodeText(Buffer.from('Việt', 'utf8'), 'us-ascii');

    expect(decoded.text).toBe('Việt');
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.problem?.code).toBe('charset-relabelled');
  });

  it('falls back to valid UTF-8', () => {
    const decoded = decodeText(Buffer.from('Đà Lạt', 'utf8'), 'x-unknown');

    expect(decoded.text).toBe('Đà Lạt');
    expect(decoded.problem?.code).toBe('charset-unknown');
  });

  it('falls back to windows-1252', () => {
    const decoded = decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x80]), 'x-unknown');

    expect(decoded.text).toBe('café€');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.problem?.code).toBe('charset-unknown');
  });

  it('guesses windows-1258 for 8-bit text without a label', () => {
    const decoded = decodeText(VIET_1258, null);

    expect(decoded.text).toBe('Việt');
    expect(decoded.problem?.code).toBe('charset-missing');
  });

  it('takes UTF-8 for valid 8-bit text without a label', () => {
    const decoded = decodeText(Buffer.from('Việt', 'utf8'), undefined);

    expect(decoded.text).toBe('Việt');
    expect(decoded.encoding).toBe('utf-8');
  });

  it('leaves ASCII without a label unflagged', () => {
    expect(decodeText(Buffer.from('plain'), null).problem).toBeNull();
  });

  it('flags invalid bytes under a UTF-8 label', () => {
    const decoded = decodeText(Buffer.from([0x61, 0xff, 0x62]), 'utf-8');

    expect(decoded.text).toBe('a\ufffdb');
    expect(decoded.problem?.code).toBe('charset-mismatch');
  });

  it('drops a UTF-8 byte order mark', () => {
    expect(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x61]), 'utf-8').text).toBe('a');
  });
});
