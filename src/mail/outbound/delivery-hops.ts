import type { Config, Smarthost } from '../../config.js';

/** Look-ups that outbound delivery makes. The context's DNS resolver implements them, and tests inject their own. */
export interface MailResolver {
  resolveMx(domain: string): Promise<{ exchange: string; priority: number }[]>;
  resolve4(host: string): Promise<string[]>;
  resolve6(host: string): Promise<string[]>;
}

/** One server to try, in order. */
export interface DeliveryHop {
  /** The source of this hop: a CONGVAN_SMTP_ROUTES entry, CONGVAN_SMARTHOST, or the domain's MX records. */
  via: 'route' | 'smarthost' | 'mx';
  /** Address or name to connect to. */
  host: string;
  port: number;
  /** The MX host name behind an address, sent as the TLS server name, or null when host is that name. */
  serverName: string | null;
  smarthost: Smarthost | null;
}

export type HopLookup =
  | { kind: 'hops'; hops: DeliveryHop[] }
  /** The domain cannot receive mail: it does not exist, or publishes a null MX (RFC 7505). */
  | { kind: 'unreachable'; reason: string };

// Enough for a primary and a backup MX with an IPv4 and an IPv6 address each, and then some.
const MAX_HOPS = 10;

/**
 * Chooses where mail for a domain goes: its CONGVAN_SMTP_ROUTES entry, else the `*` route, else
 * the smarthost, else its MX hosts by preference. A domain without MX records is its own mail
 * host (RFC 5321 section 5.1). A DNS failure other than "no such domain" or "no such record"
 * throws, so the caller retries later.
 */
export async function lookUpDeliveryHops(config: Config, domain: string, resolver: MailResolver, mxPort: number): Promise<HopLookup> {
  const route = config.smtpRoutes.find((entry) => entry.domain === domain) ?? config.smtpRoutes.find((entry) => entry.domain === '*');
  if (route) return { kind: 'hops', hops: [{ via: 'route', host: route.host, port: route.port, serverName: null, smarthost: null }] };

  const smarthost = config.smarthost;
  if (smarthost) return { kind: 'hops', hops: [{ via: 'smarthost', host: smarthost.host, port: smarthost.port, serverName: null, smarthost }] };

  const exchanges = await lookUpExchanges(domain, resolver);
  if (exchanges === 'no-domain') return { kind: 'unreachable', reason: `${domain} does not exist in DNS (NXDOMAIN)` };
  if (exchanges.hosts.length === 1 && exchanges.hosts[0] === '') {
    return { kind: 'unreachable', reason: `${domain} publishes a null MX record, so it accepts no mail (RFC 7505)` };
  }

  const hops: DeliveryHop[] = [];
  for (const exchange of exchanges.hosts) {
    for (const address of await lookUpAddresses(exchange, resolver)) {
      hops.push({ via: 'mx', host: address, port: mxPort, serverName: exchange, smarthost: null });
    }
  }
  if (hops.length === 0 && exchanges.implicit) return { kind: 'unreachable', reason: `${domain} has neither MX nor address records` };
  // A named MX host without an address is more likely a DNS change in progress than a final answer.
  if (hops.length === 0) throw new Error(`no MX host of ${domain} (${exchanges.hosts.join(', ')}) has an address record`);

  return { kind: 'hops', hops: hops.slice(0, MAX_HOPS) };
}

// MX host names by preference, equal preferences in random order (RFC 5321 section 5.1). Without
// MX records the domain itself is the mail host, which `implicit` marks.
async function lookUpExchanges(domain: string, resolver: MailResolver): Promise<{ hosts: string[]; implicit: boolean } | 'no-domain'> {
  let records: { exchange: string; priority: number }[];
  try {
    records = await resolver.resolveMx(domain);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTFOUND') return 'no-domain';
    if (code !== 'ENODATA') throw error;
    records = [];
  }
  if (records.length === 0) return { hosts: [domain], implicit: true };

  const hosts = records
    .map((record) => ({ ...record, order: Math.random() }))
    .sort((a, b) => a.priority - b.priority || a.order - b.order)
    .map((record) => record.exchange.replace(/\.$/, '').toLowerCase());

  return { hosts, implicit: false };
}

// IPv4 first, since a node without an IPv6 route fails on every IPv6 address.
async function lookUpAddresses(host: string, resolver: MailResolver): Promise<string[]> {
  const [ipv4, ipv6] = await Promise.all([resolveOrEmpty(() => resolver.resolve4(host)), resolveOrEmpty(() => resolver.resolve6(host))]);

  return [...ipv4, ...ipv6];
}

async function resolveOrEmpty(lookup: () => Promise<string[]>): Promise<string[]> {
  try {
    return await lookup();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTFOUND' || code === 'ENODATA') return [];
    throw error;
  }
}
