import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors.js';
import { checkSendingRules, DEFAULT_SENDING_RULES, needsPaperCopy, type FileToCheck } from './sending-rules.js';

const PDF: FileToCheck = { filename: 'cong-van.pdf', detectedType: 'application/pdf', size: 200_000, role: 'document' };
const MIB = 1024 * 1024;

function refusal(input: Parameters<typeof checkSendingRules>[1], rules = DEFAULT_SENDING_RULES): AppError {
  try {
    checkSendingRules(rules, input);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('sending rules', () => {
  it('let an ordinary PDF with a spreadsheet attachment through', () => {
    expect(() =>
      checkSendingRules(DEFAULT_SENDING_RULES, {
        type: 'CV',
        confidentiality: 'none',
        files: [PDF, { filename: 'so-lieu.xlsx', detectedType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', size: 50_000, role: 'attachment' }],
      }),
    ).not.toThrow();
  });

  it('refuse classified documents whatever else is right', () => {
    const error = refusal({ type: 'CV', confidentiality: 'confidential', files: [PDF] });
    expect(error.code).toBe('rule-violation');
    expect(error.field).toBe('classified');
    expect(error.message).toContain('độ mật');
  });

  it('refuse executables and archives by content', () => {
    for (const detectedType of ['application/x-msdownload', 'application/zip', 'text/plain']) {
      const error = refusal({ type: 'CV', confidentiality: 'none', files: [PDF, { filename: 'bao-cao.pdf', detectedType, size: 10, role: 'attachment' }] });
      expect(error.field, detectedType).toBe('file-type');
      expect(error.message).toContain('bao-cao.pdf');
    }
  });

  it('need exactly one main document that a register can hold', () => {
    expect(refusal({ type: 'CV', confidentiality: 'none', files: [] }).field).toBe('one-main-document');
    expect(refusal({ type: 'CV', confidentiality: 'none', files: [{ ...PDF, detectedType: 'image/png' }] }).field).toBe('main-document-type');
  });

  it('limit each file and the total', () => {
    expect(refusal({ type: 'CV', confidentiality: 'none', files: [{ ...PDF, size: 21 * MIB }] }).field).toBe('file-size');

    const parts = [PDF, ...Array.from({ length: 2 }, (_, index) => ({ ...PDF, filename: `phu-luc-${index}.pdf`, size: 18 * MIB, role: 'attachment' as const }))];
    const total = refusal({ type: 'CV', confidentiality: 'none', files: parts });
    expect(total.field).toBe('total-size');
    expect(total.messageEn).toContain('36.2 MB');
  });

  it('follow an administrator’s changes', () => {
    const rules = { ...DEFAULT_SENDING_RULES, typesNotByEmail: ['QĐ'], paperCopyTypes: ['BC', 'TTr'] };

    expect(refusal({ type: 'QĐ', confidentiality: 'none', files: [PDF] }, rules).field).toBe('type-not-by-email');
    expect(needsPaperCopy(rules, 'TTr')).toBe(true);
    expect(needsPaperCopy(DEFAULT_SENDING_RULES, 'BC')).toBe(true);
    expect(needsPaperCopy(DEFAULT_SENDING_RULES, 'CV')).toBe(false);
  });
});
