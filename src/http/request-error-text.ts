import type { FieldLabel } from '../platform/validation-issues.js';

/**
 * Text of the client errors that Fastify and @fastify/multipart raise before a handler runs,
 * by error code. Their own messages are English only.
 */
const TEXT_BY_CODE: Record<string, FieldLabel> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    vi: 'Nội dung yêu cầu không phải JSON hợp lệ dù Content-Type là application/json; hãy sửa cú pháp JSON.',
    en: 'The body is not valid JSON although Content-Type is application/json; fix the JSON syntax.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    vi: 'Yêu cầu không có nội dung dù Content-Type là application/json; hãy gửi một đối tượng JSON hoặc bỏ Content-Type.',
    en: 'The body is empty although Content-Type is application/json; send a JSON object or leave out Content-Type.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    vi: 'Máy chủ không nhận kiểu nội dung (Content-Type) này; hãy gửi application/json hoặc multipart/form-data.',
    en: 'This Content-Type is not supported; send application/json or multipart/form-data.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    vi: 'Nội dung yêu cầu quá lớn; tệp phải gửi dạng multipart/form-data.',
    en: 'The request body is too large; send files as multipart/form-data.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    vi: 'Content-Length không khớp với độ dài nội dung yêu cầu.',
    en: 'Content-Length does not match the length of the body.',
  },
  FST_REQ_FILE_TOO_LARGE: {
    vi: 'Tệp tải lên vượt quá giới hạn của một yêu cầu.',
    en: 'An uploaded file exceeds the limit of one request.',
  },
  FST_PARTS_LIMIT: { vi: 'Yêu cầu có quá nhiều phần (tệp và trường).', en: 'The request has too many parts (files and fields).' },
  FST_FILES_LIMIT: { vi: 'Yêu cầu có quá nhiều tệp.', en: 'The request has too many files.' },
  FST_FIELDS_LIMIT: { vi: 'Yêu cầu có quá nhiều trường.', en: 'The request has too many fields.' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    vi: 'Yêu cầu này phải gửi dạng multipart/form-data.',
    en: 'This request must be sent as multipart/form-data.',
  },
  FST_PROTO_VIOLATION: { vi: 'Tên trường "__proto__" không được dùng.', en: 'The field name "__proto__" is not allowed.' },
};

/** Returns the text of a framework client error in both languages. An unlisted code keeps its English message. */
export function requestErrorText(error: { code?: string; message: string }, status: number): FieldLabel {
  const known = error.code ? TEXT_BY_CODE[error.code] : undefined;
  if (known) return known;

  const code = error.code ? `, mã ${error.code}` : '';
  return { vi: `Yêu cầu không hợp lệ (HTTP ${status}${code}).`, en: error.message };
}
