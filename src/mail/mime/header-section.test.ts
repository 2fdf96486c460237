import { describe, expect, it } from 'vitest';

import { readHeaderSection } from './header-section.js';
import { MAX_HEADER_FIELDS } from './limits.js';

describe('readHeaderSection', () => {
  it('reads folded fields and finds the body', () => {
    const bytes = Buffer.from('Subject: a\r\n b\r\nTo: x@y\r\n\r\nbody');

    const section = readHeaderSection(bytes);

    expect(section.fields.map((field) => field.key)).toEqual(['subject', 'to']);
    expect(section.fields[0]!.value.toString()).toBe(' a\r\n b');
    expect(bytes.subarray(section.bodyOffset).toString()).toBe('body');
  });

  it('reads bare LF line ends', () => {
    const bytes = Buffer.from('Subject: a\n\tb\nTo: x@y\n\nbody');

    const section = readHeaderSection(bytes);

    expect(section.fields).toHaveLength(2);
    expect(bytes.subarray(section.bodyOffset).toString()).toBe('body');
  });

  it('tolerates blanks before the colon', () => {
    const section = readHeaderSection(Buffer.from('X-Mailer  : Outlook\r\n\r\n'));

    expect(section.fields[0]!.name).toBe('X-Mailer');
    expect(section.fields[0]!.key).toBe('x-mailer');
  });

  it('skips a leading mbox From line when allowed', () => {
    const bytes = Buffer.from('From MAILER-DAEMON Fri Dec  4 19:00:00 2026\nSubject: a\n\nb');

    expect(readHeaderSection(bytes, true).fields.map((field) => field.key)).toEqual(['subject']);
    expect(readHeaderSection(bytes, false).fields).toHaveLength(0);
  });

  it('ends headers at a non-field line', () => {
    const bytes = Buffer.from('Subject: a\r\nthis is text\r\nmore');

    const section = readHeaderSection(bytes);

    expect(section.fields).toHaveLength(1);
    expect(section.malformedLine).toBe('this is text');
    expect(bytes.subarray(section.bodyOffset).toString()).toBe('this is text\r\nmore');
  });

  it('reads headers without an empty line', () => {
    const bytes = Buffer.from('Subject: a\r\nTo: b');

    const section = readHeaderSection(bytes);

    expect(section.fields).toHaveLength(2);
    expect(section.bodyOffset).toBe(bytes.length);
  });

  it('reads a part that starts with its empty line', () => {
    const section = readHeaderSection(Buffer.from('\r\nbody'));

    expect(section.fields).toHaveLength(0);
    expect(section.bodyOffset).toBe(2);
  });

  it('keeps raw 8-bit bytes in values', () => {
    const value = Buffer.from([0x20, 0x56, 0x69, 0xea, 0xf2, 0x74]);
    const bytes = Buffer.concat([Buffer.from('Subject:'), value, Buffer.from('\r\n\r\n')]);

    expect(readHeaderSection(bytes).fields[0]!.value.equals(value)).toBe(true);
  });

  it('drops fields beyond the limit and counts them', () => {
    const lines = Array.from({ length: MAX_HEADER_FIELDS + 10 }, (_, index) => `X-Field-${index}: ${index}`);

    const section = readHeaderSection(Buffer.from(`${lines.join('\r\n')}\r\n\r\n`));

    expect(section.fields).toHaveLength(MAX_HEADER_FIELDS);
    expect(section.droppedFields).toBe(10);
  });
});
