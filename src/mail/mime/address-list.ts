import addressparser from 'nodemailer/lib/addressparser';

import { decodeEncodedWords } from './encoded-words.js';
import type { FlagList } from './flag-list.js';
import type { MailAddress } from './types.js';

/**
 * Parses an address header (RFC 5322 section 3.4) into mailboxes, with groups flattened. Display
 * names are RFC 2047-decoded after parsing, so a decoded comma or quote cannot split an address.
 */
export function parseAddressList(text: string, flags: FlagList, where: string): MailAddress[] {
  const parsed = addressparser(text, { flatten: true });

  return parsed
    .map((entry) => ({
      name: decodeEncodedWords(entry.name ?? '', flags, where).trim(),
      address: (entry.address ?? '').trim(),
    }))
    .filter((entry) => entry.address !== '' || entry.name !== '');
}
