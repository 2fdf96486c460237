import type { User } from '../../directory/user-repository.js';
import type { AppContext } from '../../platform/app-context.js';
import { AppError, invalidInput } from '../../platform/errors.js';
import { isWeekend, yearOf, type CalendarDate } from './calendar-date.js';
import type { CalendarDayKind } from './calendar-day.js';
import { deleteCalendarCorrection, saveCalendarCorrection } from './calendar-corrections.js';
import { loadCalendarYears, type ResolvedCalendarDay } from './calendar-year.js';

export interface CalendarDayInput {
  kind: CalendarDayKind;
  nameVi: string;
  nameEn: string;
}

/** Administrators keep the calendar in line with the Government's yearly announcement. */
export function assertCanEditCalendar(user: User): void {
  if (!user.roles.includes('admin')) {
    throw new AppError('forbidden', 'Chỉ quản trị viên được sửa lịch ngày làm việc.', 'Only an administrator may correct the working calendar.');
  }
}

/** Stores an administrator's entry for a date in place of what the rules give, and returns the day as it now reads. */
export async function correctCalendarDay(ctx: AppContext, user: User, year: number, date: CalendarDate, input: CalendarDayInput): Promise<ResolvedCalendarDay> {
  assertCanEditCalendar(user);
  assertDateInYear(date, year);
  assertKindFitsDate(date, input.kind);

  await saveCalendarCorrection(ctx.db, { date, ...input, updatedBy: user.login, updatedAt: ctx.clock.now().toISOString() });

  const days = (await loadCalendarYears(ctx.db, [year])).get(year) ?? [];
  return days.find((day) => day.date === date)!;
}

/** Deletes the administrator's entry for a date, so that the rules and announcements apply again. */
export async function removeCalendarCorrection(ctx: AppContext, user: User, year: number, date: CalendarDate): Promise<void> {
  assertCanEditCalendar(user);
  assertDateInYear(date, year);

  if (!(await deleteCalendarCorrection(ctx.db, date))) {
    throw new AppError(
      'not-found',
      `Ngày ${date} không có điều chỉnh của quản trị viên; ngày này đã theo lịch mặc định.`,
      `${date} has no administrator correction; it already follows the default calendar.`,
    );
  }
}

function assertDateInYear(date: CalendarDate, year: number): void {
  if (yearOf(date) !== year) {
    throw invalidInput('date', `Ngày ${date} không thuộc năm ${year}; hãy sửa trong lịch năm ${yearOf(date)}.`, `Date ${date} is not in ${year}; correct it in the calendar of ${yearOf(date)}.`);
  }
}

function assertKindFitsDate(date: CalendarDate, kind: CalendarDayKind): void {
  if (kind === 'makeup-working-day' && !isWeekend(date)) {
    throw invalidInput(
      'kind',
      `Ngày làm bù phải là thứ Bảy hoặc Chủ nhật, còn ${date} là ngày thường; để bỏ một ngày nghỉ mặc định hãy dùng "working-day".`,
      `A make-up working day must be a Saturday or Sunday, and ${date} is a weekday; to cancel a default day off use "working-day".`,
    );
  }

  if (kind === 'makeup-day-off' && isWeekend(date)) {
    throw invalidInput(
      'kind',
      `Ngày nghỉ bù phải là ngày thường, còn ${date} là thứ Bảy hoặc Chủ nhật.`,
      `A make-up day off must be a weekday, and ${date} is a Saturday or Sunday.`,
    );
  }
}
