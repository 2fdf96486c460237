import type { z } from 'zod';
import { ValidationError, type InvalidField } from './errors.js';

/** Human name of an input field in each language, lower case as it reads inside a sentence. */
export interface FieldLabel {
  vi: string;
  en: string;
}

/** Labels by field name, the last name in an issue's path such as `issuedOn` in `metadata.issuedOn`. */
export type FieldLabels = Readonly<Record<string, FieldLabel>>;

type Issue = z.core.$ZodIssue;

interface Expectation {
  vi: string;
  en: string;
}

// A message names this many fields and counts the rest, because a longer list would bury the first one.
const MAX_LISTED_FIELDS = 3;
// Longer values are cut in messages, since they are shown only to point at the bad input.
const MAX_QUOTED_LENGTH = 60;

const ROOT_LABEL: FieldLabel = { vi: 'nội dung yêu cầu', en: 'request body' };

const TYPE_NAMES: Record<string, Expectation> = {
  string: { vi: 'một chuỗi ký tự', en: 'text' },
  number: { vi: 'một số', en: 'a number' },
  int: { vi: 'một số nguyên', en: 'a whole number' },
  boolean: { vi: 'true hoặc false', en: 'true or false' },
  array: { vi: 'một danh sách (mảng JSON)', en: 'a list (JSON array)' },
  object: { vi: 'một đối tượng JSON', en: 'a JSON object' },
};

const FORMAT_NAMES: Record<string, Expectation> = {
  email: { vi: 'một địa chỉ thư, ví dụ vanthu@lamdong.gov.vn', en: 'a mail address, such as vanthu@lamdong.gov.vn' },
  uuid: { vi: 'một mã UUID, ví dụ 3f2504e0-4f89-41d3-9a0c-0305e82c3301', en: 'a UUID, such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301' },
  date: { vi: 'một ngày có thật viết dạng YYYY-MM-DD, ví dụ 2026-12-04', en: 'a real date written YYYY-MM-DD, such as 2026-12-04' },
  datetime: { vi: 'một thời điểm ISO 8601, ví dụ 2026-12-04T09:00:00Z', en: 'an ISO 8601 time, such as 2026-12-04T09:00:00Z' },
  url: { vi: 'một địa chỉ URL, ví dụ https://lamdong.gov.vn/', en: 'a URL, such as https://lamdong.gov.vn/' },
};

/**
 * Builds options for `.refine()` whose failure reads "<field> is invalid (value): expected
 * <what>" in both languages. The English text doubles as zod's own message for the failure.
 */
export function localizedRefinement(expectedVi: string, expectedEn: string): { message: string; params: { expected: Expectation } } {
  return { message: `expected ${expectedEn}`, params: { expected: { vi: expectedVi, en: expectedEn } } };
}

/**
 * Describes one zod validation failure in Vietnamese and English: the field by its label, what
 * is wrong and what is expected. Zod's own message is English, so it appears only in the English
 * text of a refinement without a localized expectation. Parse with `reportInput: true`, so that
 * a missing field differs from one of the wrong type and the bad value can be quoted.
 */
export function describeIssue(issue: Issue, labels: FieldLabels, pathPrefix: readonly PropertyKey[] = []): InvalidField {
  const path = [...pathPrefix, ...issue.path];
  const label = labelOf(path, labels);
  const text = sentenceOf(issue, label, labels);

  return { field: path.map(String).join('.'), message: text.vi, messageEn: text.en };
}

/**
 * Turns failed validation into a ValidationError in both languages. Its message names the first
 * three invalid fields after an optional lead such as "Thông tin văn bản không hợp lệ", and its
 * issues list every invalid field once.
 */
export function validationError(issues: readonly Issue[], labels: FieldLabels, options: { lead?: FieldLabel; pathPrefix?: readonly PropertyKey[] } = {}): ValidationError {
  const described = issues.map((issue) => describeIssue(issue, labels, options.pathPrefix));
  const firstPerField = described.filter((issue, index) => described.findIndex((other) => other.field === issue.field) === index);

  const listed = firstPerField.slice(0, MAX_LISTED_FIELDS);
  const more = firstPerField.length - listed.length;
  const vi = listed.map((issue) => issue.message);
  const en = listed.map((issue) => issue.messageEn);
  if (more > 0) {
    vi.push(`Còn ${more} trường khác không hợp lệ.`);
    en.push(`${more} more ${more === 1 ? 'field is' : 'fields are'} invalid.`);
  }

  const message = options.lead ? `${capitalize(options.lead.vi)}: ${vi.join(' ')}` : vi.join(' ');
  const messageEn = options.lead ? `${capitalize(options.lead.en)}: ${en.join(' ')}` : en.join(' ');

  return new ValidationError(message, messageEn, firstPerField);
}

