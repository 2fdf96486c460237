import type { TextLine } from '../../archive/text-extraction/extracted-text.js';

import type { Confidentiality, Urgency } from './document-metadata.js';

/**
 * Stamps printed near the number (Decree 30, Appendix I): urgency, confidentiality and
 * circulation notes. A stamp is a line of its own, so the word "mật" inside a sentence is not one.
 */
export type DocumentMarks = {
  urgency: Urgency | null;
  confidentiality: Confidentiality | null;
  circulationNotes: string[];
};

// Lower-case NFC spellings. Tone marks are compared exactly, so "MẶT" (face) is not "MẬT".
const URGENCY_STAMPS = new Map<string, Urgency>([
  ['khẩn', 'urgent'],
  ['thượng khẩn', 'very-urgent'],
  ['hỏa tốc', 'flash'],
  ['hoả tốc', 'flash'],
  ['hỏa tốc hẹn giờ', 'flash'],
  ['hoả tốc hẹn giờ', 'flash'],
]);

const CONFIDENTIALITY_STAMPS = new Map<string, Confidentiality>([
  ['mật', 'confidential'],
  ['tối mật', 'secret'],
  ['tuyệt mật', 'top-secret'],
]);

const CIRCULATION_NOTES = new Set(['tài liệu thu hồi', 'xem xong trả lại', 'lưu hành nội bộ']);

const URGENCY_RANK: Urgency[] = ['normal', 'urgent', 'very-urgent', 'flash'];
const CONFIDENTIALITY_RANK: Confidentiality[] = ['none', 'confidential', 'secret', 'top-secret'];

/** Finds the stamps among the lines. Where several are printed, the highest level wins. */
export function findMarks(lines: readonly TextLine[]): DocumentMarks {
  const marks: DocumentMarks = { urgency: null, confidentiality: null, circulationNotes: [] };

  for (const line of lines) {
    for (const part of stampParts(line.text)) {
      const urgency = URGENCY_STAMPS.get(part);
      if (urgency !== undefined) {
        marks.urgency = higher(URGENCY_RANK, marks.urgency, urgency);
      }

      const confidentiality = CONFIDENTIALITY_STAMPS.get(part);
      if (confidentiality !== undefined) {
        marks.confidentiality = higher(CONFIDENTIALITY_RANK, marks.confidentiality, confidentiality);
      }

      if (CIRCULATION_NOTES.has(part)) {
        marks.circulationNotes.push(line.text);
      }
    }
  }

  return marks;
}

/** Checks whether the line is a stamp: urgency, confidentiality or a circulation note. */
export function isStampLine(text: string): boolean {
  return stampParts(text).some((part) => URGENCY_STAMPS.has(part) || CONFIDENTIALITY_STAMPS.has(part) || CIRCULATION_NOTES.has(part));
}

/**
 * Splits a line into the words a stamp could be: "HỎA TỐC", "MẬT - KHẨN", "[KHẨN]", and the
 * labelled form "Độ khẩn: Khẩn" of some templates.
 */
function stampParts(text: string): string[] {
  const lower = text.normalize('NFC').toLocaleLowerCase('vi').trim();
  const labelled = /^độ (?:khẩn|mật)\s*:\s*(.+)$/u.exec(lower);
  const content = labelled?.[1] ?? lower;
  const unframed = content.replace(/^[\s"'“”()[\]{}<>*]+|[\s"'“”()[\]{}<>*.:]+$/gu, '');

  // Separators need spaces around them, so that "UBND-KHẨN" in a notation is no stamp.
  return unframed.split(/\s+[-–—/|]\s+|\s*,\s*|\s{2,}/u).map((part) => part.replace(/\s+/gu, ' '));
}

function higher<T>(rank: readonly T[], current: T | null, candidate: T): T {
  if (current === null) {
    return candidate;
  }

  return rank.indexOf(candidate) > rank.indexOf(current) ? candidate : current;
}
