import { describe, expect, it } from 'vitest';
import { localizeFlags, needsAttention } from './flag-labels.js';

describe('localizeFlags', () => {
  it('gives a known code the reader’s language', () => {
    const flags = [{ code: 'needs-ocr', message: 'Bản quét không có lớp chữ' }];
    expect(localizeFlags(flags, 'en')[0]!.message).toBe('Scanned file; needs OCR');
    expect(localizeFlags(flags, 'vi')[0]!.message).toBe('Bản quét, cần nhận dạng ký tự (OCR)');
  });

  it('keeps the stored message of an unknown code', () => {
    expect(localizeFlags([{ code: 'new-code', message: 'chi tiết' }], 'en')).toEqual([{ code: 'new-code', message: 'chi tiết' }]);
  });
});

describe('needsAttention', () => {
  it.each(['parse-failed', 'not-recognised', 'needs-ocr', 'base64-invalid', 'message-id-reused'])('puts %s on the list', (code) => {
    expect(needsAttention({ code, message: '' })).toBe(true);
  });

  it.each(['charset-missing', 'no-attachment', 'signature-unverified', 'html-sanitised'])('leaves %s off the list', (code) => {
    expect(needsAttention({ code, message: '' })).toBe(false);
  });

  it('treats an unknown code as needing attention', () => {
    expect(needsAttention({ code: 'something-new', message: '' })).toBe(true);
  });
});
