import path from 'node:path';
import type { Flag } from '../../documents/document-item.js';
import type { ParsedAttachment } from '../mime/types.js';

const EXECUTABLE_TYPES = new Set(['application/x-msdownload', 'application/x-executable', 'application/x-elf', 'application/x-sh']);

// Content types that a file name's extension promises, for the common office and document formats.
const TYPE_BY_EXTENSION: Record<string, string[]> = {
  '.pdf': ['application/pdf'],
  '.docx': ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  '.doc': ['application/msword'],
  '.xlsx': ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  '.xls': ['application/vnd.ms-excel', 'application/msword'],
  '.png': ['image/png'],
  '.jpg': ['image/jpeg'],
  '.jpeg': ['image/jpeg'],
};

/** Flags an executable attachment and a file whose content does not match its name's extension. */
export function attachmentFlags(attachments: ParsedAttachment[]): Flag[] {
  const flags: Flag[] = [];

  for (const attachment of attachments) {
    if (EXECUTABLE_TYPES.has(attachment.detectedType)) {
      flags.push({ code: 'executable-attachment', message: `Tệp "${attachment.filename}" là chương trình chạy được; không mở tệp này.` });
      continue;
    }

    const expected = TYPE_BY_EXTENSION[path.extname(attachment.filename).toLowerCase()];
    if (expected && !expected.includes(attachment.detectedType)) {
      flags.push({ code: 'type-mismatch', message: `Tệp "${attachment.filename}" có nội dung ${attachment.detectedType}, không đúng với phần mở rộng của tên tệp.` });
    }
  }

  return flags;
}
