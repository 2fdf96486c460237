import { describe, expect, it } from 'vitest';
import { contentDisposition } from './content-disposition.js';

describe('contentDisposition', () => {
  it('keeps the Vietnamese name in filename*', () => {
    const value = contentDisposition('attachment', 'Giấy mời số 88.pdf');
    expect(value).toBe("attachment; filename=\"Giay moi so 88.pdf\"; filename*=UTF-8''Gi%E1%BA%A5y%20m%E1%BB%9Di%20s%E1%BB%91%2088.pdf");
  });

  it('folds đ in the ASCII fallback and escapes quotes', () => {
    expect(contentDisposition('inline', 'Đề "án".pdf')).toMatch(/^inline; filename="De _an_\.pdf"/);
  });

  it('percent-encodes apostrophes', () => {
    expect(contentDisposition('attachment', "D'Ran.pdf")).toContain("filename*=UTF-8''D%27Ran.pdf");
  });
});
