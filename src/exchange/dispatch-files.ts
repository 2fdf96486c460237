import { createHash } from 'node:crypto';
import path from 'node:path';
import { invalidInput } from '../platform/errors.js';
import { sniffContentType } from '../mail/mime/sniff-type.js';

export interface UploadedFile {
  filename: string;
  content: Buffer;
  role: 'document' | 'attachment';
}

export interface PreparedFile extends UploadedFile {
  /** From the bytes, never from the name or the declared type. */
  detectedType: string;
  size: number;
  sha256: string;
}

const MAX_FILES = 50;

/** Names each file safely, decides its type from its content and hashes it. */
export function prepareFiles(files: UploadedFile[]): PreparedFile[] {
  if (files.length > MAX_FILES) {
    throw invalidInput('attachments', `Chỉ được gửi tối đa ${MAX_FILES} tệp mỗi lần.`, `At most ${MAX_FILES} files can be sent at once.`);
  }

  return files.map((file) => ({
    ...file,
    filename: safeFilename(file.filename),
    detectedType: sniffContentType(file.content),
    size: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'),
  }));
}

// Browsers send the bare name, but a name with folders or control characters must not reach a header.
function safeFilename(name: string): string {
  const base = path.basename(name.replaceAll('\\', '/')).normalize('NFC');
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();

  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'van-ban' : cleaned.slice(0, 200);
}
