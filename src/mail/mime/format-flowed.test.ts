import { describe, expect, it } from 'vitest';

import { decodeFlowed } from './format-flowed.js';

describe('decodeFlowed', () => {
  it('joins soft breaks and keeps hard ones', () => {
    expect(decodeFlowed('Kính gửi quý \ncơ quan,\nTrân trọng.', false)).toBe('Kính gửi quý cơ quan,\nTrân trọng.');
  });

  it('drops the space before a soft break with DelSp', () => {
    expect(decodeFlowed('Vi \nệt', true)).toBe('Việt');
  });

  it('keeps the signature separator as a hard break', () => {
    expect(decodeFlowed('a\n-- \nsig', false)).toBe('a\n-- \nsig');
  });

  it('removes space-stuffing and joins quoted lines of one depth', () => {
    expect(decodeFlowed('>> quoted \n>> text\n From here', false)).toBe('>> quoted text\nFrom here');
  });
});