/** Parses a value, or throws a ValidationError in both languages naming the invalid fields. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, labels: FieldLabels, options: { lead?: FieldLabel; pathPrefix?: readonly PropertyKey[] } = {}): z.output<T> {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (!parsed.success) throw validationError(parsed.error.issues, labels, options);

  return parsed.data;
}

function sentenceOf(issue: Issue, label: FieldLabel, labels: FieldLabels): Expectation {
  const subject = { vi: capitalize(label.vi), en: capitalize(label.en) };

  switch (issue.code) {
    case 'invalid_type':
      if (isMissing(issue)) return { vi: `Thiếu ${label.vi}.`, en: `${subject.en} is missing.` };
      return invalid(subject, issue, TYPE_NAMES[issue.expected] ?? { vi: 'một giá trị hợp lệ', en: 'a valid value' });
    case 'too_small':
      return tooSmall(subject, issue);
    case 'too_big':
      return tooBig(subject, issue);
    case 'invalid_format':
      return invalid(subject, issue, FORMAT_NAMES[issue.format] ?? { vi: 'đúng định dạng', en: 'the documented format' });
    case 'invalid_value':
      return invalid(subject, issue, oneOf(issue.values));
    case 'unrecognized_keys':
      return unknownFields(issue, labels);
    case 'custom': {
      const expected = (issue.params as { expected?: Expectation } | undefined)?.expected;
      if (expected) return invalid(subject, issue, expected);
      return { vi: `${subject.vi} không hợp lệ.`, en: `${subject.en} is invalid: ${issue.message}.` };
    }
    default:
      return { vi: `${subject.vi} không hợp lệ.`, en: `${subject.en} is invalid.` };
  }
}

function isMissing(issue: Issue): boolean {
  return 'input' in issue && (issue.input === undefined || issue.input === null);
}

function invalid(subject: Expectation, issue: Issue, expected: Expectation): Expectation {
  const quoted = quotedValue(issue);

  return {
    vi: `${subject.vi} không hợp lệ${quoted}: cần ${expected.vi}.`,
    en: `${subject.en} is invalid${quoted}: expected ${expected.en}.`,
  };
}

function tooSmall(subject: Expectation, issue: z.core.$ZodIssueTooSmall): Expectation {
  const minimum = String(issue.minimum);

  if (issue.origin === 'string') {
    if (issue.exact) return { vi: `${subject.vi} phải có đúng ${minimum} ký tự.`, en: `${subject.en} must be exactly ${minimum} characters long.` };
    if (Number(issue.minimum) <= 1) return { vi: `${subject.vi} không được để trống.`, en: `${subject.en} must not be empty.` };
    return { vi: `${subject.vi} phải có ít nhất ${minimum} ký tự.`, en: `${subject.en} must be at least ${minimum} characters long.` };
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    return { vi: `${subject.vi} phải có ít nhất ${minimum} mục.`, en: `${subject.en} must have at least ${minimum} ${Number(minimum) === 1 ? 'item' : 'items'}.` };
  }
  if (issue.inclusive === false) return { vi: `${subject.vi} phải lớn hơn ${minimum}.`, en: `${subject.en} must be greater than ${minimum}.` };

  return { vi: `${subject.vi} phải từ ${minimum} trở lên.`, en: `${subject.en} must be ${minimum} or more.` };
}

function tooBig(subject: Expectation, issue: z.core.$ZodIssueTooBig): Expectation {
  const maximum = String(issue.maximum);

  if (issue.origin === 'string') {
    if (issue.exact) return { vi: `${subject.vi} phải có đúng ${maximum} ký tự.`, en: `${subject.en} must be exactly ${maximum} characters long.` };
    return { vi: `${subject.vi} chỉ được dài tối đa ${maximum} ký tự.`, en: `${subject.en} must be at most ${maximum} characters long.` };
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    return { vi: `${subject.vi} chỉ được có tối đa ${maximum} mục.`, en: `${subject.en} may have at most ${maximum} items.` };
  }
  if (issue.inclusive === false) return { vi: `${subject.vi} phải nhỏ hơn ${maximum}.`, en: `${subject.en} must be less than ${maximum}.` };

  return { vi: `${subject.vi} không được lớn hơn ${maximum}.`, en: `${subject.en} must be ${maximum} or less.` };
}

function oneOf(values: readonly unknown[]): Expectation {
  const listed = values.map((value) => String(value)).join(', ');
  if (values.length === 1) return { vi: `giá trị ${listed}`, en: listed };

  return { vi: `một trong các giá trị ${listed}`, en: `one of ${listed}` };
}

function unknownFields(issue: z.core.$ZodIssueUnrecognizedKeys, labels: FieldLabels): Expectation {
  const keys = issue.keys.map((key) => `"${key}"`).join(', ');
  const plural = issue.keys.length > 1;
  const within = issue.path.length > 0 ? labelOf(issue.path, labels) : null;
  const whereVi = within ? ` trong ${within.vi}` : '';
  const whereEn = within ? ` in ${within.en}` : '';

  return {
    vi: `Không có trường ${keys}${whereVi}; hãy bỏ ${plural ? 'các trường này' : 'trường này'}.`,
    en: `Unknown ${plural ? 'fields' : 'field'} ${keys}${whereEn}; remove ${plural ? 'them' : 'it'}.`,
  };
}

/**
 * Returns the label of the field a path names: the label of its last name, then "item N" for an
 * index after it (`recipients.2` is the third recipient). An unlabelled field is named by its path.
 */
function labelOf(path: readonly PropertyKey[], labels: FieldLabels): FieldLabel {
  if (path.length === 0) return ROOT_LABEL;

  const lastName = path.map((segment) => typeof segment).lastIndexOf('string');
  const indexes = path.slice(lastName + 1).filter((segment): segment is number => typeof segment === 'number');
  const known = lastName >= 0 ? labels[path[lastName] as string] : undefined;
  const base = known ?? { vi: `trường "${path.map(String).join('.')}"`, en: `field "${path.map(String).join('.')}"` };
  if (!known || indexes.length === 0) return base;

  const item = indexes.map((index) => index + 1).join('.');
  return { vi: `${base.vi} (mục thứ ${item})`, en: `${base.en} (item ${item})` };
}

/** Returns the bad value in brackets for a message, or nothing for a value that is not short text or a number. */
function quotedValue(issue: Issue): string {
  if (!('input' in issue)) return '';

  const { input } = issue;
  if (typeof input === 'number' && Number.isFinite(input)) return ` (${input})`;
  if (typeof input !== 'string') return '';

  const cut = input.length > MAX_QUOTED_LENGTH ? `${input.slice(0, MAX_QUOTED_LENGTH)}…` : input;
  return ` ("${cut}")`;
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
