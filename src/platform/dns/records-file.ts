export type RecordType = 'A' | 'AAAA' | 'MX' | 'TXT';

export type RecordData = string | string[] | { exchange: string; priority: number };

/** Records by lower-case name without the trailing dot, then by type, in node:dns/promises shapes. */
export type StaticRecords = Map<string, Map<RecordType, RecordData[]>>;

export class RecordsFileError extends Error {
  override name = 'RecordsFileError';
}

const TYPES = new Set<RecordType>(['A', 'AAAA', 'MX', 'TXT']);
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const IPV6 = /^[0-9a-f:.]+$/i;

/**
 * Reads zone-file lines in the form `congvan dns` prints: `name [ttl] [IN] TYPE data`, names
 * fully qualified, `;` or `#` starting a comment. Only A, AAAA, MX and TXT are read. A directive
 * or another type is an error naming its line, so a typo never silently drops a key.
 */
export function parseRecordsFile(text: string, fileName: string): StaticRecords {
  const records: StaticRecords = new Map();

  text.split(/\r?\n/).forEach((line, index) => {
    const tokens = tokenize(stripComment(line));
    if (tokens.length === 0) return;

    const at = `${fileName} line ${index + 1}`;
    if (tokens[0]!.startsWith('$')) throw new RecordsFileError(`${at}: directive ${tokens[0]} is not supported; write each record with its full name.`);

    const name = tokens[0]!.toLowerCase().replace(/\.$/, '');
    let position = 1;
    if (/^\d+$/.test(tokens[position] ?? '')) position += 1;
    if ((tokens[position] ?? '').toUpperCase() === 'IN') position += 1;

    const type = (tokens[position] ?? '').toUpperCase() as RecordType;
    if (!TYPES.has(type)) {
      throw new RecordsFileError(`${at}: record type "${tokens[position] ?? ''}" is not one of A, AAAA, MX or TXT; write e.g. "tinh-a.test. 3600 IN TXT \\"v=spf1 mx -all\\"".`);
    }

    const data = dataOf(type, tokens.slice(position + 1), at);
    const byType = records.get(name) ?? new Map<RecordType, RecordData[]>();
    byType.set(type, [...(byType.get(type) ?? []), data]);
    records.set(name, byType);
  });

  return records;
}

function dataOf(type: RecordType, tokens: string[], at: string): RecordData {
  if (tokens.length === 0) throw new RecordsFileError(`${at}: the ${type} record has no data.`);

  switch (type) {
    case 'A':
      if (tokens.length !== 1 || !IPV4.test(tokens[0]!)) throw new RecordsFileError(`${at}: "${tokens.join(' ')}" is not an IPv4 address.`);
      return tokens[0]!;
    case 'AAAA':
      if (tokens.length !== 1 || !tokens[0]!.includes(':') || !IPV6.test(tokens[0]!)) throw new RecordsFileError(`${at}: "${tokens.join(' ')}" is not an IPv6 address.`);
      return tokens[0]!.toLowerCase();
    case 'MX': {
      const priority = Number(tokens[0]);
      if (tokens.length !== 2 || !Number.isInteger(priority) || priority < 0 || priority > 65535) {
        throw new RecordsFileError(`${at}: MX data "${tokens.join(' ')}" is not a preference and a host, such as "10 mx.tinh-a.test.".`);
      }
      return { priority, exchange: tokens[1]!.toLowerCase().replace(/\.$/, '') };
    }
    case 'TXT': {
      const unclosed = tokens.find((token) => token.includes('"') && !/^"(?:[^"\\]|\\.)*"$/.test(token));
      if (unclosed) throw new RecordsFileError(`${at}: TXT data ${unclosed} has an unmatched quote; quote each string whole, such as "v=spf1 mx -all".`);

      // Each quoted character-string stays separate, as a resolver returns them.
      return tokens.map(unquote);
    }
  }
}

function stripComment(line: string): string {
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const character = line[index];
    if (character === '\\' && quoted) index += 1;
    else if (character === '"') quoted = !quoted;
    else if (!quoted && (character === ';' || character === '#')) return line.slice(0, index);
  }

  return line;
}

/** Splits on blanks, keeping each quoted string, quotes included, as one token. */
function tokenize(line: string): string[] {
  return line.match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? [];
}

function unquote(token: string): string {
  if (!token.startsWith('"')) return token;

  return token.slice(1, -1).replace(/\\(.)/g, '$1');
}
