import { readFileSync, statSync } from 'node:fs';
import { Resolver } from 'node:dns/promises';
import { ConfigError, type Config } from '../../config.js';
import { logger } from '../logger.js';
import { parseRecordsFile, RecordsFileError, type RecordType, type StaticRecords } from './records-file.js';

const log = logger('dns');

const TIMEOUT_MS = 5_000;
const TRIES = 2;
// Records and "no such name" are cached for minutes. A failing server is asked again sooner.
const ANSWER_TTL_MS = 5 * 60_000;
const NEGATIVE_TTL_MS = 60_000;
const FAILURE_TTL_MS = 15_000;
const MAX_CACHED = 10_000;
const RELOAD_CHECK_MS = 1_000;

// Top-level names that RFC 2606 and RFC 6761 keep out of public DNS, so asking for them only waits.
const RESERVED_SUFFIXES = ['test', 'example', 'invalid', 'localhost'];

/**
 * The look-ups mail needs, answered from CONGVAN_DNS_RECORDS first, then from the configured
 * name servers. `resolve` has the shape of node:dns/promises `resolve(name, rrtype)`, which
 * mailauth calls for DKIM, SPF and DMARC records; the rest serve outbound delivery.
 */
export interface DnsResolver {
  resolve(name: string, type: string): Promise<unknown[]>;
  resolveMx(domain: string): Promise<{ exchange: string; priority: number }[]>;
  resolve4(host: string): Promise<string[]>;
  resolve6(host: string): Promise<string[]>;
}

interface CachedAnswer {
  expiresAt: number;
  records?: unknown[];
  error?: NodeJS.ErrnoException;
}

export function createDnsResolver(config: Pick<Config, 'dnsRecordsFile' | 'dnsServers'>): DnsResolver {
  const records = config.dnsRecordsFile ? new WatchedRecordsFile(config.dnsRecordsFile) : null;
  const network = networkResolver(config.dnsServers);
  const cache = new Map<string, CachedAnswer>();

  const resolve = async (rawName: string, type: string): Promise<unknown[]> => {
    const name = rawName.toLowerCase().replace(/\.$/, '');
    const upperType = type.toUpperCase();

    const listed = records?.current().get(name);
    if (listed) {
      const answer = listed.get(upperType as RecordType);
      if (!answer) throw dnsError('ENODATA', name, upperType);
      return answer;
    }

    if (!network || isReserved(name)) throw dnsError('ENOTFOUND', name, upperType);

    const key = `${upperType} ${name}`;
    const cached = cache.get(key);
    if (cached && cached.expiresAt > Date.now()) {
      if (cached.error) throw cached.error;
      return cached.records!;
    }

    try {
      const answer = (await network.resolve(name, upperType)) as unknown[];
      remember(cache, key, { expiresAt: Date.now() + ANSWER_TTL_MS, records: answer });
      return answer;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const ttl = code === 'ENOTFOUND' || code === 'ENODATA' ? NEGATIVE_TTL_MS : FAILURE_TTL_MS;
      remember(cache, key, { expiresAt: Date.now() + ttl, error: error as NodeJS.ErrnoException });
      throw error;
    }
  };

  return {
    resolve,
    resolveMx: (domain) => resolve(domain, 'MX') as Promise<{ exchange: string; priority: number }[]>,
    resolve4: (host) => resolve(host, 'A') as Promise<string[]>,
    resolve6: (host) => resolve(host, 'AAAA') as Promise<string[]>,
  };
}

function networkResolver(servers: Config['dnsServers']): Resolver | null {
  if (servers === 'none') return null;

  const resolver = new Resolver({ timeout: TIMEOUT_MS, tries: TRIES });
  if (servers !== 'system') resolver.setServers(servers);

  return resolver;
}

function remember(cache: Map<string, CachedAnswer>, key: string, answer: CachedAnswer): void {
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, answer);
}

function isReserved(name: string): boolean {
  return RESERVED_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
}

function dnsError(code: 'ENOTFOUND' | 'ENODATA', name: string, type: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`query${type} ${code} ${name}`), { code, hostname: name });
}

/**
 * The records file, re-read when its modification time changes, so a peer's new key takes effect
 * without a restart. A file that cannot be read at start stops the server with the reason. A
 * broken edit later keeps the records read before, and the log names the line at fault.
 */
class WatchedRecordsFile {
  private records: StaticRecords;
  private modifiedAt: number;
  private checkedAt = Date.now();

  constructor(private readonly file: string) {
    try {
      this.modifiedAt = statSync(file).mtimeMs;
    } catch {
      throw new ConfigError('CONGVAN_DNS_RECORDS', `${file} cannot be read; create it or unset the variable`);
    }
    try {
      this.records = parseRecordsFile(readFileSync(file, 'utf8'), file);
    } catch (error) {
      if (error instanceof RecordsFileError) throw new ConfigError('CONGVAN_DNS_RECORDS', error.message);
      throw error;
    }
  }

  current(): StaticRecords {
    if (Date.now() - this.checkedAt >= RELOAD_CHECK_MS) this.reloadIfChanged();

    return this.records;
  }

  private reloadIfChanged(): void {
    this.checkedAt = Date.now();
    try {
      const modifiedAt = statSync(this.file).mtimeMs;
      if (modifiedAt === this.modifiedAt) return;

      // Noted before parsing, so a broken edit is logged once, not every second.
      this.modifiedAt = modifiedAt;
      this.records = parseRecordsFile(readFileSync(this.file, 'utf8'), this.file);
      log.info({ file: this.file, names: this.records.size }, 'DNS records file reloaded');
    } catch (error) {
      log.error({ err: error, file: this.file }, 'DNS records file not reloaded; the records read before stay in use');
    }
  }
}
