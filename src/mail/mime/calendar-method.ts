/**
 * Returns the iTIP method of a calendar part in upper case. The method parameter of its
 * Content-Type (iMIP, RFC 6047) comes first, then the METHOD property of the VCALENDAR.
 * Returns null when neither is given.
 */
export function readCalendarMethod(parameter: string | null, content: string): string | null {
  if (parameter && parameter.trim() !== '') {
    return parameter.trim().toUpperCase();
  }

  // RFC 5545 section 3.1: a line that starts with a blank continues the previous one.
  const unfolded = content.replace(/\r?\n[ \t]/g, '');
  const match = /^METHOD(?:;[^:\r\n]*)?:([^\r\n]+)/im.exec(unfolded);

  return match ? match[1]!.trim().toUpperCase() : null;
}
