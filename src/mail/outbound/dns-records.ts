import type { DkimKey } from './dkim-keys.js';

export interface DnsRecord {
  /** Fully qualified, with the trailing dot. */
  name: string;
  type: 'MX' | 'TXT';
  /** MX: preference and host. TXT: the character-strings, each at most 255 octets. */
  data: string[];
}

const TTL_SECONDS = 3600;
/** RFC 1035 section 3.3: a character-string contains at most 255 octets, so longer TXT data is split. */
const MAX_CHARACTER_STRING = 255;

/**
 * Lists what a sending domain publishes: MX pointing at this server, SPF allowing only the MX
 * hosts, the DKIM public key under its selector, and a DMARC policy that quarantines unaligned
 * mail and sends aggregate reports to postmaster@domain.
 */
export function sendingDomainRecords(domain: string, mailHost: string, key: DkimKey): DnsRecord[] {
  return [
    { name: `${domain}.`, type: 'MX', data: [`10 ${mailHost}.`] },
    { name: `${domain}.`, type: 'TXT', data: ['v=spf1 mx -all'] },
    { name: `${key.selector}._domainkey.${domain}.`, type: 'TXT', data: splitCharacterStrings(`v=DKIM1; k=rsa; p=${key.publicKeyBase64}`) },
    { name: `_dmarc.${domain}.`, type: 'TXT', data: [`v=DMARC1; p=quarantine; rua=mailto:postmaster@${domain}`] },
  ];
}

/** Formats records as zone-file lines (BIND syntax), one record a line. */
export function formatZoneRecords(records: DnsRecord[]): string {
  const width = Math.max(...records.map((record) => record.name.length));

  return records
    .map((record) => {
      const data = record.type === 'TXT' ? record.data.map((text) => `"${text}"`).join(' ') : record.data.join(' ');
      return `${record.name.padEnd(width)} ${TTL_SECONDS} IN ${record.type.padEnd(3)} ${data}`;
    })
    .join('\n');
}

function splitCharacterStrings(text: string): string[] {
  const parts: string[] = [];
  for (let start = 0; start < text.length; start += MAX_CHARACTER_STRING) {
    parts.push(text.slice(start, start + MAX_CHARACTER_STRING));
  }

  return parts;
}
