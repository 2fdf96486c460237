import mammoth from 'mammoth';

import { layOutDocxLines, type DocxElement } from './docx-lines.js';
import { checkDocxUnpackedSize } from './docx-unpacked-size.js';
import { errorDetail } from './error-detail.js';
import { emptyExtraction, type ExtractedText, type ExtractionFlag } from './extracted-text.js';
import type { ExtractionLimits } from './extraction-limits.js';
import { finishExtraction } from './finish-extraction.js';
import { detectFileSignature } from './file-signature.js';

/**
 * Reads the text lines of a DOCX file with mammoth. A password-protected DOCX is an OLE
 * container instead of a zip and is flagged `encrypted`. A zip that inflates to more than
 * `limits.maxUnpackedBytes`, or at a suspicious ratio, is flagged `too-large` before mammoth
 * opens it. Anything else mammoth cannot read is flagged `broken`.
 */
export async function readDocxText(bytes: Uint8Array, limits: ExtractionLimits): Promise<ExtractedText> {
  const signature = detectFileSignature(bytes);
  if (signature === 'encrypted-office') {
    return emptyExtraction([{ code: 'encrypted', message: 'Tệp DOCX được đặt mật khẩu nên không đọc được nội dung. Đề nghị bên gửi gửi lại bản không đặt mật khẩu.' }]);
  }
  if (signature === 'ole') {
    return emptyExtraction([{ code: 'broken', message: 'Tệp là định dạng Word .doc cũ, không phải DOCX. Hãy lưu lại dưới dạng DOCX hoặc PDF rồi gửi lại.' }]);
  }
  if (signature !== 'zip') {
    return emptyExtraction([{ code: 'broken', message: 'Tệp không phải DOCX: không có cấu trúc nén zip của tệp DOCX.' }]);
  }

  const sizeCheck = await checkDocxUnpackedSize(bytes, limits.maxUnpackedBytes);
  if (!sizeCheck.ok) {
    return emptyExtraction([sizeCheck.flag]);
  }

  let document: DocxElement | undefined;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        externalFileAccess: false,
        // The model is all that is needed: an empty document skips the HTML conversion.
        transformDocument: (element: DocxElement) => {
          document = element;

          return { ...element, children: [] };
        },
      },
    );
  } catch (error) {
    return emptyExtraction([brokenFlag(error)]);
  }

  if (document === undefined) {
    return emptyExtraction([{ code: 'broken', message: 'Tệp DOCX không có phần nội dung chính.' }]);
  }

  const { lines, pageCount } = layOutDocxLines(document);
  const flags: ExtractionFlag[] = [];
  const keptLines = lines.filter((line) => line.page <= limits.maxPages);
  if (keptLines.length < lines.length) {
    flags.push({ code: 'truncated', message: `Chỉ đọc ${limits.maxPages} trang đầu trong ${pageCount} trang.` });
  }

  return finishExtraction(keptLines, pageCount, flags, limits);
}

function brokenFlag(error: unknown): ExtractionFlag {
  return {
    code: 'broken',
    message: 'Không đọc được tệp DOCX: tệp bị hỏng hoặc không đúng định dạng DOCX.',
    detail: errorDetail(error),
  };
}
