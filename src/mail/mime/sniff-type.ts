import { COMPOUND_FILE_SIGNATURE, listCompoundFileNames } from './compound-file.js';
import { listZipEntries, readStoredEntry } from './zip-entries.js';

export const PDF_TYPE = 'application/pdf';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const DOC_TYPE = 'application/msword';
export const TNEF_TYPE = 'application/ms-tnef';
export const OCTET_STREAM = 'application/octet-stream';

const DOCUMENT_TYPES = new Set([PDF_TYPE, DOCX_TYPE, DOC_TYPE]);

// Acrobat accepts a PDF header anywhere in the first 1024 bytes (PDF 1.7 Implementation Note 13).
const PDF_HEADER_WINDOW = 1024;
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];
const TEXT_SAMPLE_BYTES = 8192;

interface Signature {
  bytes: number[];
  type: string;
}

const SIGNATURES: Signature[] = [
  { bytes: [0x78, 0x9f, 0x3e, 0x22], type: TNEF_TYPE },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], type: 'image/png' },
  { bytes: [0xff, 0xd8, 0xff], type: 'image/jpeg' },
  { bytes: [0x47, 0x49, 0x46, 0x38, 0x37, 0x61], type: 'image/gif' },
  { bytes: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], type: 'image/gif' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], type: 'image/tiff' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], type: 'image/tiff' },
  { bytes: [0x4d, 0x5a], type: 'application/x-msdownload' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], type: 'application/x-msdownload' },
  { bytes: [0x1f, 0x8b], type: 'application/gzip' },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], type: 'application/vnd.rar' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], type: 'application/x-7z-compressed' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], type: 'application/rtf' },
];

// Names inside an OLE2 compound file that identify the application, in order of precedence.
const COMPOUND_FILE_STREAMS: [string, string][] = [
  ['WordDocument', DOC_TYPE],
  ['Workbook', 'application/vnd.ms-excel'],
  ['Book', 'application/vnd.ms-excel'],
  ['PowerPoint Document', 'application/vnd.ms-powerpoint'],
];

/**
 * Decides a file's type from its bytes alone. It recognises PDF, Office Open XML and ODF
 * packages, Word, Excel and PowerPoint 97-2003, Outlook TNEF, common images, archives and
 * executables (MZ and ELF both as application/x-msdownload). Other bytes that read as text are
 * text/plain, the rest application/octet-stream.
 */
export function sniffContentType(bytes: Uint8Array): string {
  if (bytes.length === 0) {
    return OCTET_STREAM;
  }

  if (startsWith(bytes, PDF_MAGIC)) {
    return PDF_TYPE;
  }

  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return zipPackageType(bytes);
  }

  if (startsWith(bytes, [...COMPOUND_FILE_SIGNATURE])) {
    return compoundFileType(bytes);
  }

  const signature = SIGNATURES.find((candidate) => startsWith(bytes, candidate.bytes));
  if (signature) {
    return signature.type;
  }

  // Only after the signatures at offset 0, because containers such as winmail.dat hold whole PDFs.
  if (hasPdfHeader(bytes)) {
    return PDF_TYPE;
  }

  return looksLikeText(bytes) ? 'text/plain' : OCTET_STREAM;
}

/** Checks whether a type is one of the document formats the registers accept: PDF, DOCX or DOC. */
export function isDocumentType(type: string): boolean {
  return DOCUMENT_TYPES.has(type.trim().toLowerCase());
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const window = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PDF_HEADER_WINDOW));

  return window.indexOf('%PDF-', 0, 'latin1') >= 0;
}

function zipPackageType(bytes: Uint8Array): string {
  const entries = listZipEntries(bytes);
  const names = new Set(entries.map((entry) => entry.name));

  // ODF 1.2 Part 3 section 3.3: the first entry is an uncompressed "mimetype" holding the type.
  const first = entries[0];
  if (first && first.name === 'mimetype') {
    const mimetype = readStoredEntry(bytes, first, 200)?.toString('latin1').trim();
    if (mimetype && mimetype.startsWith('application/vnd.oasis.opendocument.')) {
      return mimetype;
    }
  }

  if (names.has('[Content_Types].xml')) {
    if (entries.some((entry) => entry.name.startsWith('word/'))) {
      return DOCX_TYPE;
    }
    if (entries.some((entry) => entry.name.startsWith('xl/'))) {
      return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    }
    if (entries.some((entry) => entry.name.startsWith('ppt/'))) {
      return 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
    }
  }

  return 'application/zip';
}

function compoundFileType(bytes: Uint8Array): string {
  const names = listCompoundFileNames(bytes);
  if (!names) {
    return 'application/x-ole-storage';
  }

  for (const [stream, type] of COMPOUND_FILE_STREAMS) {
    if (names.includes(stream)) {
      return type;
    }
  }

  if (names.some((name) => name.startsWith('__substg1.0_'))) {
    return 'application/vnd.ms-outlook';
  }

  return 'application/x-ole-storage';
}

// Text has no NUL and few other control bytes. 8-bit bytes pass: legacy Vietnamese text is 8-bit.
function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, TEXT_SAMPLE_BYTES);
  if (startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff])) {
    return true;
  }

  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) {
      return false;
    }
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) {
      controls++;
    }
  }

  return controls * 100 <= sample.length;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) {
    return false;
  }

  return prefix.every((byte, index) => bytes[index] === byte);
}
