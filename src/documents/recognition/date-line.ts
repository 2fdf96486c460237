import { foldCharacters } from '../../platform/text-fold.js';

export type CalendarDate = { year: number; month: number; day: number };

export type DateLine = {
  place: string | null;
  date: CalendarDate;
  /** Whether the day exists in the calendar ("ngày 31 tháng 2" does not). */
  valid: boolean;
};

// "ngày 16 tháng 6 năm 2011" and "ngày 05/12/2026", on folded characters.
const WRITTEN_DATE = /(?:^|[^\p{L}])ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})/u;
const NUMERIC_DATE = /(?:^|[^\p{L}])ngay\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/u;

// A place name has a few words ("Lâm Đồng", "TP. Hồ Chí Minh", "Xuân Hương - Đà Lạt").
const MAX_PLACE_WORDS = 7;

/**
 * Reads the place and date line at the top right: "Lâm Đồng, ngày 16 tháng 6 năm 2011". With
 * `requirePlace` only a line that starts with a place and a comma counts, so that "trước ngày
 * 05/12/2026" in the body is not taken for the date of the document.
 */
export function parseDateLine(text: string, options: { requirePlace?: boolean } = {}): DateLine | null {
  const original = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  const folded = foldCharacters(original);
  const match = WRITTEN_DATE.exec(folded) ?? NUMERIC_DATE.exec(folded);
  if (match === null) {
    return null;
  }

  const dayStart = match.index + match[0].search(/ngay/u);
  const place = readPlace(original.slice(0, dayStart));
  if (options.requirePlace && (place === null || !/,\s*$/u.test(original.slice(0, dayStart)))) {
    return null;
  }

  const date = { day: Number(match[1]), month: Number(match[2]), year: Number(match[3]) };

  return { place, date, valid: isValidDate(date) };
}

/** Checks whether the line is, or starts, a place and date line. */
export function looksLikeDateLine(text: string): boolean {
  return parseDateLine(text, { requirePlace: true }) !== null || /^\s*[^,]{2,40},\s*ngay\b/u.test(foldCharacters(text));
}

export function toIsoDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

export function isValidDate(date: CalendarDate): boolean {
  const utc = new Date(Date.UTC(date.year, date.month - 1, date.day));

  return (
    date.year >= 1945 &&
    date.year <= 2100 &&
    utc.getUTCFullYear() === date.year &&
    utc.getUTCMonth() === date.month - 1 &&
    utc.getUTCDate() === date.day
  );
}

function readPlace(prefix: string): string | null {
  const place = prefix.replace(/[\s,]+$/u, '').replace(/^[\s\-–—_.]+/u, '').trim();
  const wordCount = place.split(/\s+/u).length;

  if (place === '' || wordCount > MAX_PLACE_WORDS || /\d{3,}/u.test(place)) {
    return null;
  }

  return place;
}
