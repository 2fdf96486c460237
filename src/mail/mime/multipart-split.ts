export interface MultipartSplit {
  /** Bodies between delimiter lines, each without the line break that belongs to the next delimiter. */
  parts: Buffer[];
  /** At least one delimiter line was found. */
  found: boolean;
  /** The close delimiter `--boundary--` was found. */
  closed: boolean;
  /** Parts beyond `maxParts` that were not returned. */
  truncated: boolean;
}

const LF = 0x0a;
const CR = 0x0d;
const DASH = 0x2d;
const SPACE = 0x20;
const TAB = 0x09;

/**
 * Splits a multipart body at its delimiter lines (RFC 2046 section 5.1.1): "--" and the boundary
 * at the start of a line, optionally "--" for the close delimiter, then only blanks. The line
 * break before a delimiter belongs to it. Without a close delimiter the last part runs to the end.
 */
export function splitMultipart(body: Buffer, boundary: string, maxParts: number): MultipartSplit {
  const delimiter = Buffer.from(`--${boundary}`, /^[\x00-\xff]*$/.test(boundary) ? 'latin1' : 'utf8');
  const parts: Buffer[] = [];
  let partStart = -1;
  let found = false;
  let searchFrom = 0;

  while (searchFrom <= body.length) {
    const at = body.indexOf(delimiter, searchFrom);
    if (at < 0) {
      break;
    }
    searchFrom = at + delimiter.length;

    if (at > 0 && body[at - 1] !== LF) {
      continue;
    }

    const line = readDelimiterLine(body, at + delimiter.length);
    if (!line) {
      continue;
    }
    found = true;

    if (partStart >= 0) {
      parts.push(body.subarray(partStart, lineBreakStart(body, at)));
      if (parts.length >= maxParts) {
        return { parts, found, closed: false, truncated: true };
      }
    }

    if (line.close) {
      return { parts, found, closed: true, truncated: false };
    }
    partStart = line.next;
    searchFrom = line.next;
  }

  if (partStart >= 0) {
    parts.push(body.subarray(partStart, lineBreakStart(body, body.length)));
  }

  return { parts, found, closed: false, truncated: false };
}

function readDelimiterLine(body: Buffer, from: number): { close: boolean; next: number } | null {
  let position = from;
  let close = false;
  if (body[position] === DASH && body[position + 1] === DASH) {
    close = true;
    position += 2;
  }

  while (body[position] === SPACE || body[position] === TAB) {
    position++;
  }

  if (position >= body.length) {
    return { close, next: body.length };
  }
  if (body[position] === LF) {
    return { close, next: position + 1 };
  }
  if (body[position] === CR) {
    return { close, next: body[position + 1] === LF ? position + 2 : position + 1 };
  }

  return null;
}

function lineBreakStart(body: Buffer, at: number): number {
  let end = at;
  if (end > 0 && body[end - 1] === LF) {
    end--;
  }
  if (end > 0 && body[end - 1] === CR) {
    end--;
  }

  return end;
}
