import { Inflate } from 'fflate';

import { errorDetail } from './error-detail.js';
import type { ExtractionFlag } from './extracted-text.js';
import { readZipDirectory, ZipDirectoryError, type ZipDirectoryEntry } from './zip-directory.js';

const DEFLATE = 8;
const MIB = 1024 * 1024;

/**
 * Maximum ratio of uncompressed to compressed size of an entry larger than
 * `RATIO_CHECK_MIN_BYTES`. Deflate reaches at most 1032:1 (zlib.net/zlib_tech.html), and a zip
 * bomb of repeated bytes comes close to that.
 */
// NOTE: 200:1 is a judgment, not measured on real mail. The document.xml of the test fixtures
// compresses about 5:1, but a long table of identical empty cells could come nearer the limit.
const MAX_COMPRESSION_RATIO = 200;
const RATIO_CHECK_MIN_BYTES = MIB;

// Compressed bytes inflated per step. Deflate reaches at most 1032:1, so one step produces at
// most about 4 MiB before the count is checked again.
const INFLATE_STEP_BYTES = 4 * 1024;

export type UnpackedSizeCheck =
  | { ok: true }
  | { ok: false; flag: ExtractionFlag };

/**
 * Checks that a DOCX file does not inflate to more than `maxUnpackedBytes` before mammoth
 * opens it. JSZip, which mammoth uses, inflates a whole entry into memory outside the V8 heap,
 * where the worker thread's heap limit does not reach. The check rejects the file in three
 * cases:
 * - the sizes declared in the central directory add up to more than the limit,
 * - a large entry declares a compression ratio above `MAX_COMPRESSION_RATIO`,
 * - inflating the entries here produces more bytes than either rule allows, because declared
 *   sizes can lie.
 * Entries are inflated a few KiB at a time, and none of the output is kept. The check stops at the first limit it passes. A zip whose directory cannot be
 * read is flagged `broken`.
 */
export async function checkDocxUnpackedSize(bytes: Uint8Array, maxUnpackedBytes: number): Promise<UnpackedSizeCheck> {
  let entries: ZipDirectoryEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch (error) {
    if (error instanceof ZipDirectoryError) {
      const flag: ExtractionFlag = { code: 'broken', message: 'Tệp DOCX bị hỏng: không đọc được danh mục của tệp nén zip.', detail: errorDetail(error) };

      return { ok: false, flag };
    }
    throw error;
  }

  const declaredTotal = entries.reduce((total, entry) => total + entry.declaredSize, 0);
  if (declaredTotal > maxUnpackedBytes) {
    return { ok: false, flag: tooLargeFlag(`${formatMib(declaredTotal)} MiB`, maxUnpackedBytes) };
  }

  for (const entry of entries) {
    const isLarge = entry.compressionMethod === DEFLATE && entry.declaredSize > RATIO_CHECK_MIN_BYTES;
    if (isLarge && entry.declaredSize > entry.compressedSize * MAX_COMPRESSION_RATIO) {
      return { ok: false, flag: ratioFlag(entry, `${formatRatio(entry.declaredSize, entry)}:1`) };
    }
  }

  return checkInflatedSize(bytes, entries, maxUnpackedBytes);
}

function checkInflatedSize(bytes: Uint8Array, entries: readonly ZipDirectoryEntry[], maxUnpackedBytes: number): UnpackedSizeCheck {
  let total = 0;

  for (const entry of entries) {
    if (entry.encrypted) {
      // JSZip rejects encrypted entries, so mammoth never inflates them.
      continue;
    }

    if (entry.compressionMethod !== DEFLATE) {
      // A stored entry is as large as its data, and JSZip rejects any other method.
      total += entry.compressedSize;
    } else {
      const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
      const maxRatioBytes = Math.max(RATIO_CHECK_MIN_BYTES, entry.compressedSize * MAX_COMPRESSION_RATIO);
      const inflated = countInflatedBytes(data, Math.min(maxUnpackedBytes - total, maxRatioBytes));
      if (inflated > maxRatioBytes) {
        return { ok: false, flag: ratioFlag(entry, `hơn ${MAX_COMPRESSION_RATIO}:1`) };
      }
      total += inflated;
    }

    if (total > maxUnpackedBytes) {
      return { ok: false, flag: tooLargeFlag(`hơn ${formatMib(maxUnpackedBytes)} MiB`, maxUnpackedBytes) };
    }
  }

  return { ok: true };
}

/**
 * Inflates raw deflate data and returns the number of bytes it produces, stopping once that
 * exceeds `stopAfterBytes`. The count covers the output up to the first error in the data.
 */
// This runs in the extraction worker thread, which the pool terminates on a timeout. Node 20
// aborts the whole process when a worker is terminated while it has an open node:zlib handle
// (`close before init` in node_zlib.cc), so the worker inflates with fflate, in JavaScript.
// NOTE: JSZip inflates with pako, another JavaScript port of zlib. The two are assumed to stop
// at the same byte of a corrupt stream.
function countInflatedBytes(data: Uint8Array, stopAfterBytes: number): number {
  let count = 0;
  const inflater = new Inflate((chunk) => {
    count += chunk.length;
  });

  try {
    for (let offset = 0; offset < data.length && count <= stopAfterBytes; offset += INFLATE_STEP_BYTES) {
      const end = Math.min(data.length, offset + INFLATE_STEP_BYTES);
      inflater.push(data.subarray(offset, end), end === data.length);
    }
  } catch {
    // Corrupt deflate data. JSZip fails on it too, and mammoth's error is reported then.
  }

  return count;
}

function tooLargeFlag(size: string, maxUnpackedBytes: number): ExtractionFlag {
  return {
    code: 'too-large',
    message: `Tệp DOCX giải nén ra quá lớn (${size}, giới hạn ${formatMib(maxUnpackedBytes)} MiB) nên không được đọc.`,
  };
}

function ratioFlag(entry: ZipDirectoryEntry, ratio: string): ExtractionFlag {
  return {
    code: 'too-large',
    message:
      `Tệp DOCX có phần ${entry.name} nén với tỷ lệ ${ratio} (giới hạn ${MAX_COMPRESSION_RATIO}:1), ` +
      'dấu hiệu của tệp nén độc hại, nên không được đọc.',
  };
}

function formatRatio(unpackedBytes: number, entry: ZipDirectoryEntry): string {
  return Math.floor(unpackedBytes / Math.max(1, entry.compressedSize)).toLocaleString('vi-VN');
}

function formatMib(bytes: number): string {
  return (bytes / MIB).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
}
