import type { AppContext } from '../platform/app-context.js';

/** Working hours a recipient has to accept a copy before it is overdue, by urgency. */
export const ACCEPTANCE_HOURS: Record<string, number> = { flash: 2, 'very-urgent': 4, urgent: 8, normal: 16 };

/** When a copy sent at `sentAt` becomes overdue unless accepted. */
export async function overdueTimeFor(ctx: AppContext, urgency: string, sentAt: Date): Promise<string | null> {
  // TODO: count working hours with the working-day calendar (src/exchange/calendar) once it lands.
  void ctx;
  const hours = ACCEPTANCE_HOURS[urgency] ?? ACCEPTANCE_HOURS.normal!;
  return new Date(sentAt.getTime() + hours * 3600_000).toISOString();
}
