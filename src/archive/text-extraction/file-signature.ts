/**
 * Container of a file, from its first bytes. `zip` is DOCX and other Office Open XML, `ole` the
 * compound file of legacy .doc files, and `encrypted-office` an Office Open XML file protected by
 * a password, which Office wraps in an OLE compound file.
 */
export type FileSignature = 'zip' | 'ole' | 'encrypted-office' | 'pdf' | 'unknown';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

// The stream name "EncryptionInfo" in UTF-16LE, as stored in the compound file directory.
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

// Some producers write bytes before the "%PDF-" header, so it is looked for in the first kilobyte.
const PDF_HEADER_WINDOW = 1024;

export function detectFileSignature(bytes: Uint8Array): FileSignature {
  if (startsWith(bytes, ZIP_MAGIC)) {
    return 'zip';
  }

  if (startsWith(bytes, OLE_MAGIC)) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

    return buffer.includes(ENCRYPTION_INFO) ? 'encrypted-office' : 'ole';
  }

  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PDF_HEADER_WINDOW));
  if (head.includes('%PDF-', 0, 'latin1')) {
    return 'pdf';
  }

  return 'unknown';
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}
