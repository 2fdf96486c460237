import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.js';
import { localizedRefinement, parseOrThrow, validationError, type FieldLabels } from './validation-issues.js';

const LABELS: FieldLabels = {
  subject: { vi: 'trích yếu', en: 'subject' },
  issuedOn: { vi: 'ngày văn bản', en: 'document date' },
  urgency: { vi: 'độ khẩn', en: 'urgency' },
  page: { vi: 'số trang', en: 'page number' },
  recipients: { vi: 'danh sách nơi nhận', en: 'recipient list' },
  address: { vi: 'địa chỉ thư', en: 'mail address' },
  id: { vi: 'mã', en: 'id' },
  metadata: { vi: 'thông tin văn bản', en: 'document details' },
  code: { vi: 'mã loại', en: 'type code' },
};

const schema = z
  .object({
    subject: z.string().min(1).max(10),
    issuedOn: z.iso.date().optional(),
    urgency: z.enum(['normal', 'urgent']).optional(),
    page: z.coerce.number().int().min(1).max(200).optional(),
    recipients: z.array(z.string().max(5)).max(2).optional(),
    address: z.email().optional(),
    id: z.uuid().optional(),
    code: z.string().refine((value) => value === 'CV', localizedRefinement('mã CV', 'the code CV')).optional(),
  })
  .strict();

/** Parses the input and returns the first problem's text in both languages. */
function problemOf(input: unknown): { field: string; vi: string; en: string } {
  try {
    parseOrThrow(schema, input, LABELS);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const [issue] = error.issues;
    return { field: issue!.field, vi: issue!.message, en: issue!.messageEn };
  }
  throw new Error(`${JSON.stringify(input)} was accepted`);
}

// zod's own English wording, which must never reach a Vietnamese message.
const ZOD_ENGLISH = /\b(Invalid|Required|Expected|expected|received|Too (big|small)|string|number|option|input)\b/;

