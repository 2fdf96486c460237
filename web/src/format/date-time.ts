// Times are stored in UTC and shown in Vietnam's time zone, whatever the browser's own zone is.
const timeZone = 'Asia/Ho_Chi_Minh';

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(date: Date): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const part of dateTimeFormat.formatToParts(date)) {
    parts[part.type] = part.value;
  }

  return parts;
}

/** Formats an ISO timestamp as `DD/MM/YYYY HH:mm` in Asia/Ho_Chi_Minh; null for a missing or invalid value. */
export function formatDateTime(iso: string | null | undefined): string | null {
  if (!iso) {
    return null;
  }

  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return null;
  }

  const parts = partsOf(date);

  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** Formats an ISO timestamp as `DD/MM/YYYY` in Asia/Ho_Chi_Minh. */
export function formatDateOfTimestamp(iso: string | null | undefined): string | null {
  return formatDateTime(iso)?.slice(0, 10) ?? null;
}

/** Formats a calendar date `YYYY-MM-DD` as `DD/MM/YYYY`; other text is returned unchanged. */
export function formatCalendarDate(value: string | null | undefined): string | null {
  if (!value) {
    return null;
  }

  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    return value;
  }

  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** Returns the current calendar year in Asia/Ho_Chi_Minh. */
export function currentYear(): number {
  return Number(partsOf(new Date()).year);
}
