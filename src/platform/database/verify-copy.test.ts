import { describe, expect, test } from 'vitest';

import { canonicalRow } from './verify-copy.js';

describe('canonicalRow', () => {
  test('ignores column order', () => {
    expect(canonicalRow({ b: 'x', a: 1 })).toBe(canonicalRow({ a: 1, b: 'x' }));
  });

  test('writes SQLite numbers like PostgreSQL int8 strings', () => {
    expect(canonicalRow({ size: 61_859 })).toBe(canonicalRow({ size: '61859' }));
    expect(canonicalRow({ size: 61_859n })).toBe(canonicalRow({ size: 61_859 }));
  });

  test('writes a Buffer like a Uint8Array', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const offset = Buffer.from([9, 0, 1, 2, 250, 255]).subarray(1);

    expect(canonicalRow({ data: Buffer.from(bytes) })).toBe(canonicalRow({ data: bytes }));
    expect(canonicalRow({ data: offset })).toBe(canonicalRow({ data: bytes }));
  });

  test('tells bytes from text', () => {
    expect(canonicalRow({ data: Buffer.from('AAEC', 'base64') })).not.toBe(canonicalRow({ data: 'AAEC' }));
  });

  test('tells null from empty text', () => {
    expect(canonicalRow({ subject: null })).not.toBe(canonicalRow({ subject: '' }));
  });

  test('rejects a value it cannot compare', () => {
    expect(() => canonicalRow({ at: new Date(0) })).toThrow('Column at contains [object Date]');
  });
});
