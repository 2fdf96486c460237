import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../directory/user-repository.js';
import { AppError } from '../../platform/errors.js';
import { openTestContext, type TestContext } from '../../../test/helpers/test-context.js';
import { listCalendarCorrections } from './calendar-corrections.js';
import { correctCalendarDay, removeCalendarCorrection } from './calendar-editing.js';
import { loadWorkingCalendar } from './working-calendar.js';

let opened: TestContext;

beforeEach(async () => {
  opened = await openTestContext('congvan-calendar-');
});

afterEach(async () => {
  await opened.close();
});

const administrator: User = { id: 'user-admin', login: 'quantri', fullName: 'Trần Quốc Việt', email: null, organizationId: 'org-office', roles: ['admin'], disabled: false };
const clerk: User = { ...administrator, id: 'user-clerk', login: 'vanthu.vp', roles: ['clerk'] };

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('calendar corrections', () => {
  it('override a default holiday and go back on delete', async () => {
    const { ctx } = opened;
    expect((await loadWorkingCalendar(ctx, [2027])).isWorkingDay('2027-02-11')).toBe(false);

    const day = await correctCalendarDay(ctx, administrator, 2027, '2027-02-11', { kind: 'working-day', nameVi: 'Ngày làm việc theo thông báo', nameEn: 'Working day as announced' });
    expect(day).toMatchObject({ date: '2027-02-11', kind: 'working-day', source: 'administrator', updatedBy: 'quantri' });
    expect((await loadWorkingCalendar(ctx, [2027])).isWorkingDay('2027-02-11')).toBe(true);

    await removeCalendarCorrection(ctx, administrator, 2027, '2027-02-11');
    expect((await loadWorkingCalendar(ctx, [2027])).isWorkingDay('2027-02-11')).toBe(false);
  });

  it('replace an earlier correction of the same date', async () => {
    const { ctx } = opened;
    await correctCalendarDay(ctx, administrator, 2027, '2027-02-13', { kind: 'makeup-working-day', nameVi: 'Làm bù', nameEn: 'Make-up day' });
    await correctCalendarDay(ctx, administrator, 2027, '2027-02-13', { kind: 'holiday', nameVi: 'Nghỉ', nameEn: 'Day off' });

    const rows = await listCalendarCorrections(ctx.db, [2027]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ date: '2027-02-13', kind: 'holiday', nameEn: 'Day off' });
  });

  it('list only the years asked for', async () => {
    const { ctx } = opened;
    await correctCalendarDay(ctx, administrator, 2026, '2026-11-24', { kind: 'holiday', nameVi: 'Ngày Văn hóa Việt Nam', nameEn: 'Vietnam Culture Day' });
    await correctCalendarDay(ctx, administrator, 2027, '2027-11-24', { kind: 'holiday', nameVi: 'Ngày Văn hóa Việt Nam', nameEn: 'Vietnam Culture Day' });

    expect((await listCalendarCorrections(ctx.db, [2027])).map((row) => row.date)).toEqual(['2027-11-24']);
    expect((await loadWorkingCalendar(ctx, [2026])).isWorkingDay('2026-11-24')).toBe(false);
  });

  it('are refused to a clerk', async () => {
    const error = await rejection(correctCalendarDay(opened.ctx, clerk, 2027, '2027-02-11', { kind: 'working-day', nameVi: 'x', nameEn: 'x' }));
    expect(error.code).toBe('forbidden');
  });

  it('reject a date outside the year', async () => {
    const error = await rejection(correctCalendarDay(opened.ctx, administrator, 2026, '2027-02-11', { kind: 'working-day', nameVi: 'x', nameEn: 'x' }));
    expect(error.code).toBe('invalid-input');
    expect(error.field).toBe('date');
  });

  it('reject a make-up working day on a weekday', async () => {
    const error = await rejection(correctCalendarDay(opened.ctx, administrator, 2027, '2027-02-12', { kind: 'makeup-working-day', nameVi: 'x', nameEn: 'x' }));
    expect(error.field).toBe('kind');
    expect(error.messageEn).toContain('2027-02-12 is a weekday');
  });

  it('report a delete with nothing to delete', async () => {
    const error = await rejection(removeCalendarCorrection(opened.ctx, administrator, 2027, '2027-03-01'));
    expect(error.code).toBe('not-found');
  });
});
