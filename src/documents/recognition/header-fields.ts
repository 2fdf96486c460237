import type { TextLine } from '../../archive/text-extraction/extracted-text.js';

import { parseDateLine, type DateLine } from './date-line.js';
import { defaulted, recognized, type RecognitionFlag, type RecognizedField } from './document-metadata.js';
import type { DocumentLayout } from './document-layout.js';
import { findNumberOutsideDocument } from './fallback-sources.js';
import { isMottoLine, isNationalNameLine, isSeparatorLine } from './line-kinds.js';
import { parseNumberLine, type NumberNotation } from './number-notation.js';

/**
 * Reads the number and notation from the "Số:" line of the top-left block, or else from a "Số:"
 * line elsewhere on the first page, the mail subject or the file name, in that order.
 */
export function readNumberNotation(layout: DocumentLayout, mailSubject: string | null, fileSubject: string | null): RecognizedField<NumberNotation | null> {
  const inHeader = firstParsed(layout.headerLeft, parseNumberLine);
  if (inHeader !== null) {
    return recognized(inHeader, 0.95, 'header-block');
  }

  const firstPage = layout.lines.filter((line) => line.page === layout.lines[0]?.page);
  const elsewhere = firstParsed(firstPage, parseNumberLine);
  if (elsewhere !== null) {
    return recognized(elsewhere, 0.7, 'body');
  }

  const fromMail = findNumberOutsideDocument(mailSubject, 'mail-subject');
  if (fromMail !== null) {
    return recognized(fromMail, 0.5, 'mail-subject');
  }

  const fromFileName = findNumberOutsideDocument(fileSubject, 'file-name');
  if (fromFileName !== null) {
    return recognized(fromFileName, 0.4, 'file-name');
  }

  return defaulted(null);
}

/**
 * Reads the place and date line of the top-right block, or else a line with a place and a date
 * anywhere on the first page. A day that does not exist adds an `invalid-date` flag.
 */
export function readDate(layout: DocumentLayout, flags: RecognitionFlag[]): RecognizedField<DateLine | null> {
  const rightBlock = layout.headerRight.filter(
    (line) => !isNationalNameLine(line.text) && !isMottoLine(line.text) && !isSeparatorLine(line.text),
  );
  const firstPage = layout.lines.filter((line) => line.page === layout.lines[0]?.page);

  const field =
    withConfidence(findInWindows(rightBlock, (text) => parseDateLine(text)), 0.95) ??
    withConfidence(findInWindows(firstPage, (text) => parseDateLine(text, { requirePlace: true })), 0.7) ??
    defaulted(null);

  if (field.value !== null && !field.value.valid) {
    const { day, month, year } = field.value.date;
    flags.push({ code: 'invalid-date', message: `Ngày ban hành ${day}/${month}/${year} không có thật trên lịch.` });
  }

  return field;
}

/** Tries each line alone, then joined with the next one, for a date line broken over two lines. */
function findInWindows<T>(lines: readonly TextLine[], parse: (text: string) => T | null): T | null {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const next = lines[index + 1];
    const parsed = parse(line?.text ?? '') ?? (next === undefined ? null : parse(`${line?.text ?? ''} ${next.text}`));
    if (parsed !== null) {
      return parsed;
    }
  }

  return null;
}

function withConfidence(value: DateLine | null, confidence: number): RecognizedField<DateLine | null> | null {
  return value === null ? null : recognized(value, confidence, 'date-line');
}

function firstParsed<T>(lines: readonly TextLine[], parse: (text: string) => T | null): T | null {
  for (const line of lines) {
    const parsed = parse(line.text);
    if (parsed !== null) {
      return parsed;
    }
  }

  return null;
}
