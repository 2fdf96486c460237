import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REPOSITORY_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Joins text (with "\n" turned into CRLF, encoded as UTF-8) and raw bytes into one message. */
export function eml(...pieces: (string | Uint8Array)[]): Buffer {
  return Buffer.concat(
    pieces.map((piece) => (typeof piece === 'string' ? Buffer.from(piece.replace(/\r?\n/g, '\r\n'), 'utf8') : piece)),
  );
}

/** Reads a file under test/fixtures. */
export function fixture(path: string): Buffer {
  return readFileSync(`${REPOSITORY_ROOT}test/fixtures/${path}`);
}

/** Base64 with 76-character lines and CRLF, as MIME encoders write it. */
export function base64Lines(bytes: Uint8Array): string {
  return (Buffer.from(bytes).toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}
