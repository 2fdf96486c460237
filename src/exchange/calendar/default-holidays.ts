import { addDays, formatCalendarDate, isWeekend, type CalendarDate } from './calendar-date.js';
import type { CalendarDay } from './calendar-day.js';
import { lunarToSolar } from './lunar-calendar.js';

export interface Occasion {
  vi: string;
  en: string;
}

export const NEW_YEAR: Occasion = { vi: 'Tết Dương lịch', en: "New Year's Day" };
export const LUNAR_NEW_YEAR: Occasion = { vi: 'Tết Nguyên đán', en: 'Lunar New Year (Tết)' };
export const HUNG_KINGS_DAY: Occasion = { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration Day" };
export const VICTORY_DAY: Occasion = { vi: 'Ngày Chiến thắng', en: 'Reunification Day' };
export const LABOUR_DAY: Occasion = { vi: 'Ngày Quốc tế lao động', en: 'International Labour Day' };
export const NATIONAL_DAY: Occasion = { vi: 'Quốc khánh', en: 'National Day' };

/** A weekday given off in exchange for a Saturday or Sunday worked, as the Government announces them. */
export interface WorkdaySwap {
  dayOff: CalendarDate;
  workingDay: CalendarDate;
  occasion: Occasion;
}

/** Changes to the rules below that the yearly announcement for state bodies makes. */
export interface HolidayAnnouncement {
  /** The five Tết days, where they are not the last day of the old lunar year and days 1 to 4 of the new one. */
  tetDays?: CalendarDate[];
  /** The day beside 2 September; 1 September unless announced otherwise. */
  nationalDayAdjacentDay?: CalendarDate;
  swaps?: WorkdaySwap[];
}

interface Holiday {
  date: CalendarDate;
  occasion: Occasion;
}

/**
 * Lists the public holidays of a year, the days off in lieu of those that fall on a weekend and
 * the announced swaps, sorted by date. Without an announcement these are the Labour Code 2019
 * rules: Article 112 lists the holidays and Article 111(3) moves a holiday that falls on a weekly
 * day off to the next working day.
 */
export function holidaysOfYear(year: number, announcement: HolidayAnnouncement = {}): CalendarDay[] {
  const holidays = statutoryHolidays(year, announcement);
  const days = new Map<CalendarDate, CalendarDay>();

  for (const holiday of holidays) {
    days.set(holiday.date, { date: holiday.date, kind: 'holiday', nameVi: holiday.occasion.vi, nameEn: holiday.occasion.en });
  }

  for (const day of daysOffInLieu(holidays)) days.set(day.date, day);

  for (const swap of announcement.swaps ?? []) {
    days.set(swap.dayOff, swappedDayOff(swap));
    days.set(swap.workingDay, swappedWorkingDay(swap));
  }

  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export function defaultHolidays(year: number): CalendarDay[] {
  return holidaysOfYear(year);
}

function statutoryHolidays(year: number, announcement: HolidayAnnouncement): Holiday[] {
  const on = (month: number, day: number) => formatCalendarDate(year, month, day);
  const tetDays = announcement.tetDays ?? defaultTetDays(year);

  return [
    { date: on(1, 1), occasion: NEW_YEAR },
    ...tetDays.map((date) => ({ date, occasion: LUNAR_NEW_YEAR })),
    { date: lunarToSolar(10, 3, year), occasion: HUNG_KINGS_DAY },
    { date: on(4, 30), occasion: VICTORY_DAY },
    { date: on(5, 1), occasion: LABOUR_DAY },
    { date: announcement.nationalDayAdjacentDay ?? on(9, 1), occasion: NATIONAL_DAY },
    { date: on(9, 2), occasion: NATIONAL_DAY },
  ].sort((a, b) => a.date.localeCompare(b.date));
}

/** Returns the last day of the old lunar year and the first four days of the new one. */
function defaultTetDays(year: number): CalendarDate[] {
  const firstDay = lunarToSolar(1, 1, year);

  return [-1, 0, 1, 2, 3].map((offset) => addDays(firstDay, offset));
}

function daysOffInLieu(holidays: Holiday[]): CalendarDay[] {
  const daysOff = new Set(holidays.map((holiday) => holiday.date));
  const days: CalendarDay[] = [];

  for (const holiday of holidays) {
    if (!isWeekend(holiday.date)) continue;

    let date = addDays(holiday.date, 1);
    while (isWeekend(date) || daysOff.has(date)) date = addDays(date, 1);

    daysOff.add(date);
    days.push({ date, kind: 'makeup-day-off', nameVi: `Nghỉ bù ${holiday.occasion.vi}`, nameEn: `Day off in lieu of ${holiday.occasion.en}` });
  }

  return days;
}

function swappedDayOff(swap: WorkdaySwap): CalendarDay {
  return {
    date: swap.dayOff,
    kind: 'makeup-day-off',
    nameVi: `Nghỉ hoán đổi dịp ${swap.occasion.vi}, làm bù ngày ${vietnameseDate(swap.workingDay)}`,
    nameEn: `Swapped day off for ${swap.occasion.en}, worked on ${swap.workingDay}`,
  };
}

function swappedWorkingDay(swap: WorkdaySwap): CalendarDay {
  return {
    date: swap.workingDay,
    kind: 'makeup-working-day',
    nameVi: `Làm bù cho ngày nghỉ ${vietnameseDate(swap.dayOff)} dịp ${swap.occasion.vi}`,
    nameEn: `Make-up working day for ${swap.dayOff} (${swap.occasion.en})`,
  };
}

/** Formats 2026-01-02 as 2/1/2026, the way Vietnamese announcements write dates. */
function vietnameseDate(date: CalendarDate): string {
  const [year, month, day] = date.split('-').map(Number);

  return `${day}/${month}/${year}`;
}