describe('validation issue text', () => {
  it.each([
    ['missing field', {}, 'subject', 'Thiếu trích yếu.', 'Subject is missing.'],
    ['null field', { subject: null }, 'subject', 'Thiếu trích yếu.', 'Subject is missing.'],
    ['wrong type', { subject: 5 }, 'subject', 'Trích yếu không hợp lệ (5): cần một chuỗi ký tự.', 'Subject is invalid (5): expected text.'],
    ['empty text', { subject: '' }, 'subject', 'Trích yếu không được để trống.', 'Subject must not be empty.'],
    ['text too long', { subject: 'x'.repeat(11) }, 'subject', 'Trích yếu chỉ được dài tối đa 10 ký tự.', 'Subject must be at most 10 characters long.'],
    [
      'impossible date',
      { subject: 'a', issuedOn: '2026-02-30' },
      'issuedOn',
      'Ngày văn bản không hợp lệ ("2026-02-30"): cần một ngày có thật viết dạng YYYY-MM-DD, ví dụ 2026-12-04.',
      'Document date is invalid ("2026-02-30"): expected a real date written YYYY-MM-DD, such as 2026-12-04.',
    ],
    ['unknown option', { subject: 'a', urgency: 'soon' }, 'urgency', 'Độ khẩn không hợp lệ ("soon"): cần một trong các giá trị normal, urgent.', 'Urgency is invalid ("soon"): expected one of normal, urgent.'],
    ['number below minimum', { subject: 'a', page: '0' }, 'page', 'Số trang phải từ 1 trở lên.', 'Page number must be 1 or more.'],
    ['number above maximum', { subject: 'a', page: 201 }, 'page', 'Số trang không được lớn hơn 200.', 'Page number must be 200 or less.'],
    ['not a number', { subject: 'a', page: 'abc' }, 'page', 'Số trang không hợp lệ: cần một số.', 'Page number is invalid: expected a number.'],
    ['list too long', { subject: 'a', recipients: ['a', 'b', 'c'] }, 'recipients', 'Danh sách nơi nhận chỉ được có tối đa 2 mục.', 'Recipient list may have at most 2 items.'],
    ['list item', { subject: 'a', recipients: ['a', 'bcdefg'] }, 'recipients.1', 'Danh sách nơi nhận (mục thứ 2) chỉ được dài tối đa 5 ký tự.', 'Recipient list (item 2) must be at most 5 characters long.'],
    [
      'mail address',
      { subject: 'a', address: 'vanthu' },
      'address',
      'Địa chỉ thư không hợp lệ ("vanthu"): cần một địa chỉ thư, ví dụ vanthu@lamdong.gov.vn.',
      'Mail address is invalid ("vanthu"): expected a mail address, such as vanthu@lamdong.gov.vn.',
    ],
    [
      'uuid',
      { subject: 'a', id: 'x' },
      'id',
      'Mã không hợp lệ ("x"): cần một mã UUID, ví dụ 3f2504e0-4f89-41d3-9a0c-0305e82c3301.',
      'Id is invalid ("x"): expected a UUID, such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301.',
    ],
    ['localized refinement', { subject: 'a', code: 'XX' }, 'code', 'Mã loại không hợp lệ ("XX"): cần mã CV.', 'Type code is invalid ("XX"): expected the code CV.'],
    ['unknown field', { subject: 'a', extra: 1 }, '', 'Không có trường "extra"; hãy bỏ trường này.', 'Unknown field "extra"; remove it.'],
    ['body not an object', 'text', '', 'Nội dung yêu cầu không hợp lệ ("text"): cần một đối tượng JSON.', 'Request body is invalid ("text"): expected a JSON object.'],
  ])('%s', (_, input, field, vi, en) => {
    const problem = problemOf(input);

    expect(problem.field).toBe(field);
    expect(problem.vi).toBe(vi);
    expect(problem.en).toBe(en);
    expect(problem.vi).not.toMatch(ZOD_ENGLISH);
  });

  it('names an unlabelled field by its path', () => {
    const parsed = z.object({ nested: z.object({ other: z.string() }) }).safeParse({ nested: { other: 1 } }, { reportInput: true });

    const error = validationError(parsed.error!.issues, LABELS);
    expect(error.message).toBe('Trường "nested.other" không hợp lệ (1): cần một chuỗi ký tự.');
    expect(error.messageEn).toBe('Field "nested.other" is invalid (1): expected text.');
  });

  it('puts a lead and a path prefix before the fields', () => {
    const parsed = schema.safeParse({ subject: '', urgency: 'soon' }, { reportInput: true });

    const error = validationError(parsed.error!.issues, LABELS, { lead: { vi: 'thông tin văn bản không hợp lệ', en: 'invalid document details' }, pathPrefix: ['metadata'] });
    expect(error.code).toBe('invalid-input');
    expect(error.field).toBe('metadata.subject');
    expect(error.message).toBe('Thông tin văn bản không hợp lệ: Trích yếu không được để trống. Độ khẩn không hợp lệ ("soon"): cần một trong các giá trị normal, urgent.');
    expect(error.messageEn).toBe('Invalid document details: Subject must not be empty. Urgency is invalid ("soon"): expected one of normal, urgent.');
    expect(error.issues.map((issue) => issue.field)).toEqual(['metadata.subject', 'metadata.urgency']);
  });

  it('lists three fields and counts the rest', () => {
    const parsed = schema.safeParse({ subject: '', issuedOn: 'x', urgency: 'x', page: 0, address: 'x' }, { reportInput: true });

    const error = validationError(parsed.error!.issues, LABELS);
    expect(error.issues).toHaveLength(5);
    expect(error.message).toMatch(/^Trích yếu không được để trống\. Ngày văn bản .+ Độ khẩn .+ Còn 2 trường khác không hợp lệ\.$/);
    expect(error.messageEn).toMatch(/ 2 more fields are invalid\.$/);
  });

  it('reports one problem per field', () => {
    const twoChecks = z.object({ subject: z.string().min(3).regex(/^V\/v/) });
    const parsed = twoChecks.safeParse({ subject: 'x' }, { reportInput: true });

    expect(parsed.error!.issues).toHaveLength(2);
    expect(validationError(parsed.error!.issues, LABELS).issues).toHaveLength(1);
  });
});
