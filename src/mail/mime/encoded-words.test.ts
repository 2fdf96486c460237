import { describe, expect, it } from 'vitest';

import { decodeEncodedWords } from './encoded-words.js';
import { FlagList } from './flag-list.js';

// "Việt Nam" in UTF-8 split after the first byte of "ệ" (E1 BB 87).
const SPLIT_B = '=?UTF-8?B?Vmnhuw==?= =?UTF-8?B?h3QgTmFt?=';

describe('decodeEncodedWords', () => {
  it('joins a character split across B words', () => {
    expect(Buffer.from('Vi\xe1\xbb', 'latin1').toString('base64')).toBe('Vmnhuw==');

    expect(decodeEncodedWords(SPLIT_B)).toBe('Việt Nam');
  });

  it('joins a character split across Q words', () => {
    const text = '=?utf-8?Q?Vi=E1?=\r\n =?utf-8?Q?=BB=87t_Nam?=';

    expect(decodeEncodedWords(text)).toBe('Việt Nam');
  });

  it('joins B and Q words of one charset', () => {
    expect(decodeEncodedWords('=?utf-8?B?Vmnhuw==?= =?utf-8?q?=87t?=')).toBe('Việt');
  });

  it('treats charset spellings as one charset', () => {
    expect(decodeEncodedWords('=?utf8?B?Vmnhuw==?= =?UTF-8?B?h3Q=?=')).toBe('Việt');
  });

  it('drops whitespace only between words', () => {
    expect(decodeEncodedWords('Re: =?utf-8?q?a?= =?utf-8?q?b?= c')).toBe('Re: ab c');
  });

  it('keeps words of different charsets apart', () => {
    const text = '=?windows-1258?B?Vmnq8nQ=?= =?iso-8859-1?Q?caf=E9?=';

    expect(decodeEncodedWords(text)).toBe('Việtcafé');
  });

  it('decodes windows-1258 words to NFC', () => {
    const decoded = decodeEncodedWords('=?windows-1258?B?Vmnq8nQ=?=');

    expect(decoded).toBe('Việt');
    expect(decoded).toBe(decoded.normalize('NFC'));
  });

  it('decodes gb2312 words as GB18030', () => {
    expect(decodeEncodedWords('=?gb2312?B?gUA=?=')).toBe('丂');
  });

  it('flags an unknown charset and falls back', () => {
    const flags = new FlagList();

    expect(decodeEncodedWords('=?x-foo?Q?caf=C3=A9?=', flags, 'Subject')).toBe('café');
    expect(flags.toArray().map((flag) => flag.code)).toEqual(['charset-unknown']);
  });

  it('decodes glued words with blanks', () => {
    expect(decodeEncodedWords('Fwd:=?utf-8?Q?B=C3=A1o c=C3=A1o?=')).toBe('Fwd:Báo cáo');
  });

  it('ignores the RFC 2231 language suffix', () => {
    expect(decodeEncodedWords('=?utf-8*vi?Q?Vi=E1=BB=87t?=')).toBe('Việt');
  });

  it('leaves text without words as NFC', () => {
    expect(decodeEncodedWords('Vie\u0302\u0323t')).toBe('Việt');
  });
});
