import { describe, expect, it } from 'vitest';
import { resolveCalendarYear } from './calendar-year.js';
import { defaultHolidays } from './default-holidays.js';

const entry = (days: { date: string }[], date: string) => days.find((day) => day.date === date);

describe('defaultHolidays', () => {
  it('lists the statutory holidays of 2026', () => {
    const holidays = defaultHolidays(2026).filter((day) => day.kind === 'holiday').map((day) => day.date);

    expect(holidays).toEqual([
      '2026-01-01',
      '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
      '2026-04-26',
      '2026-04-30', '2026-05-01',
      '2026-09-01', '2026-09-02',
    ]);
  });

  it('gives a weekday off in lieu of a Sunday holiday', () => {
    const days = defaultHolidays(2026);

    expect(entry(days, '2026-04-26')).toMatchObject({ kind: 'holiday', nameVi: 'Giỗ Tổ Hùng Vương' });
    expect(entry(days, '2026-04-27')).toMatchObject({ kind: 'makeup-day-off', nameVi: 'Nghỉ bù Giỗ Tổ Hùng Vương' });
  });

  it('moves Tết 2027 weekend days to after the holiday', () => {
    const days = defaultHolidays(2027);
    const tet = days.filter((day) => day.date >= '2027-02-01' && day.date <= '2027-02-28');

    expect(tet.map((day) => [day.date, day.kind])).toEqual([
      ['2027-02-05', 'holiday'],
      ['2027-02-06', 'holiday'],
      ['2027-02-07', 'holiday'],
      ['2027-02-08', 'holiday'],
      ['2027-02-09', 'holiday'],
      ['2027-02-10', 'makeup-day-off'],
      ['2027-02-11', 'makeup-day-off'],
    ]);
    expect(entry(days, '2027-02-10')).toMatchObject({ nameEn: 'Day off in lieu of Lunar New Year (Tết)' });
  });

  it('gives Monday off when 1 May 2027 is a Saturday', () => {
    expect(entry(defaultHolidays(2027), '2027-05-03')).toMatchObject({ kind: 'makeup-day-off', nameVi: 'Nghỉ bù Ngày Quốc tế lao động' });
  });
});

describe('resolveCalendarYear', () => {
  it('applies the announced Tết 2025 in place of the rule', () => {
    const days = resolveCalendarYear(2025, []);

    expect(entry(days, '2025-01-27')).toMatchObject({ kind: 'holiday', source: 'seeded' });
    expect(entry(days, '2025-01-28')).toMatchObject({ kind: 'holiday', source: 'default' });
    expect(entry(days, '2025-02-01')).toBeUndefined();
    expect(entry(days, '2025-02-03')).toBeUndefined();
  });

  it('seeds the announced swaps of 2025 and 2026', () => {
    const days = [...resolveCalendarYear(2025, []), ...resolveCalendarYear(2026, [])];

    expect(entry(days, '2025-05-02')).toMatchObject({ kind: 'makeup-day-off', source: 'seeded' });
    expect(entry(days, '2025-04-26')).toMatchObject({ kind: 'makeup-working-day', source: 'seeded' });
    expect(entry(days, '2026-01-02')).toMatchObject({ kind: 'makeup-day-off', source: 'seeded' });
    expect(entry(days, '2026-01-10')).toMatchObject({
      kind: 'makeup-working-day',
      nameVi: 'Làm bù cho ngày nghỉ 2/1/2026 dịp Tết Dương lịch',
      nameEn: "Make-up working day for 2026-01-02 (New Year's Day)",
    });
    expect(entry(days, '2026-08-31')).toMatchObject({ kind: 'makeup-day-off', source: 'seeded' });
    expect(entry(days, '2026-08-22')).toMatchObject({ kind: 'makeup-working-day', source: 'seeded' });
  });

  it('keeps the rule where 2026 announced the same Tết', () => {
    const tet = resolveCalendarYear(2026, []).filter((day) => day.nameVi === 'Tết Nguyên đán');

    expect(tet.map((day) => day.date)).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    expect(tet.every((day) => day.source === 'default')).toBe(true);
  });

  it('lets an administrator’s row replace a day', () => {
    const correction = { date: '2027-02-11', kind: 'working-day' as const, nameVi: 'Đi làm', nameEn: 'Working day', updatedBy: 'quantri', updatedAt: '2026-12-01T00:00:00.000Z' };
    const days = resolveCalendarYear(2027, [correction]);

    expect(entry(days, '2027-02-11')).toEqual({ ...correction, source: 'administrator' });
  });
});
