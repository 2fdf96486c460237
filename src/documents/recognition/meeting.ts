import type { TextLine } from '../../archive/text-extraction/extracted-text.js';
import { foldCharacters } from '../../platform/text-fold.js';

import { isValidDate, toIsoDate, type CalendarDate } from './date-line.js';
import type { Meeting } from './document-metadata.js';

export type MeetingReading = {
  meeting: Meeting;
  /** Whether the time came from a "Thời gian:" line rather than from a sentence. */
  labelled: boolean;
};

// "13 giờ 30", "14h00", "8h30'", "08 giờ" and "13:30", where "giờ" is folded to "gio".
const TIME = /(?:^|[^\p{L}\d])(\d{1,2})\s*(?:gio|h(?![a-z])|g(?![a-z])|:)\s*(\d{2})?(?:\s*phut|')?(?:\s*,?\s*(?:buoi\s*)?(sang|trua|chieu|toi))?/u;

const WRITTEN_DATE = /(?:^|[^\p{L}])ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})(?:\s*nam\s*(\d{4}))?/u;
const NUMERIC_DATE = /(?:^|[^\d])(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?/u;

const BULLET = /^\s*(?:[-+•*]|\d+[.)]|[a-zđ][.)])\s*/u;

// Labels "Thời gian:" and "Thời gian đề xuất:" of the time, "Địa điểm:" and "Tại:" of the place,
// matched on folded characters.
const TIME_LABEL = /^thoi gian(?:\s+[^:]{0,30})?\s*:\s*/u;
const PLACE_LABEL = /^(?:dia diem(?:\s+[^:]{0,20})?|tai)\s*:\s*/u;

/**
 * Reads the meeting of a giấy mời or giấy triệu tập from the body: the "Thời gian:" line (time
 * and date) and the "Địa điểm:" line, or a sentence with a time, a date and "tại …". A date
 * without a year takes the year of the document, or the next year when that puts it more than
 * half a year before the document.
 */
export function readMeeting(body: readonly TextLine[], issuedOn: CalendarDate | null): MeetingReading | null {
  const paragraphs = joinParagraphs(body);

  const labelledTime = paragraphs.map((text) => labelValue(text, TIME_LABEL)).find((value) => value !== null);
  const labelledStart = labelledTime === undefined ? null : readStart(labelledTime, issuedOn);
  const sentence = labelledStart === null ? paragraphs.find((text) => readStart(text, issuedOn) !== null) : undefined;
  const start = labelledStart ?? (sentence === undefined ? null : readStart(sentence, issuedOn));
  if (start === null) {
    return null;
  }

  const labelledPlace = paragraphs.map((text) => labelValue(text, PLACE_LABEL)).find((value) => value !== null);
  const location = labelledPlace ?? readInlinePlace(labelledTime ?? sentence ?? '');

  return { meeting: { start, location: location === null ? null : cleanPlace(location) }, labelled: labelledStart !== null };
}

function joinParagraphs(lines: readonly TextLine[]): string[] {
  const paragraphs: string[] = [];
  let previous: TextLine | null = null;

  for (const line of lines) {
    if (previous !== null && previous.paragraph === line.paragraph && paragraphs.length > 0) {
      paragraphs[paragraphs.length - 1] += ` ${line.text}`;
    } else {
      paragraphs.push(line.text);
    }
    previous = line;
  }

  return paragraphs;
}

/** Returns the text after the label when the paragraph starts with it. */
function labelValue(text: string, label: RegExp): string | null {
  const original = text.normalize('NFC').replace(BULLET, '');
  const match = label.exec(foldCharacters(original));

  return match === null ? null : original.slice(match[0].length);
}

function readStart(text: string, issuedOn: CalendarDate | null): string | null {
  const folded = foldCharacters(text.normalize('NFC'));
  const time = TIME.exec(folded);
  const date = WRITTEN_DATE.exec(folded) ?? NUMERIC_DATE.exec(folded.slice(time === null ? 0 : time.index + time[0].length));
  if (time === null || date === null) {
    return null;
  }

  let hour = Number(time[1]);
  const minute = Number(time[2] ?? '0');
  if ((time[3] === 'chieu' || time[3] === 'toi') && hour < 12) {
    hour += 12;
  }

  const calendarDate = completeYear(Number(date[1]), Number(date[2]), date[3], issuedOn);
  if (hour > 23 || minute > 59 || calendarDate === null || !isValidDate(calendarDate)) {
    return null;
  }

  return `${toIsoDate(calendarDate)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+07:00`;
}

function completeYear(day: number, month: number, printedYear: string | undefined, issuedOn: CalendarDate | null): CalendarDate | null {
  if (printedYear !== undefined) {
    return { year: Number(printedYear), month, day };
  }
  if (issuedOn === null) {
    return null;
  }

  const year = month < issuedOn.month - 6 ? issuedOn.year + 1 : issuedOn.year;

  return { year, month, day };
}

function readInlinePlace(text: string): string | null {
  const original = text.normalize('NFC');
  const match = /(?:^|[^\p{L}])tai\s+(?!lieu)/u.exec(foldCharacters(original));
  if (match === null) {
    return null;
  }

  const place = original.slice(match.index + match[0].length).split(/[;]|\.\s|\.$/u)[0] ?? '';

  return place.trim() === '' ? null : place;
}

function cleanPlace(text: string): string | null {
  const cleaned = text
    .replace(/\s+/gu, ' ')
    .replace(/[\s.;,/]+$/u, '')
    .trim();

  return cleaned === '' ? null : cleaned;
}
