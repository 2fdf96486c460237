import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDnsResolver } from './dns-resolver.js';
import { ConfigError } from '../../config.js';

let folder: string;
let file: string;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'congvan-dns-'));
  file = path.join(folder, 'records.zone');
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
}

describe('DNS resolver for mail', () => {
  it('answers from the records file in the shapes node:dns returns', async () => {
    writeFileSync(file, 'tinh-b.test. MX 10 mx.tinh-b.test.\nmx.tinh-b.test. A 127.0.0.1\ntinh-b.test. TXT "v=spf1 mx -all"\n');
    const dns = createDnsResolver({ dnsRecordsFile: file, dnsServers: 'none' });

    expect(await dns.resolveMx('TINH-B.test.')).toEqual([{ exchange: 'mx.tinh-b.test', priority: 10 }]);
    expect(await dns.resolve4('mx.tinh-b.test')).toEqual(['127.0.0.1']);
    expect(await dns.resolve('tinh-b.test', 'TXT')).toEqual([['v=spf1 mx -all']]);
  });

  it('reports missing types and names', async () => {
    writeFileSync(file, 'mx.tinh-b.test. A 127.0.0.1\n');
    const dns = createDnsResolver({ dnsRecordsFile: file, dnsServers: 'none' });

    expect(await codeOf(dns.resolve6('mx.tinh-b.test'))).toBe('ENODATA');
    expect(await codeOf(dns.resolve('_dmarc.lamdong.gov.vn', 'TXT'))).toBe('ENOTFOUND');
  });

  it('never asks a name server about reserved names such as .test', async () => {
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): a query there could only time out.
    const dns = createDnsResolver({ dnsRecordsFile: null, dnsServers: ['192.0.2.1'] });

    const started = Date.now();
    expect(await codeOf(dns.resolve('congvan._domainkey.tinh-c.test', 'TXT'))).toBe('ENOTFOUND');
    expect(await codeOf(dns.resolveMx('mail.example'))).toBe('ENOTFOUND');
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('reloads an edited records file', async () => {
    writeFileSync(file, 'mx.tinh-b.test. A 127.0.0.1\n');
    const dns = createDnsResolver({ dnsRecordsFile: file, dnsServers: 'none' });
    expect(await dns.resolve4('mx.tinh-b.test')).toEqual(['127.0.0.1']);

    writeFileSync(file, 'mx.tinh-b.test. A 127.0.0.2\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    expect(await dns.resolve4('mx.tinh-b.test')).toEqual(['127.0.0.2']);

    writeFileSync(file, 'mx.tinh-b.test. A not-an-address\n');
    utimesSync(file, new Date(), new Date(Date.now() + 10_000));
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    expect(await dns.resolve4('mx.tinh-b.test')).toEqual(['127.0.0.2']);
  });

  it('refuses to start with a records file that is missing or broken', () => {
    expect(() => createDnsResolver({ dnsRecordsFile: path.join(folder, 'missing.zone'), dnsServers: 'none' })).toThrow(ConfigError);
    expect(() => createDnsResolver({ dnsRecordsFile: path.join(folder, 'missing.zone'), dnsServers: 'none' })).toThrow(/CONGVAN_DNS_RECORDS: .*cannot be read; create it or unset the variable/);

    writeFileSync(file, 'bad.test. SRV 0 0 25 mx.test.\n');
    expect(() => createDnsResolver({ dnsRecordsFile: file, dnsServers: 'none' })).toThrow(ConfigError);
    expect(() => createDnsResolver({ dnsRecordsFile: file, dnsServers: 'none' })).toThrow(/CONGVAN_DNS_RECORDS: .*records\.zone line 1: record type "SRV"/);
  });
});
