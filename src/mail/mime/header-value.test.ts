import { describe, expect, it } from 'vitest';

import { FlagList } from './flag-list.js';
import { readHeaderSection } from './header-section.js';
import { decodedHeaderValue, escapeBytes, headerText } from './header-value.js';

function field(bytes: Buffer) {
  return readHeaderSection(Buffer.concat([bytes, Buffer.from('\r\n\r\n')])).fields[0]!;
}

describe('headerText', () => {
  it('decodes and flags raw UTF-8', () => {
    const flags = new FlagList();
    const raw = Buffer.concat([Buffer.from('Subject: '), Buffer.from('Báo cáo', 'utf8')]);

    expect(headerText(field(raw), flags, 'message')).toBe(' Báo cáo');

    const [flag] = flags.toArray();
    expect(flag?.code).toBe('header-8bit');
    expect(flag?.message).toContain('utf-8');
    expect(flag?.detail).toBe('message: Subject: B\\xc3\\xa1o c\\xc3\\xa1o');
  });

  it('decodes raw bytes that are not UTF-8 as windows-1258', () => {
    const flags = new FlagList();
    const raw = Buffer.concat([Buffer.from('Subject: '), Buffer.from([0x56, 0x69, 0xea, 0xf2, 0x74])]);

    expect(headerText(field(raw), flags, 'message').trim()).toBe('Việt');
    expect(flags.toArray()[0]?.message).toContain('windows-1258');
    expect(flags.toArray()[0]?.detail).toContain('Vi\\xea\\xf2t');
  });

  it('unfolds continuation lines', () => {
    expect(headerText(field(Buffer.from('Subject: a\r\n b\r\n\tc')), new FlagList(), 'message')).toBe(' a b\tc');
  });
});

describe('decodedHeaderValue', () => {
  it('decodes encoded words after raw bytes', () => {
    const raw = Buffer.concat([Buffer.from('Subject: Fwd: '), Buffer.from('Việt', 'utf8'), Buffer.from(' =?utf-8?Q?Nam?=')]);

    expect(decodedHeaderValue(field(raw), new FlagList(), 'message')).toBe('Fwd: Việt Nam');
  });

  it('leaves signature tag lists alone', () => {
    const raw = Buffer.from('DKIM-Signature: v=1; z=From:=?utf-8?Q?x?=');

    expect(decodedHeaderValue(field(raw), new FlagList(), 'message')).toBe('v=1; z=From:=?utf-8?Q?x?=');
  });
});

describe('escapeBytes', () => {
  it('escapes bytes outside printable ASCII and the backslash', () => {
    expect(escapeBytes(Buffer.from([0x61, 0x5c, 0x09, 0xff]))).toBe('a\\x5c\\x09\\xff');
  });
});
