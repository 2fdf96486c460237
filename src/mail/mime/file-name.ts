import type { FlagList } from './flag-list.js';
import type { StructuredHeader } from './header-params.js';
import { readParameter } from './parameter-value.js';

export interface PartFileName {
  /** Name decoded to NFC, without directory parts or control characters, or null when the part has none. */
  filename: string | null;
  /** The parameter as written before decoding, or '' when absent. */
  original: string;
}

/**
 * Reads an attachment's file name from Content-Disposition `filename`, else Content-Type `name`.
 * The part's charset parameter never applies: it names the charset of the content, not of a header.
 */
export function readPartFileName(
  disposition: StructuredHeader | null,
  contentType: StructuredHeader,
  flags: FlagList,
  where: string,
): PartFileName {
  const fromDisposition = disposition ? readParameter(disposition, 'filename', flags, where) : null;
  const found = fromDisposition ?? readParameter(contentType, 'name', flags, where);
  if (!found) {
    return { filename: null, original: '' };
  }

  const cleaned = cleanFileName(found.value);

  return { filename: cleaned === '' ? null : cleaned, original: found.original };
}

/**
 * Keeps the last path component and drops control characters, so a name can never point outside
 * the folder it is saved in. Apostrophes, blanks and every letter stay.
 */
export function cleanFileName(name: string): string {
  const withoutControls = name.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, '');
  const lastSeparator = Math.max(withoutControls.lastIndexOf('/'), withoutControls.lastIndexOf('\\'));
  const base = withoutControls.slice(lastSeparator + 1).trim();

  return base === '.' || base === '..' ? '' : base;
}
