import { describe, expect, it } from 'vitest';
import { addDays } from './calendar-date.js';
import { lunarToSolar, solarToLunar } from './lunar-calendar.js';

// Every expected date below agrees with Hồ Ngọc Đức's own program (npm amlich 0.0.2). All but
// Hùng Kings' Day 2027 also agree with a published source. Those are the Government's holiday
// announcements, news on Tết 2027 and on the leap month of 2023, timeanddate.com's table of
// Hùng Kings' days (2016 to 2026), and reports of the years when Vietnam's Tết differed from
// China's (1985, 2007).
const TET = [
  { year: 2025, date: '2025-01-29' },
  { year: 2026, date: '2026-02-17' },
  { year: 2027, date: '2027-02-06' },
  { year: 2024, date: '2024-02-10' },
];

const HUNG_KINGS_DAY = [
  { year: 2016, date: '2016-04-16' },
  { year: 2017, date: '2017-04-06' },
  { year: 2018, date: '2018-04-25' },
  { year: 2019, date: '2019-04-14' },
  { year: 2020, date: '2020-04-02' },
  { year: 2021, date: '2021-04-21' },
  { year: 2022, date: '2022-04-10' },
  { year: 2023, date: '2023-04-29' },
  { year: 2024, date: '2024-04-18' },
  { year: 2025, date: '2025-04-07' },
  { year: 2026, date: '2026-04-26' },
  { year: 2027, date: '2027-04-16' },
];

describe('lunarToSolar', () => {
  it.each(TET)('puts Tết $year on $date', ({ year, date }) => {
    expect(lunarToSolar(1, 1, year)).toBe(date);
  });

  it.each(HUNG_KINGS_DAY)('puts 10/3 of $year on $date', ({ year, date }) => {
    expect(lunarToSolar(10, 3, year)).toBe(date);
  });

  it('computes for UTC+7, where Tết 1985 came a month before China’s', () => {
    expect(lunarToSolar(1, 1, 1985)).toBe('1985-01-21');
    expect(lunarToSolar(1, 1, 1985, false, { utcOffsetHours: 8 })).toBe('1985-02-20');
  });

  it('computes for UTC+7, where Tết 2007 came a day before China’s', () => {
    expect(lunarToSolar(1, 1, 2007)).toBe('2007-02-17');
    expect(lunarToSolar(1, 1, 2007, false, { utcOffsetHours: 8 })).toBe('2007-02-18');
  });

  it('places the leap month 2 of 2023 before month 3', () => {
    expect(lunarToSolar(1, 3, 2023)).toBe('2023-04-20');
    expect(solarToLunar('2023-04-19')).toMatchObject({ month: 2, year: 2023, leap: true });
    expect(solarToLunar('2023-02-20')).toMatchObject({ day: 1, month: 2, year: 2023, leap: false });
  });

  it('rejects a leap month the year lacks', () => {
    expect(() => lunarToSolar(1, 5, 2023, true)).toThrow('Lunar year 2023 has no leap month 5.');
    expect(() => lunarToSolar(1, 2, 2025, true)).toThrow(RangeError);
  });

  it('rejects day 30 of a 29-day month', () => {
    expect(lunarToSolar(29, 12, 2025)).toBe('2026-02-16');
    expect(() => lunarToSolar(30, 12, 2025)).toThrow('month 12 of 2025 has 29 days');
  });

  it('rejects years outside 1900 to 2100', () => {
    expect(() => lunarToSolar(1, 1, 2101)).toThrow(RangeError);
    expect(() => solarToLunar('1899-12-31')).toThrow(RangeError);
  });
});

describe('solarToLunar', () => {
  it('names the days before Tết in the old year', () => {
    expect(solarToLunar('2025-01-27')).toEqual({ day: 28, month: 12, year: 2024, leap: false });
    expect(solarToLunar('2025-01-28')).toEqual({ day: 29, month: 12, year: 2024, leap: false });
    expect(solarToLunar('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(solarToLunar('2027-02-05')).toEqual({ day: 29, month: 12, year: 2026, leap: false });
  });

  it('names Tết and the days after it in the new year', () => {
    expect(solarToLunar('2026-02-17')).toEqual({ day: 1, month: 1, year: 2026, leap: false });
    expect(solarToLunar('2026-02-22')).toEqual({ day: 6, month: 1, year: 2026, leap: false });
  });

  it('round-trips every day of 2023 to 2027', () => {
    for (let date = '2023-01-01'; date <= '2027-12-31'; date = addDays(date, 1)) {
      const lunar = solarToLunar(date);
      expect(lunarToSolar(lunar.day, lunar.month, lunar.year, lunar.leap), date).toBe(date);
    }
  });
});
