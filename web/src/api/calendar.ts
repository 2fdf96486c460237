import { apiRequest } from './client';
import type { CalendarCorrection, CalendarDay, CalendarYear } from './types';

function dayPath(year: number, date: string): string {
  return `/calendar/${year}/days/${encodeURIComponent(date)}`;
}

/** Fetches a year's holidays, days off in lieu and make-up working days, sorted by date. */
export function fetchCalendarYear(year: number, signal?: AbortSignal): Promise<CalendarYear> {
  return apiRequest<CalendarYear>(`/calendar/${year}`, { signal });
}

/** Stores an administrator's correction of one date and returns the day as it now reads. */
export function correctCalendarDay(year: number, date: string, correction: CalendarCorrection): Promise<CalendarDay> {
  return apiRequest<CalendarDay>(dayPath(year, date), { method: 'PUT', body: correction });
}

/** Deletes the correction of one date, so that the default or announced calendar applies again. */
export function removeCalendarCorrection(year: number, date: string): Promise<void> {
  return apiRequest<void>(dayPath(year, date), { method: 'DELETE' });
}
