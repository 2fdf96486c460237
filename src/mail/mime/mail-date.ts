const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// RFC 5322 section 4.3 obsolete zone names, in minutes east of UTC.
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};

// [day-name ","] day month year hour ":" minute [":" second] [zone]
const RFC5322_DATE =
  /^(?:[a-z]+,?\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]+)?/i;

/** Reads an RFC 5322 date (with the obsolete forms of section 4.3) as ISO 8601 UTC, or null. */
export function parseMailDate(text: string): string | null {
  const cleaned = text.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  const match = RFC5322_DATE.exec(cleaned);
  if (!match) {
    return parseLoosely(cleaned);
  }

  const [, day, monthName, yearText, hour, minute, second, zone] = match;
  const month = MONTHS.indexOf((monthName ?? '').toLowerCase());
  const offset = zoneOffsetMinutes(zone);
  if (month < 0 || offset === null) {
    return parseLoosely(cleaned);
  }

  const time = Date.UTC(
    fullYear(Number(yearText)),
    month,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second ?? '0'),
  );
  const date = new Date(time - offset * 60_000);

  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

// RFC 5322 section 4.3: two-digit years below 50 are 20xx and others 19xx. Three digits add 1900.
function fullYear(year: number): number {
  if (year < 50) {
    return 2000 + year;
  }
  if (year < 1000) {
    return 1900 + year;
  }

  return year;
}

// A missing or unknown zone counts as UTC, as RFC 5322 section 4.3 prescribes for military zones.
function zoneOffsetMinutes(zone: string | undefined): number | null {
  if (!zone) {
    return 0;
  }

  if (/^[+-]\d{4}$/.test(zone)) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const hours = Number(zone.slice(1, 3));
    const minutes = Number(zone.slice(3, 5));
    return minutes < 60 ? sign * (hours * 60 + minutes) : null;
  }

  return ZONES[zone.toLowerCase()] ?? 0;
}

// ISO 8601 dates, which some scripts write in the Date header.
function parseLoosely(text: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) {
    return null;
  }

  const time = Date.parse(text);

  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
