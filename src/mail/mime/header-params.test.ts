import { describe, expect, it } from 'vitest';

import { parseStructuredHeader, plainParameter } from './header-params.js';

describe('parseStructuredHeader', () => {
  it('reads the value and parameters', () => {
    const header = parseStructuredHeader('Multipart/Mixed; boundary="----=_Part_1; x"; charset=UTF-8');

    expect(header.value).toBe('multipart/mixed');
    expect(plainParameter(header, 'boundary')).toBe('----=_Part_1; x');
    expect(plainParameter(header, 'charset')).toBe('UTF-8');
  });

  it('lower-cases parameter names and keeps the first of duplicates', () => {
    const header = parseStructuredHeader('text/plain; CHARSET=a; charset=b');

    expect(header.params).toEqual([{ name: 'charset', value: 'a' }]);
  });

  it('unescapes quotes and backslashes only', () => {
    const header = parseStructuredHeader('attachment; filename="say \\"hi\\" C:\\dir\\\\x"');

    expect(plainParameter(header, 'filename')).toBe('say "hi" C:\\dir\\x');
  });

  it('reads a quoted value that never closes', () => {
    expect(plainParameter(parseStructuredHeader('attachment; filename="open.pdf'), 'filename')).toBe('open.pdf');
  });

  it('skips parameters without a value', () => {
    const header = parseStructuredHeader('inline; junk; size=10');

    expect(header.params).toEqual([{ name: 'size', value: '10' }]);
  });

  it('returns an empty value for an empty header', () => {
    expect(parseStructuredHeader('')).toEqual({ value: '', params: [] });
  });
});
