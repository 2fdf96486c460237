import { describe, expect, it } from 'vitest';
import { parseRecordsFile, RecordsFileError } from './records-file.js';

describe('DNS records file', () => {
  it('reads the lines congvan dns prints, with comments and split TXT strings', () => {
    const records = parseRecordsFile(
      [
        '; Records to publish for tinh-a.test; the MX host is CONGVAN_HOSTNAME.',
        'tinh-a.test.                   3600 IN MX  10 mx.tinh-a.test.',
        'tinh-a.test.                   3600 IN TXT "v=spf1 mx -all"',
        'congvan._domainkey.tinh-a.test. 3600 IN TXT "v=DKIM1; k=rsa; p=AAAA" "BBBB"',
        '_dmarc.tinh-a.test.            3600 IN TXT "v=DMARC1; p=quarantine; rua=mailto:postmaster@tinh-a.test"',
        '',
        'MX.Tinh-A.test A 127.0.0.1   # the MX host on loopback',
        'mx.tinh-a.test IN AAAA ::1',
      ].join('\n'),
      'peers.zone',
    );

    expect(records.get('tinh-a.test')?.get('MX')).toEqual([{ priority: 10, exchange: 'mx.tinh-a.test' }]);
    expect(records.get('tinh-a.test')?.get('TXT')).toEqual([['v=spf1 mx -all']]);
    expect(records.get('congvan._domainkey.tinh-a.test')?.get('TXT')).toEqual([['v=DKIM1; k=rsa; p=AAAA', 'BBBB']]);
    expect(records.get('_dmarc.tinh-a.test')?.get('TXT')?.[0]).toEqual(['v=DMARC1; p=quarantine; rua=mailto:postmaster@tinh-a.test']);
    expect(records.get('mx.tinh-a.test')?.get('A')).toEqual(['127.0.0.1']);
    expect(records.get('mx.tinh-a.test')?.get('AAAA')).toEqual(['::1']);
  });

  it('keeps a semicolon inside quotes and unescapes quoted characters', () => {
    const records = parseRecordsFile('x.test. TXT "a;b \\"c\\""', 'f');

    expect(records.get('x.test')?.get('TXT')).toEqual([['a;b "c"']]);
  });

  it('names the file and line of a record it cannot read', () => {
    const cases: [string, RegExp][] = [
      ['$ORIGIN tinh-a.test.', /peers\.zone line 1: directive \$ORIGIN is not supported/],
      ['ok.test. A 127.0.0.1\nbad.test. 3600 IN CNAME other.test.', /line 2: record type "CNAME" is not one of A, AAAA, MX or TXT/],
      ['bad.test. A 300.1', /line 1: "300.1" is not an IPv4 address/],
      ['bad.test. MX mx.test.', /line 1: MX data "mx.test." is not a preference and a host/],
      ['bad.test. TXT', /line 1: the TXT record has no data/],
      ['bad.test. 3600 IN TXT unterminated "quote', /line 1: TXT data "quote has an unmatched quote/],
    ];

    for (const [text, message] of cases) {
      expect(() => parseRecordsFile(text, 'peers.zone'), text).toThrow(RecordsFileError);
      expect(() => parseRecordsFile(text, 'peers.zone'), text).toThrow(message);
    }
  });
});
