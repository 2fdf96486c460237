// Lists the entry names of a ZIP archive (PKWARE APPNOTE.TXT: local file headers, central
// directory, end of central directory record) without inflating anything. The names separate
// DOCX, XLSX and ODF files from other archives.

export interface ZipEntry {
  name: string;
  /** Offset of the local file header. */
  localHeaderOffset: number;
}

const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const MAX_ENTRIES = 10_000;
// The end record is 22 bytes plus a comment of up to 65,535 bytes.
const END_RECORD_SEARCH = 22 + 0xffff;

/** Lists entries from the central directory, or from the local headers when that is missing or broken. */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  return readCentralDirectory(buffer) ?? scanLocalHeaders(buffer);
}

function readCentralDirectory(bytes: Buffer): ZipEntry[] | null {
  const end = findEndRecord(bytes);
  if (end < 0) {
    return null;
  }

  const count = bytes.readUInt16LE(end + 10);
  let position = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];

  for (let index = 0; index < Math.min(count, MAX_ENTRIES); index++) {
    if (position + 46 > bytes.length || bytes.readUInt32LE(position) !== CENTRAL_FILE_HEADER) {
      return entries.length > 0 ? entries : null;
    }

    const nameLength = bytes.readUInt16LE(position + 28);
    const extraLength = bytes.readUInt16LE(position + 30);
    const commentLength = bytes.readUInt16LE(position + 32);
    const name = bytes.toString('utf8', position + 46, Math.min(bytes.length, position + 46 + nameLength));
    entries.push({ name, localHeaderOffset: bytes.readUInt32LE(position + 42) });
    position += 46 + nameLength + extraLength + commentLength;
  }

  return entries;
}

function findEndRecord(bytes: Buffer): number {
  if (bytes.length < 22) {
    return -1;
  }

  const signature = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
  const position = bytes.lastIndexOf(signature, bytes.length - 22);

  return position >= 0 && position >= bytes.length - END_RECORD_SEARCH ? position : -1;
}

// A truncated archive has no central directory, but its local headers still name the entries.
function scanLocalHeaders(bytes: Buffer): ZipEntry[] {
  const signature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
  const entries: ZipEntry[] = [];
  let position = bytes.indexOf(signature);

  while (position >= 0 && position + 30 <= bytes.length && entries.length < MAX_ENTRIES) {
    if (bytes.readUInt32LE(position) === LOCAL_FILE_HEADER) {
      const nameLength = bytes.readUInt16LE(position + 26);
      const name = bytes.toString('utf8', position + 30, Math.min(bytes.length, position + 30 + nameLength));
      entries.push({ name, localHeaderOffset: position });
    }
    position = bytes.indexOf(signature, position + 4);
  }

  return entries;
}

/** Returns the bytes of an entry stored without compression, as ODF requires for "mimetype". */
export function readStoredEntry(bytes: Uint8Array, entry: ZipEntry, maxLength: number): Buffer | null {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const offset = entry.localHeaderOffset;
  if (offset + 30 > buffer.length || buffer.readUInt32LE(offset) !== LOCAL_FILE_HEADER) {
    return null;
  }

  const method = buffer.readUInt16LE(offset + 8);
  const size = buffer.readUInt32LE(offset + 18);
  const start = offset + 30 + buffer.readUInt16LE(offset + 26) + buffer.readUInt16LE(offset + 28);
  if (method !== 0 || size > maxLength || start + size > buffer.length) {
    return null;
  }

  return buffer.subarray(start, start + size);
}
