import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { decodeBase64, decodeQuotedPrintable, decodeTransferEncoding } from './transfer-encoding.js';
import { base64Lines } from './test-support/eml.js';

describe('decodeBase64', () => {
  it('decodes wrapped base64 byte for byte', () => {
    const bytes = randomBytes(10_000);

    const decoded = decodeBase64(Buffer.from(base64Lines(bytes)));

    expect(decoded.bytes.equals(bytes)).toBe(true);
    expect(decoded.problem).toBeNull();
  });

  it('decodes LF-only line ends', () => {
    const bytes = randomBytes(500);

    expect(decodeBase64(Buffer.from(base64Lines(bytes).replace(/\r\n/g, '\n'))).bytes.equals(bytes)).toBe(true);
  });

  it('skips characters outside the alphabet and flags them', () => {
    const decoded = decodeBase64(Buffer.from('SGVs!!bG8g*d29y\nbGQ='));

    expect(decoded.bytes.toString()).toBe('Hello world');
    expect(decoded.problem?.code).toBe('base64-invalid');
    expect(decoded.problem?.message).toContain('3 characters');
  });

  it('keeps the bytes of a truncated final group', () => {
    const decoded = decodeBase64(Buffer.from('SGVsbG8gd29ybGQ'));

    expect(decoded.bytes.toString()).toBe('Hello world');
  });

  it('flags a single dangling character', () => {
    const decoded = decodeBase64(Buffer.from('SGVsbG8gd29ybGQhI'));

    expect(decoded.bytes.toString()).toBe('Hello world!');
    expect(decoded.problem?.code).toBe('base64-invalid');
  });

  it('decodes chunks padded in the middle', () => {
    const text = `${Buffer.from('ab').toString('base64')}\r\n${Buffer.from('cde').toString('base64')}`;

    expect(decodeBase64(Buffer.from(text)).bytes.toString()).toBe('abcde');
  });
});

describe('decodeQuotedPrintable', () => {
  it('decodes hex pairs and soft breaks', () => {
    const decoded = decodeQuotedPrintable(Buffer.from('Vi=E1=BB=87t =\r\nNam=\nx'));

    expect(decoded.bytes.toString('utf8')).toBe('Việt Namx');
    expect(decoded.problem).toBeNull();
  });

  it('accepts lower-case hex', () => {
    expect(decodeQuotedPrintable(Buffer.from('caf=c3=a9')).bytes.toString('utf8')).toBe('café');
  });

  it('drops transport padding but keeps inner blanks', () => {
    const decoded = decodeQuotedPrintable(Buffer.from('a b  \r\nc\t\nd'));

    expect(decoded.bytes.toString()).toBe('a b\r\nc\nd');
  });

  it('reads "=" and blanks as a soft break', () => {
    expect(decodeQuotedPrintable(Buffer.from('ab=  \r\ncd')).bytes.toString()).toBe('abcd');
  });

  it('keeps a broken "=" literally and flags it', () => {
    const decoded = decodeQuotedPrintable(Buffer.from('1+1=2 =ZZ ok=4'));

    expect(decoded.bytes.toString()).toBe('1+1=2 =ZZ ok=4');
    expect(decoded.problem?.code).toBe('quoted-printable-invalid');
    expect(decoded.problem?.message).toContain('3');
  });
});

describe('decodeTransferEncoding', () => {
  it('returns 8bit and binary bodies unchanged', () => {
    const body = randomBytes(64);

    expect(decodeTransferEncoding(body, '8bit').bytes).toBe(body);
    expect(decodeTransferEncoding(body, 'Binary').bytes).toBe(body);
    expect(decodeTransferEncoding(body, '').bytes).toBe(body);
  });

  it('flags an unknown encoding', () => {
    const decoded = decodeTransferEncoding(Buffer.from('begin 644 a'), 'x-uuencode');

    expect(decoded.problem?.code).toBe('transfer-encoding-unknown');
    expect(decoded.bytes.toString()).toBe('begin 644 a');
  });

  it('matches the encoding name without regard to case', () => {
    expect(decodeTransferEncoding(Buffer.from('YWJj'), ' BASE64 ').bytes.toString()).toBe('abc');
  });
});
