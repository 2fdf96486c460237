import type { TextLine } from '../../archive/text-extraction/extracted-text.js';
import { foldText } from '../../platform/text-fold.js';

import { isAddresseeLine, isSeparatorLine, isUpperCaseText, startsWithWords } from './line-kinds.js';
import { isStampLine } from './marks.js';
import { parseNumberLine } from './number-notation.js';

// Two lines of a wrapped subject are at most this many font sizes apart.
const MAX_SUBJECT_LINE_GAP_IN_FONT_SIZES = 2.6;

// Lines of one block are centred on one axis or start at one x, within this many points.
const ALIGNMENT_TOLERANCE = 20;

// A subject runs over a few lines; more would be the body.
const MAX_SUBJECT_LINES = 4;

// A line of plain text longer than this under the title is a body paragraph, not a subject.
const MAX_UNALIGNED_SUBJECT_LENGTH = 200;

/** Checks whether the line opens the subject of a công văn: "V/v …" or "Về việc …". */
export function isSubjectOpening(text: string): boolean {
  return /^(?:v\s*\/\s*v\b|ve viec\b)/u.test(foldText(text));
}

/**
 * Reads the "V/v …" subject of a công văn under the number in the top-left block, joining the
 * lines it wraps over. It stops at "Kính gửi", at a rule, and in a PDF at a line that is not
 * aligned with the "V/v" line or has another font size.
 */
export function readLetterSubject(headerLeft: readonly TextLine[]): string | null {
  const numberIndex = headerLeft.findIndex((line) => parseNumberLine(line.text) !== null);
  const openingIndex = headerLeft.findIndex((line, index) => index > numberIndex && isSubjectOpening(line.text));
  const opening = headerLeft[openingIndex];
  if (opening === undefined) {
    return null;
  }

  const parts = [opening.text];
  let previous = opening;
  for (const line of headerLeft.slice(openingIndex + 1, openingIndex + MAX_SUBJECT_LINES)) {
    if (!continuesSubject(opening, previous, line)) {
      break;
    }
    parts.push(line.text);
    previous = line;
  }

  return joinSubject(parts);
}

/**
 * Reads the subject printed under the title of a typed document: the centred line after the
 * title, and the lines after it that are centred too or belong to its paragraph. It stops at a
 * rule or where capitals change to normal case or back.
 */
export function readTitledSubject(lines: readonly TextLine[], titleIndex: number, restOfTitleLine: string | null): string | null {
  const title = lines[titleIndex];
  const parts = restOfTitleLine === null ? [] : [restOfTitleLine];
  // Plain text has no alignment at all; there the line under the title is taken as it is.
  const alignmentKnown = lines.some((line) => line.centred);
  let previous: TextLine | null = null;

  for (const line of lines.slice(titleIndex + 1, titleIndex + 1 + MAX_SUBJECT_LINES)) {
    if (title === undefined || line.page !== title.page || endsSubject(line.text)) {
      break;
    }

    const opensSubject = alignmentKnown ? line.centred : line.text.length <= MAX_UNALIGNED_SUBJECT_LENGTH && !/:\s*$/u.test(line.text);
    const continues = previous === null ? opensSubject : line.paragraph === previous.paragraph || (line.centred && previous.centred);
    // A decision names its issuing authority in capitals under the subject.
    const changesCase = previous !== null && isUpperCaseText(line.text) !== isUpperCaseText(previous.text);
    if (!continues || changesCase) {
      break;
    }

    parts.push(line.text);
    previous = line;
  }

  return joinSubject(parts);
}

function continuesSubject(opening: TextLine, previous: TextLine, line: TextLine): boolean {
  if (endsSubject(line.text) || isSubjectOpening(line.text)) {
    return false;
  }
  if (opening.box === null || previous.box === null || line.box === null) {
    return true;
  }

  const sameSize = Math.abs(opening.box.fontSize - line.box.fontSize) < 0.5;
  const gap = line.box.y - previous.box.y;
  const openingCentre = opening.box.x + opening.box.width / 2;
  const lineCentre = line.box.x + line.box.width / 2;
  const aligned = Math.abs(openingCentre - lineCentre) <= ALIGNMENT_TOLERANCE || Math.abs(opening.box.x - line.box.x) <= ALIGNMENT_TOLERANCE;

  return sameSize && aligned && gap > 0 && gap <= MAX_SUBJECT_LINE_GAP_IN_FONT_SIZES * line.box.fontSize;
}

function endsSubject(text: string): boolean {
  return (
    isSeparatorLine(text) ||
    isAddresseeLine(text) ||
    isStampLine(text) ||
    startsWithWords(text, 'căn cứ') ||
    startsWithWords(text, 'thực hiện')
  );
}

function joinSubject(parts: readonly string[]): string | null {
  const joined = parts.join(' ').replace(/\s+/gu, ' ').trim();

  return joined === '' ? null : joined;
}
