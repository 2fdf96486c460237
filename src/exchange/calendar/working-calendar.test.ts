import { describe, expect, it } from 'vitest';
import { workingCalendarOf } from './working-calendar.js';
import { WORKING_HOURS_PER_DAY } from './working-hours.js';

const calendar = workingCalendarOf([2025, 2026, 2027]);

/** An instant written in Vietnamese local time, such as '2026-03-13T16:00'. */
const local = (dateTime: string) => new Date(`${dateTime}:00+07:00`);

/** Formats an instant as Vietnamese local time, such as '2026-03-16T08:30'. */
const localText = (instant: Date) => new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);

describe('WorkingCalendar.isWorkingDay', () => {
  it('treats Tết 2026 as days off', () => {
    for (const date of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22']) {
      expect(calendar.isWorkingDay(date), date).toBe(false);
    }
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-23')).toBe(true);
  });

  it('treats Tết 2027 and its days in lieu as days off', () => {
    for (const date of ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11']) {
      expect(calendar.isWorkingDay(date), date).toBe(false);
    }
    expect(calendar.isWorkingDay('2027-02-04')).toBe(true);
    expect(calendar.isWorkingDay('2027-02-12')).toBe(true);
  });

  it('counts a make-up Saturday as working', () => {
    expect(calendar.isWorkingDay('2026-01-10')).toBe(true);
    expect(calendar.isWorkingDay('2025-04-26')).toBe(true);
    expect(calendar.isWorkingDay('2026-01-17')).toBe(false);
  });

  it('counts the swapped weekday as off', () => {
    expect(calendar.isWorkingDay('2026-01-02')).toBe(false);
    expect(calendar.isWorkingDay('2025-05-02')).toBe(false);
  });

  it('names the missing year when asked outside the loaded years', () => {
    expect(() => workingCalendarOf([2026]).isWorkingDay('2027-01-04')).toThrow('The working calendar has no year 2027 (date 2027-01-04); loaded years: 2026.');
  });
});

describe('WorkingCalendar.addWorkingHours', () => {
  it('carries Friday 16:00 plus 2 hours to Monday 08:30', () => {
    const due = calendar.addWorkingHours(local('2026-03-13T16:00'), 2);

    expect(localText(due)).toBe('2026-03-16T08:30');
    expect(due.toISOString()).toBe('2026-03-16T01:30:00.000Z');
  });

  it('carries Friday 16:30 plus 2 hours to Monday 09:00', () => {
    expect(localText(calendar.addWorkingHours(local('2026-03-13T16:30'), 2))).toBe('2026-03-16T09:00');
  });

  it('skips the lunch break', () => {
    expect(localText(calendar.addWorkingHours(local('2026-03-11T11:00'), 1))).toBe('2026-03-11T14:00');
    expect(localText(calendar.addWorkingHours(local('2026-03-11T12:15'), 1))).toBe('2026-03-11T14:30');
  });

  it('stops at the end of a period when the hours run out there', () => {
    expect(localText(calendar.addWorkingHours(local('2026-03-11T10:30'), 1))).toBe('2026-03-11T11:30');
    expect(localText(calendar.addWorkingHours(local('2026-03-11T13:30'), 3.5))).toBe('2026-03-11T17:00');
  });

  it('starts counting at the next period from outside working hours', () => {
    expect(localText(calendar.addWorkingHours(local('2026-03-11T06:00'), 0.5))).toBe('2026-03-11T08:00');
    expect(localText(calendar.addWorkingHours(local('2026-03-11T19:00'), 1))).toBe('2026-03-12T08:30');
    expect(localText(calendar.addWorkingHours(local('2026-03-14T10:00'), 1))).toBe('2026-03-16T08:30');
  });

  it('spans a weekend with a 16-hour reminder', () => {
    expect(localText(calendar.addWorkingHours(local('2026-03-12T10:00'), 16))).toBe('2026-03-16T11:00');
  });

  it('spans Tết 2026 with an 8-hour reminder', () => {
    expect(localText(calendar.addWorkingHours(local('2026-02-13T14:00'), 8))).toBe('2026-02-23T14:30');
  });

  it('works through a make-up Saturday', () => {
    expect(localText(calendar.addWorkingHours(local('2026-01-09T16:00'), 2))).toBe('2026-01-10T08:30');
  });

  it('crosses into the next loaded year', () => {
    expect(localText(calendar.addWorkingHours(local('2026-12-31T16:00'), 2))).toBe('2027-01-04T08:30');
    expect(() => workingCalendarOf([2026]).addWorkingHours(local('2026-12-31T16:00'), 2)).toThrow('no year 2027');
  });

  it('rejects negative hours', () => {
    expect(() => calendar.addWorkingHours(local('2026-03-11T10:00'), -1)).toThrow(RangeError);
  });
});

describe('WorkingCalendar.workingHoursBetween', () => {
  it('measures Friday 16:00 to Monday 08:30 as 2 hours', () => {
    expect(calendar.workingHoursBetween(local('2026-03-13T16:00'), local('2026-03-16T08:30'))).toBe(2);
  });

  it('undoes addWorkingHours across a weekend', () => {
    const start = local('2026-03-12T10:00');

    expect(calendar.workingHoursBetween(start, calendar.addWorkingHours(start, 16))).toBe(16);
  });

  it('counts a plain week and the Tết week', () => {
    expect(calendar.workingHoursBetween(local('2026-03-09T00:00'), local('2026-03-14T00:00'))).toBe(5 * WORKING_HOURS_PER_DAY);
    expect(calendar.workingHoursBetween(local('2026-02-14T00:00'), local('2026-02-23T00:00'))).toBe(0);
  });

  it('turns negative when the end is before the start', () => {
    expect(calendar.workingHoursBetween(local('2026-03-16T08:30'), local('2026-03-13T16:00'))).toBe(-2);
  });
});

describe('WorkingCalendar.addWorkingDays', () => {
  it('sets a deadline two working days after a cut-off in Tết', () => {
    expect(calendar.addWorkingDays('2026-02-14', 2)).toBe('2026-02-24');
  });

  it('sets a deadline two working days after an ordinary cut-off', () => {
    expect(calendar.addWorkingDays('2025-04-14', 2)).toBe('2025-04-16');
  });

  it('counts backwards for a negative number', () => {
    expect(calendar.addWorkingDays('2026-02-23', -1)).toBe('2026-02-13');
  });

  it('returns the date itself for zero', () => {
    expect(calendar.addWorkingDays('2026-02-21', 0)).toBe('2026-02-21');
  });
});
