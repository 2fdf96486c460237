import { describe, expect, it } from 'vitest';
import { normalizeMailAddress } from './mail-address.js';

describe('normalizeMailAddress', () => {
  it.each([
    ['VanThu@So.gov.vn', 'vanthu@so.gov.vn'],
    ['vanthu+bao-cao@so.gov.vn', 'vanthu@so.gov.vn'],
    ['<vanthu@so.gov.vn>', 'vanthu@so.gov.vn'],
    ['  vanthu@so.gov.vn ', 'vanthu@so.gov.vn'],
  ])('normalises %s', (input, expected) => {
    expect(normalizeMailAddress(input)).toBe(expected);
  });

  it.each(['', 'vanthu', '@so.gov.vn', 'vanthu@', '+tag@so.gov.vn', 'van thu@so.gov.vn'])('rejects "%s"', (input) => {
    expect(normalizeMailAddress(input)).toBeNull();
  });
});
