// Inside a quoted string: a run of plain characters, an escaped quote or backslash, a lone
// backslash (kept as it is), or the closing quote.
const QUOTED_TOKEN = /[^"\\]+|\\["\\]|\\|"/;

export interface HeaderParameter {
  /** Lower case, including any RFC 2231 suffix such as "filename*0*". */
  name: string;
  value: string;
}

export interface StructuredHeader {
  /** The part before the first ";", trimmed, lower case (a type/subtype or a disposition type). */
  value: string;
  params: HeaderParameter[];
}

/**
 * Parses `value; name=token; name="quoted string"` (RFC 2045 section 5.1) leniently. An unquoted
 * value runs to the next ";" even when it contains blanks, as in Outlook's `name=My File.pdf`. A
 * quoted string without its closing quote runs to the end. A backslash escapes only a quote or a
 * backslash, so a Windows path keeps its separators.
 */
export function parseStructuredHeader(text: string): StructuredHeader {
  const firstSemicolon = text.indexOf(';');
  const value = (firstSemicolon < 0 ? text : text.slice(0, firstSemicolon)).trim().toLowerCase();
  const params: HeaderParameter[] = [];
  const seen = new Set<string>();
  let position = firstSemicolon < 0 ? text.length : firstSemicolon + 1;

  while (position < text.length) {
    const semicolon = text.indexOf(';', position);
    const segmentEnd = semicolon < 0 ? text.length : semicolon;
    const equalsInSegment = text.slice(position, segmentEnd).indexOf('=');
    if (equalsInSegment < 0) {
      position = segmentEnd + 1;
      continue;
    }

    const equals = position + equalsInSegment;
    const name = text.slice(position, equals).trim().toLowerCase();
    const parsed = readParameterValue(text, equals + 1);
    position = parsed.next;

    if (name !== '' && !seen.has(name)) {
      seen.add(name);
      params.push({ name, value: parsed.value });
    }
  }

  return { value, params };
}

function readParameterValue(text: string, from: number): { value: string; next: number } {
  let position = from;
  while (text[position] === ' ' || text[position] === '\t') {
    position++;
  }

  if (text[position] !== '"') {
    const semicolon = text.indexOf(';', position);
    const end = semicolon < 0 ? text.length : semicolon;
    return { value: text.slice(position, end).trim(), next: end + 1 };
  }

  const pieces: string[] = [];
  const token = new RegExp(QUOTED_TOKEN.source, 'y');
  let cursor = position + 1;
  while (cursor < text.length) {
    token.lastIndex = cursor;
    const piece = token.exec(text)![0];
    cursor = token.lastIndex;
    if (piece === '"') {
      break;
    }
    pieces.push(piece.length === 2 && piece.startsWith('\\') ? piece[1]! : piece);
  }
  const value = pieces.join('');

  const semicolon = text.indexOf(';', cursor);

  return { value, next: semicolon < 0 ? text.length : semicolon + 1 };
}

/** Returns the value of a plain parameter (no RFC 2231 form), or null. */
export function plainParameter(header: StructuredHeader, name: string): string | null {
  return header.params.find((param) => param.name === name)?.value ?? null;
}
