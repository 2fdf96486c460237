import type { AppContext } from '../platform/app-context.js';
import { vietnamYear } from '../platform/vietnam-time.js';
import { loadWorkingCalendar } from './calendar/working-calendar.js';

/**
 * Working hours a recipient has to accept a copy before it is overdue, by urgency: hỏa tốc 2,
 * thượng khẩn 4, khẩn 8, normal 16 (two working days).
 */
export const ACCEPTANCE_HOURS: Record<string, number> = { flash: 2, 'very-urgent': 4, urgent: 8, normal: 16 };

/** When a copy sent at `sentAt` becomes overdue unless accepted, counted on the working calendar. */
export async function overdueTimeFor(ctx: AppContext, urgency: string, sentAt: Date): Promise<string> {
  const hours = ACCEPTANCE_HOURS[urgency] ?? ACCEPTANCE_HOURS.normal!;

  // Two working days near the end of December, or across Tết, reach into the next year.
  const year = vietnamYear(sentAt);
  const calendar = await loadWorkingCalendar(ctx, [year, year + 1]);

  return calendar.addWorkingHours(sentAt, hours).toISOString();
}
