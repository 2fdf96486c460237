import { describe, expect, it } from 'vitest';

import { splitMultipart } from './multipart-split.js';

function split(text: string, boundary = 'b', maxParts = 100) {
  const result = splitMultipart(Buffer.from(text), boundary, maxParts);

  return { ...result, parts: result.parts.map((part) => part.toString()) };
}

describe('splitMultipart', () => {
  it('splits parts and drops preamble and epilogue', () => {
    const result = split('preamble\r\n--b\r\n\r\none\r\n--b\r\n\r\ntwo\r\n--b--\r\nepilogue');

    expect(result.parts).toEqual(['\r\none', '\r\ntwo']);
    expect(result.closed).toBe(true);
  });

  it('reads LF line ends and transport padding', () => {
    const result = split('--b  \n\none\n--b\t\n\ntwo\n--b-- \n');

    expect(result.parts).toEqual(['\none', '\ntwo']);
  });

  it('runs an unclosed last part to the end', () => {
    const result = split('--b\r\n\r\none\r\n--b\r\n\r\ntwo, cut off\r\n');

    expect(result.parts).toEqual(['\r\none', '\r\ntwo, cut off']);
    expect(result.closed).toBe(false);
    expect(result.found).toBe(true);
  });

  it('ignores a longer boundary that starts with this one', () => {
    const result = split('--b\r\n\r\nx\r\n--bb\r\ninner\r\n--b--', 'b');

    expect(result.parts).toEqual(['\r\nx\r\n--bb\r\ninner']);
  });

  it('ignores the boundary in the middle of a line', () => {
    expect(split('--b\r\n\r\nsee --b here\r\n--b--').parts).toEqual(['\r\nsee --b here']);
  });

  it('reports a body without delimiters', () => {
    const result = split('just text');

    expect(result.found).toBe(false);
    expect(result.parts).toEqual([]);
  });

  it('keeps part bytes exact', () => {
    const payload = Buffer.from([0x00, 0x0d, 0x0a, 0xff, 0x0a]);
    const body = Buffer.concat([Buffer.from('--b\r\n\r\n'), payload, Buffer.from('\r\n--b--\r\n')]);

    const part = splitMultipart(body, 'b', 10).parts[0]!;

    expect(part.subarray(2).equals(payload)).toBe(true);
  });

  it('stops at the part limit', () => {
    const body = Array.from({ length: 10 }, (_, index) => `--b\r\n\r\n${index}`).join('\r\n');

    const result = split(body, 'b', 3);

    expect(result.parts).toHaveLength(3);
    expect(result.truncated).toBe(true);
  });
});
