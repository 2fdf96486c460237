import { apparentSolarLongitude, lunationNear, newMoonJulianDate } from './astronomy.js';
import { dateOfJulianDay, julianDayNumber, yearOf, type CalendarDate } from './calendar-date.js';

/**
 * Conversion between Gregorian dates and the Vietnamese lunisolar calendar (âm lịch), following
 * the rules Hồ Ngọc Đức describes in "Thuật toán tính âm lịch":
 *
 * 1. A lunar month begins on the day that contains the new moon (điểm Sóc).
 * 2. The winter solstice always falls in month 11.
 * 3. A year from one month 11 to the next with 13 months has a leap month: the first month
 *    after the solstice that contains no principal solar term (trung khí, the Sun crossing a
 *    multiple of 30° of longitude).
 * 4. Days run from midnight to midnight at UTC+7 (meridian 105° east). The Chinese calendar
 *    uses UTC+8, which is why Tết fell on different days in 1985 and 2007.
 *
 * The new moons and solar longitudes come from ./astronomy.ts (Meeus), not from the simplified
 * formulas of Hồ Ngọc Đức's article.
 * NOTE: compared day by day over 1900-2100 with his simplified program (npm amlich 0.0.2), the
 * two differ on 122 days, in months of 1944, 1967, 2054, 2062, 2072 and 2077. Their new moons
 * fall within minutes of midnight, so neither method is precise enough to settle the day.
 */

/** Vietnam's standard time since 1967 in the north and 1975 in the south. */
const VIETNAM_UTC_OFFSET_HOURS = 7;
/** The years the ΔT polynomials in ./astronomy.ts cover with margin. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;

export interface LunarDate {
  day: number;
  month: number;
  /** The Gregorian year in which the lunar year begins (its Tết). */
  year: number;
  /** True for the repeated month (tháng nhuận) of a 13-month year. */
  leap: boolean;
}

export interface LunarCalendarOptions {
  /** The time zone whose midnight starts a lunar day; 8 gives the Chinese calendar, for comparison. */
  utcOffsetHours?: number;
}

/** Converts a Gregorian date to the Vietnamese lunar date. */
export function solarToLunar(date: CalendarDate, options: LunarCalendarOptions = {}): LunarDate {
  const zone = options.utcOffsetHours ?? VIETNAM_UTC_OFFSET_HOURS;
  const year = yearOf(date);
  assertSupportedYear(year, 'date', date);

  const julianDay = julianDayNumber(date);
  const lunation = lunationStartingOnOrBefore(julianDay, zone);
  const spanYear = lunation >= eleventhMonthLunation(year, zone) ? year : year - 1;
  const span = lunarYearSpan(spanYear, zone);

  const index = lunation - span.eleventhMonth;
  const leapIndex = span.leapIndex;
  const regularIndex = leapIndex !== null && index >= leapIndex ? index - 1 : index;
  const month = ((regularIndex + 10) % 12) + 1;

  return {
    day: julianDay - newMoonDay(lunation, zone) + 1,
    month,
    year: month >= 11 ? spanYear : spanYear + 1,
    leap: index === leapIndex,
  };
}

/**
 * Converts a Vietnamese lunar date to the Gregorian date. Raises a RangeError for a date that
 * does not exist: day 30 of a 29-day month, or a leap month the year does not have.
 */
