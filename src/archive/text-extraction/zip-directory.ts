/**
 * Reads the central directory of a zip archive (PKWARE APPNOTE.TXT, including the zip64 records)
 * without inflating anything. It locates the directory and the entry data as JSZip 3.10 does in
 * lib/zipEntries.js and lib/zipEntry.js. mammoth opens DOCX files with JSZip, so a size check
 * that uses this reader looks at the same bytes that mammoth later inflates.
 */

export type ZipDirectoryEntry = {
  name: string;
  /** 0 is stored, 8 is deflate. JSZip rejects every other method. */
  compressionMethod: number;
  /** Whether the entry is encrypted (general purpose bit 0), which JSZip rejects. */
  encrypted: boolean;
  compressedSize: number;
  /** Uncompressed size as the archive declares it. Nothing checks it against the data. */
  declaredSize: number;
  /** Offset of the entry's compressed data in the archive. */
  dataOffset: number;
};

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const ZIP64_EXTRA_FIELD = 0x0001;
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;

/** Error for an archive whose directory or entry headers cannot be read. */
export class ZipDirectoryError extends Error {
  override name = 'ZipDirectoryError';
}

/**
 * Lists the entries of a zip archive from its central directory. Throws `ZipDirectoryError`
 * where JSZip would also fail to open the archive: no end of central directory record, a
 * directory or local header outside the file, or entry data past its end.
 */
export function readZipDirectory(bytes: Uint8Array): ZipDirectoryEntry[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = lastIndexOfSignature(buffer, END_OF_CENTRAL_DIRECTORY);
  if (end < 0 || end + 22 > buffer.length) {
    throw new ZipDirectoryError('No end of central directory record was found.');
  }

  const location = readDirectoryLocation(buffer, end);

  // JSZip treats bytes between the directory and its end record as data prepended to the
  // archive and shifts every offset by their count, so this reader does the same.
  const shift = end - location.expectedEnd;
  if (shift < 0) {
    throw new ZipDirectoryError(`The central directory overlaps its end record by ${-shift} bytes.`);
  }

  const entries: ZipDirectoryEntry[] = [];
  let position = location.offset + shift;
  while (position >= 0 && position + 46 <= buffer.length && buffer.readUInt32LE(position) === CENTRAL_FILE_HEADER) {
    const { entry, next } = readCentralFileHeader(buffer, position, shift);
    entries.push(entry);
    position = next;
  }

  if (entries.length === 0 && location.entryCount > 0) {
    throw new ZipDirectoryError(`The central directory declares ${location.entryCount} entries, but none was found.`);
  }

  return entries;
}

type DirectoryLocation = { offset: number; entryCount: number; expectedEnd: number };

function readDirectoryLocation(buffer: Buffer, end: number): DirectoryLocation {
  const entryCount = buffer.readUInt16LE(end + 10);
  const size = buffer.readUInt32LE(end + 12);
  const offset = buffer.readUInt32LE(end + 16);
  const usesZip64 =
    buffer.readUInt16LE(end + 4) === MAX_16 ||
    buffer.readUInt16LE(end + 6) === MAX_16 ||
    buffer.readUInt16LE(end + 8) === MAX_16 ||
    entryCount === MAX_16 ||
    size === MAX_32 ||
    offset === MAX_32;
  if (!usesZip64) {
    return { offset, entryCount, expectedEnd: offset + size };
  }

  const locator = lastIndexOfSignature(buffer, ZIP64_END_LOCATOR);
  if (locator < 0 || locator + 20 > buffer.length) {
    throw new ZipDirectoryError('No zip64 end of central directory locator was found.');
  }

  let zip64End = readUInt64(buffer, locator + 8);
  if (!hasSignature(buffer, zip64End, ZIP64_END_OF_CENTRAL_DIRECTORY, 56)) {
    zip64End = lastIndexOfSignature(buffer, ZIP64_END_OF_CENTRAL_DIRECTORY);
  }
  if (zip64End < 0 || zip64End + 56 > buffer.length) {
    throw new ZipDirectoryError('No zip64 end of central directory record was found.');
  }

  const zip64Offset = readUInt64(buffer, zip64End + 48);
  const zip64Size = readUInt64(buffer, zip64End + 40);
  const recordSize = readUInt64(buffer, zip64End + 4);

  return {
    offset: zip64Offset,
    entryCount: readUInt64(buffer, zip64End + 32),
    // The zip64 end record (12 bytes plus the size it declares) and its 20-byte locator sit
    // between the directory and the end record.
    expectedEnd: zip64Offset + zip64Size + 12 + recordSize + 20,
  };
}

