// Vietnam keeps UTC+7 all year (no daylight saving time since 1975), so a fixed offset is exact.
const OFFSET_MS = 7 * 3600 * 1000;

/** Returns the calendar date (YYYY-MM-DD) of an instant in Asia/Ho_Chi_Minh. */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Returns the clock time (HH:mm) of an instant in Asia/Ho_Chi_Minh. */
export function vietnamClockTime(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(11, 16);
}

export function vietnamYear(instant: Date): number {
  return new Date(instant.getTime() + OFFSET_MS).getUTCFullYear();
}

/** Returns the UTC instant at which a Vietnamese calendar date (YYYY-MM-DD) starts. */
export function vietnamDayStart(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS);
}