export function lunarToSolar(day: number, month: number, year: number, leap = false, options: LunarCalendarOptions = {}): CalendarDate {
  const zone = options.utcOffsetHours ?? VIETNAM_UTC_OFFSET_HOURS;
  assertSupportedYear(year, 'lunar year', String(year));
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Invalid lunar month ${month}: expected 1 to 12.`);
  }

  const span = lunarYearSpan(month >= 11 ? year : year - 1, zone);
  const index = monthIndex(month, leap, span.leapIndex, year);

  const start = newMoonDay(span.eleventhMonth + index, zone);
  const length = newMoonDay(span.eleventhMonth + index + 1, zone) - start;
  if (!Number.isInteger(day) || day < 1 || day > length) {
    throw new RangeError(`Invalid lunar day ${day}: month ${month}${leap ? ' (leap)' : ''} of ${year} has ${length} days.`);
  }

  return dateOfJulianDay(start + day - 1);
}

/** Months from one month 11 to the next: where they start and which one, if any, is the leap month. */
interface LunarYearSpan {
  eleventhMonth: number;
  /** Position of the leap month counted from month 11 (which is 0), or null in a 12-month span. */
  leapIndex: number | null;
}

function lunarYearSpan(gregorianYear: number, zone: number): LunarYearSpan {
  const eleventhMonth = eleventhMonthLunation(gregorianYear, zone);
  const nextEleventhMonth = eleventhMonthLunation(gregorianYear + 1, zone);

  if (nextEleventhMonth - eleventhMonth === 12) return { eleventhMonth, leapIndex: null };

  return { eleventhMonth, leapIndex: firstMonthWithoutPrincipalTerm(eleventhMonth, zone) };
}

function monthIndex(month: number, leap: boolean, leapIndex: number | null, year: number): number {
  // Month 11 is position 0, month 12 position 1, month 1 position 2 … month 10 position 11.
  const regularIndex = (month + 1) % 12;

  if (leap) {
    if (leapIndex === null || leapIndex - 1 !== regularIndex) {
      throw new RangeError(`Lunar year ${year} has no leap month ${month}.`);
    }
    return leapIndex;
  }

  return leapIndex !== null && regularIndex >= leapIndex ? regularIndex + 1 : regularIndex;
}

/** Returns the lunation whose month contains the winter solstice of a Gregorian year. */
function eleventhMonthLunation(gregorianYear: number, zone: number): number {
  const lunation = lunationStartingOnOrBefore(julianDayNumber(`${gregorianYear}-12-31`), zone);

  // Sector 9 begins at 270°, the winter solstice. If the Sun is already past it when this
  // month begins, the solstice fell in the month before.
  return solarSectorAtDayStart(newMoonDay(lunation, zone), zone) >= 9 ? lunation - 1 : lunation;
}

function firstMonthWithoutPrincipalTerm(eleventhMonth: number, zone: number): number {
  // A month is shorter than a 30° sector of the Sun's path, so it contains a principal term
  // exactly when the Sun's sector differs between its first day and the next month's first day.
  for (let index = 1; index <= 12; index++) {
    const sectorAtStart = solarSectorAtDayStart(newMoonDay(eleventhMonth + index, zone), zone);
    const sectorAtNextStart = solarSectorAtDayStart(newMoonDay(eleventhMonth + index + 1, zone), zone);

    if (sectorAtStart === sectorAtNextStart) return index;
  }

  throw new Error(`No month without a principal term after lunation ${eleventhMonth}; a 13-month year must have one.`);
}

/** Returns the Julian Day Number of the local day that contains the lunation's new moon. */
function newMoonDay(lunation: number, zone: number): number {
  return Math.floor(newMoonJulianDate(lunation) + 0.5 + zone / 24);
}

function lunationStartingOnOrBefore(julianDay: number, zone: number): number {
  let lunation = lunationNear(julianDay);

  while (newMoonDay(lunation + 1, zone) <= julianDay) lunation++;
  while (newMoonDay(lunation, zone) > julianDay) lunation--;

  return lunation;
}

/** Returns which 30° sector (0 to 11) of longitude the Sun is in at the local midnight that starts a day. */
function solarSectorAtDayStart(julianDay: number, zone: number): number {
  return Math.floor(apparentSolarLongitude(julianDay - 0.5 - zone / 24) / 30);
}

function assertSupportedYear(year: number, valueName: string, value: string): void {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new RangeError(`Unsupported ${valueName} ${value}: the lunar calendar is computed for ${FIRST_YEAR} to ${LAST_YEAR}.`);
  }
}
