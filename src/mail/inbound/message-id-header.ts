const MAX_HEADER_SCAN_BYTES = 512 * 1024;

/**
 * Reads the Message-ID from raw bytes without a full parse, so that the row written before the
 * SMTP 250 already carries it. Returns the id without angle brackets, or null.
 */
export function readMessageIdHeader(raw: Buffer): string | null {
  const head = raw.subarray(0, MAX_HEADER_SCAN_BYTES).toString('latin1');
  const headerEnd = head.search(/\r?\n\r?\n/);
  const headers = (headerEnd >= 0 ? head.slice(0, headerEnd) : head).replace(/\r?\n[ \t]+/g, ' ');

  const match = /^message-id:\s*(.*)$/im.exec(headers);
  if (!match) return null;

  const value = match[1]!.trim();
  const bracketed = /<([^>]+)>/.exec(value);
  const id = (bracketed ? bracketed[1]! : value).trim();

  return id === '' ? null : id;
}
