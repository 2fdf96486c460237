import { createHash } from 'node:crypto';

import { cleanFileName } from './file-name.js';
import { isDocumentType, sniffContentType } from './sniff-type.js';
import type { ParsedAttachment } from './types.js';

export interface AttachmentSource {
  content: Buffer;
  /** Decoded name, or null to generate one from the part path and detected type. */
  filename: string | null;
  filenameOriginal: string;
  declaredType: string;
  disposition: string | null;
  partPath: string;
  forwarded: boolean;
  contentId: string | null;
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': '.pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/msword': '.doc',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/vnd.ms-excel': '.xls',
  'application/vnd.oasis.opendocument.text': '.odt',
  'application/vnd.oasis.opendocument.spreadsheet': '.ods',
  'application/zip': '.zip',
  'application/ms-tnef': '.dat',
  'application/rtf': '.rtf',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/tiff': '.tif',
  'text/plain': '.txt',
};

/** Builds an attachment record. The content is kept as given, byte for byte. */
export function buildAttachment(source: AttachmentSource): ParsedAttachment {
  const detectedType = sniffContentType(source.content);
  const cleaned = source.filename === null ? '' : cleanFileName(source.filename);
  const filename = cleaned === '' ? generatedName(source.partPath, detectedType) : cleaned;

  return {
    filename,
    filenameOriginal: source.filenameOriginal,
    declaredType: source.declaredType.toLowerCase(),
    detectedType,
    disposition: normaliseDisposition(source.disposition),
    content: source.content,
    size: source.content.length,
    sha256: createHash('sha256').update(source.content).digest('hex'),
    isDocument: isDocumentType(detectedType),
    partPath: source.partPath,
    forwarded: source.forwarded,
    contentId: source.contentId,
  };
}

// RFC 2183 section 2.8: an unknown disposition type is treated as "attachment".
function normaliseDisposition(value: string | null): ParsedAttachment['disposition'] {
  if (value === null || value === '') {
    return null;
  }

  return value === 'inline' ? 'inline' : 'attachment';
}

function generatedName(partPath: string, detectedType: string): string {
  const extension = EXTENSIONS[detectedType] ?? '.bin';

  return `part-${partPath.replace(/[/:.]/g, '-')}${extension}`;
}
