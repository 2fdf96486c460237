import type { FieldLabels } from '../platform/validation-issues.js';

/** Names of the document metadata fields in error messages, as a clerk knows them from the form. */
export const METADATA_FIELD_LABELS: FieldLabels = {
  type: { vi: 'loại văn bản', en: 'document type' },
  number: { vi: 'số văn bản', en: 'document number' },
  notation: { vi: 'ký hiệu', en: 'notation' },
  issuedOn: { vi: 'ngày văn bản', en: 'document date' },
  place: { vi: 'địa danh', en: 'place' },
  issuer: { vi: 'cơ quan ban hành', en: 'issuer' },
  subject: { vi: 'trích yếu', en: 'subject' },
  signer: { vi: 'người ký', en: 'signer' },
  signerPosition: { vi: 'chức vụ người ký', en: 'signer position' },
  urgency: { vi: 'độ khẩn', en: 'urgency' },
  confidentiality: { vi: 'độ mật', en: 'confidentiality' },
  dueOn: { vi: 'hạn xử lý', en: 'due date' },
  metadata: { vi: 'thông tin văn bản', en: 'document details' },
};