function readCentralFileHeader(buffer: Buffer, position: number, shift: number): { entry: ZipDirectoryEntry; next: number } {
  const flags = buffer.readUInt16LE(position + 8);
  const compressionMethod = buffer.readUInt16LE(position + 10);
  let compressedSize = buffer.readUInt32LE(position + 20);
  let declaredSize = buffer.readUInt32LE(position + 24);
  const nameLength = buffer.readUInt16LE(position + 28);
  const extraLength = buffer.readUInt16LE(position + 30);
  const commentLength = buffer.readUInt16LE(position + 32);
  let localHeaderOffset = buffer.readUInt32LE(position + 42);

  const nameStart = position + 46;
  const extraStart = nameStart + nameLength;
  const next = extraStart + extraLength + commentLength;
  if (next > buffer.length) {
    throw new ZipDirectoryError(`The central directory entry at offset ${position} runs past the end of the file.`);
  }

  // The zip64 extra field contains only the values whose 32-bit field is 0xFFFFFFFF, in this order.
  const zip64 = findExtraField(buffer, extraStart, extraStart + extraLength, ZIP64_EXTRA_FIELD);
  if (zip64 !== null) {
    let field = zip64.start;
    if (declaredSize === MAX_32 && field + 8 <= zip64.end) {
      declaredSize = readUInt64(buffer, field);
      field += 8;
    }
    if (compressedSize === MAX_32 && field + 8 <= zip64.end) {
      compressedSize = readUInt64(buffer, field);
      field += 8;
    }
    if (localHeaderOffset === MAX_32 && field + 8 <= zip64.end) {
      localHeaderOffset = readUInt64(buffer, field);
    }
  }

  const name = buffer.toString('utf8', nameStart, extraStart);
  const local = localHeaderOffset + shift;
  if (!hasSignature(buffer, local, LOCAL_FILE_HEADER, 30)) {
    throw new ZipDirectoryError(`The local header of ${name} is missing at offset ${local}.`);
  }

  const dataOffset = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
  if (dataOffset + compressedSize > buffer.length) {
    throw new ZipDirectoryError(`The data of ${name} runs past the end of the file.`);
  }

  return {
    entry: { name, compressionMethod, encrypted: (flags & 1) !== 0, compressedSize, declaredSize, dataOffset },
    next,
  };
}

function findExtraField(buffer: Buffer, start: number, end: number, id: number): { start: number; end: number } | null {
  let position = start;
  while (position + 4 <= end) {
    const fieldId = buffer.readUInt16LE(position);
    const length = buffer.readUInt16LE(position + 2);
    if (fieldId === id) {
      return { start: position + 4, end: Math.min(end, position + 4 + length) };
    }
    position += 4 + length;
  }

  return null;
}

function lastIndexOfSignature(buffer: Buffer, signature: number): number {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(signature);

  return buffer.lastIndexOf(bytes);
}

function hasSignature(buffer: Buffer, position: number, signature: number, headerLength: number): boolean {
  return position >= 0 && position + headerLength <= buffer.length && buffer.readUInt32LE(position) === signature;
}

// Offsets and sizes above 2^53 cannot be exact in a JavaScript number. They exceed any file this
// module reads, so they only need to compare as huge.
function readUInt64(buffer: Buffer, position: number): number {
  return Number(buffer.readBigUInt64LE(position));
}
