import { findDocumentTypeByCode } from '../document-types.js';

import { defaulted, recognized, type RecognitionFlag, type RecognizedField } from './document-metadata.js';
import { notationPrefix } from './number-notation.js';
import type { TitleLine } from './title-line.js';

export type TypeEvidence = {
  title: TitleLine | null;
  /** The "V/v …" subject of the top-left block. */
  letterSubject: string | null;
  notation: string | null;
};

export const UNKNOWN_TYPE = 'unknown';

/**
 * Decides the document type. The title line names it. Without a title, a "V/v" subject under
 * the number makes a công văn (CV). Next comes the type code in the notation ("GM" in
 * "88/GM-UBND"), and the type is "unknown" when none of these is found.
 */
export function decideDocumentType(evidence: TypeEvidence): { type: RecognizedField<string>; flags: RecognitionFlag[] } {
  const flags: RecognitionFlag[] = [];
  const notationType = evidence.notation === null ? undefined : findDocumentTypeByCode(notationPrefix(evidence.notation) ?? '');

  if (evidence.title !== null) {
    const code = evidence.title.type.code;
    if (notationType !== undefined && notationType.code !== code) {
      flags.push({
        code: 'type-notation-mismatch',
        message: `Tên loại văn bản là ${evidence.title.type.nameVi} (${code}) nhưng ký hiệu ${evidence.notation} mang mã loại ${notationType.code}.`,
      });
    }

    return { type: recognized(code, evidence.title.rest === null ? 0.95 : 0.8, 'title-line'), flags };
  }

  if (evidence.letterSubject !== null) {
    return { type: recognized('CV', 0.85, 'header-block'), flags };
  }

  if (notationType !== undefined) {
    return { type: recognized(notationType.code, 0.6, 'header-block'), flags };
  }

  flags.push({
    code: 'not-recognised',
    message: 'Không thấy tên loại văn bản hay trích yếu "V/v" dưới số, ký hiệu nên chưa xác định được loại văn bản.',
  });

  return { type: defaulted(UNKNOWN_TYPE), flags };
}
