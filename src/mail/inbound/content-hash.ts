import { sha256Digest } from '../../platform/sha256-digest.js';

/**
 * Hashes what the sender wrote, not how it travelled: the body plus the headers that identify
 * the content (From, To, Subject, Date). Relays add Received and other trace headers, so the
 * same message delivered twice has different raw bytes but the same content hash.
 */
export async function contentHash(raw: Buffer): Promise<string> {
  const separator = findHeaderEnd(raw);
  const headerText = raw.subarray(0, separator.headerEnd).toString('latin1');
  const body = raw.subarray(separator.bodyStart);

  const identifyingHeaders = ['from', 'to', 'cc', 'subject', 'date'].map((name) => `${name}:${headerValue(headerText, name)}\n`).join('');

  return sha256Digest(Buffer.concat([Buffer.from(identifyingHeaders, 'utf8'), body]));
}

function findHeaderEnd(raw: Buffer): { headerEnd: number; bodyStart: number } {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');

  if (crlf >= 0 && (lf < 0 || crlf < lf)) return { headerEnd: crlf, bodyStart: crlf + 4 };
  if (lf >= 0) return { headerEnd: lf, bodyStart: lf + 2 };
  return { headerEnd: raw.length, bodyStart: raw.length };
}

function headerValue(headerText: string, name: string): string {
  const unfolded = headerText.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((candidate) => candidate.toLowerCase().startsWith(`${name}:`));
  return line ? line.slice(name.length + 1).trim() : '';
}
