import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const DEFAULT_MAX_MESSAGE_SIZE = 50 * 1024 * 1024;

const DNS_LABEL = '[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?';
const DKIM_SELECTOR = new RegExp(`^${DNS_LABEL}(\\.${DNS_LABEL})*$`, 'i');
const DOMAIN_NAME = new RegExp(`^${DNS_LABEL}(\\.${DNS_LABEL})+$`);

/** Returns whether a lower-case string is a domain name of at least two labels, such as `tinh-a.test`. */
export function isDomainName(value: string): boolean {
  return value.length <= 253 && DOMAIN_NAME.test(value);
}

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

const configSchema = z.object({
  CONGVAN_DATA_DIR: z.string().min(1).default('./data'),
  CONGVAN_HTTP_PORT: port(8080),
  CONGVAN_HTTP_HOST: z.string().min(1).default('0.0.0.0'),
  CONGVAN_SMTP_PORT: port(2525),
  CONGVAN_SUBMISSION_PORT: port(2587),
  CONGVAN_SMTP_HOST: z.string().min(1).default('0.0.0.0'),
  CONGVAN_DATABASE_URL: z.string().min(1).optional(),
  CONGVAN_DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  CONGVAN_DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  CONGVAN_BLOB_STORE: z.string().regex(/^(fs:.+|pg)$/, 'use fs:/path/to/folder or pg').optional(),
  CONGVAN_MAINTENANCE_INTERVAL: z.coerce.number().int().min(1).max(7 * 24 * 3600).default(3600),
  CONGVAN_DEV_PLAIN_AUTH_ON_LOOPBACK: z.enum(['true', 'false', '1', '0']).default('false'),
  CONGVAN_DEMO_DOMAIN: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'use a lower-case domain name such as tinh-a.test').default('demo.congvan.test'),
  CONGVAN_JOB_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  CONGVAN_REMINDER_INTERVAL: z.coerce.number().int().min(1).max(24 * 3600).default(300),
  CONGVAN_JOB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  CONGVAN_NODE_ID: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'use up to 64 letters, digits, dots, dashes or underscores').optional(),
  CONGVAN_MAX_MESSAGE_SIZE: z.coerce.number().int().min(1024).default(DEFAULT_MAX_MESSAGE_SIZE),
  CONGVAN_PUBLIC_URL: z.string().url().optional(),
  CONGVAN_HOSTNAME: z.string().min(1).optional(),
  CONGVAN_TLS_CERT: z.string().min(1).optional(),
  CONGVAN_TLS_KEY: z.string().min(1).optional(),
  CONGVAN_SMTP_MAX_CONNECTIONS_PER_CLIENT: z.coerce.number().int().min(1).default(20),
  CONGVAN_SMTP_ROUTES: z.string().optional(),
  CONGVAN_SMARTHOST: z.string().optional(),
  CONGVAN_DNS_RECORDS: z.string().min(1).optional(),
  CONGVAN_DNS_SERVERS: z.string().min(1).optional(),
  CONGVAN_OUTBOUND_GIVE_UP_HOURS: z.coerce.number().int().min(1).max(30 * 24).default(72),
  CONGVAN_DKIM_SELECTOR: z
    .string()
    .regex(DKIM_SELECTOR, 'use DNS labels: letters, digits and dashes, separated by dots')
    .default('congvan'),
  CONGVAN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CONGVAN_CONFIG_FILE: z.string().min(1).optional(),
});

export interface Config {
  dataDir: string;
  httpHost: string;
  httpPort: number;
  smtpHost: string;
  smtpPort: number;
  submissionPort: number;
  databaseUrl: string;
  databasePoolMax: number;
  databaseStatementTimeoutMs: number;
  /** Blob location: a folder (shared by all nodes when there are several) or PostgreSQL. */
  blobStore: { kind: 'fs'; path: string } | { kind: 'pg' };
  /** Names this process in logs and job leases. */
  nodeId: string;
  /** Background jobs (deliveries, receipts, schedules) one node runs at once. */
  jobConcurrency: number;
  /** How often overdue copies are looked for and reminded, in milliseconds. */
  reminderIntervalMs: number;
  /** Delay before a failed job's first retry, in milliseconds; it doubles with each attempt, up to an hour. */
  jobRetryBaseMs: number;
  /** The mail domain of the demo province's addresses, so two demo installations can differ. */
  demoDomain: string;
  /** Development only: the submission port takes AUTH without STARTTLS from loopback clients. */
  devPlainAuthOnLoopback: boolean;
  /** How often housekeeping runs across all nodes, in milliseconds. */
  maintenanceIntervalMs: number;
  maxMessageSize: number;
  publicUrl: string;
  hostname: string;
  tlsCertFile: string | null;
  tlsKeyFile: string | null;
  maxConnectionsPerClient: number;
  logLevel: string;
  /** Fixed next hops for outbound mail by recipient domain, where `*` matches every other domain. */
  smtpRoutes: SmtpRoute[];
  /** The relay that takes outbound mail for domains without a route, instead of their MX hosts. */
  smarthost: Smarthost | null;
  /** How long outbound delivery retries before the sender gets a non-delivery notice. */
  outboundGiveUpHours: number;
  /** The DKIM selector of keys generated from now on. A stored key keeps the selector it was made with. */
  dkimSelector: string;
  /**
   * Zone-file records this server believes before asking DNS, such as a peer installation's DKIM
   * key on a closed network; re-read when the file changes.
   */
  dnsRecordsFile: string | null;
  /** Name servers for MX, DKIM, SPF and DMARC look-ups: the system's, the listed ones, or none (only dnsRecordsFile). */
  dnsServers: string[] | 'none' | 'system';
}

export interface SmtpRoute {
  /** Lower case, or `*` for every domain without a route of its own. */
  domain: string;
  host: string;
  port: number;
}

export interface Smarthost {
  /** `smtps:` (TLS from the first byte) rather than `smtp:` with STARTTLS. */
  implicitTls: boolean;
  host: string;
  port: number;
  user: string | null;
  password: string | null;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`Invalid configuration: ${variable}: ${detail}`);
  }
}

/**
 * Reads the configuration from the environment, with an optional KEY=VALUE file named by
 * CONGVAN_CONFIG_FILE (or `congvan.env` in the working folder). Environment variables win.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const merged = { ...readConfigFile(env), ...pickCongvanVariables(env) };
  const parsed = configSchema.safeParse(merged);

  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'unknown');
    throw new ConfigError(variable, `${issue.message} (value: ${JSON.stringify(merged[variable as keyof typeof merged] ?? null)})`);
  }

  const values = parsed.data;
  if (Boolean(values.CONGVAN_TLS_CERT) !== Boolean(values.CONGVAN_TLS_KEY)) {
    const missing = values.CONGVAN_TLS_CERT ? 'CONGVAN_TLS_KEY' : 'CONGVAN_TLS_CERT';
    throw new ConfigError(missing, 'set both CONGVAN_TLS_CERT and CONGVAN_TLS_KEY, or neither to use a generated self-signed certificate');
  }

  const dataDir = path.resolve(values.CONGVAN_DATA_DIR);
  const hostname = values.CONGVAN_HOSTNAME ?? 'localhost';
  const databaseUrl = values.CONGVAN_DATABASE_URL ?? `sqlite:${path.join(dataDir, 'congvan.sqlite')}`;

  return {
    dataDir,
    httpHost: values.CONGVAN_HTTP_HOST,
    httpPort: values.CONGVAN_HTTP_PORT,
    smtpHost: values.CONGVAN_SMTP_HOST,
    smtpPort: values.CONGVAN_SMTP_PORT,
    submissionPort: values.CONGVAN_SUBMISSION_PORT,
    databaseUrl,
    databasePoolMax: values.CONGVAN_DATABASE_POOL_MAX,
    databaseStatementTimeoutMs: values.CONGVAN_DATABASE_STATEMENT_TIMEOUT_MS,
    blobStore: blobStoreOf(values.CONGVAN_BLOB_STORE, dataDir, databaseUrl),
    maintenanceIntervalMs: values.CONGVAN_MAINTENANCE_INTERVAL * 1000,
    devPlainAuthOnLoopback: values.CONGVAN_DEV_PLAIN_AUTH_ON_LOOPBACK === 'true' || values.CONGVAN_DEV_PLAIN_AUTH_ON_LOOPBACK === '1',
    demoDomain: values.CONGVAN_DEMO_DOMAIN,
    jobRetryBaseMs: values.CONGVAN_JOB_RETRY_BASE_SECONDS * 1000,
    reminderIntervalMs: values.CONGVAN_REMINDER_INTERVAL * 1000,
    jobConcurrency: values.CONGVAN_JOB_CONCURRENCY,
    nodeId: values.CONGVAN_NODE_ID ?? `${os.hostname().split('.')[0]}-${process.pid}`,
    maxMessageSize: values.CONGVAN_MAX_MESSAGE_SIZE,
    publicUrl: values.CONGVAN_PUBLIC_URL ?? `http://${hostname}:${values.CONGVAN_HTTP_PORT}`,
    hostname,
    tlsCertFile: values.CONGVAN_TLS_CERT ?? null,
    tlsKeyFile: values.CONGVAN_TLS_KEY ?? null,
    maxConnectionsPerClient: values.CONGVAN_SMTP_MAX_CONNECTIONS_PER_CLIENT,
    logLevel: values.CONGVAN_LOG_LEVEL,
    smtpRoutes: parseSmtpRoutes(values.CONGVAN_SMTP_ROUTES),
    smarthost: parseSmarthost(values.CONGVAN_SMARTHOST),
    outboundGiveUpHours: values.CONGVAN_OUTBOUND_GIVE_UP_HOURS,
    dkimSelector: values.CONGVAN_DKIM_SELECTOR.toLowerCase(),
    dnsRecordsFile: values.CONGVAN_DNS_RECORDS ? path.resolve(values.CONGVAN_DNS_RECORDS) : null,
    dnsServers: parseDnsServers(values.CONGVAN_DNS_SERVERS),
  };
}

// An IPv4 address, or an IPv6 address in brackets, with an optional port.
const DNS_SERVER_ENTRY = /^(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/i;

/** Reads `none`, or name-server addresses separated by commas such as `10.0.0.53,[fd00::53]:5353`. */
function parseDnsServers(setting: string | undefined): string[] | 'none' | 'system' {
  if (setting === undefined || setting.trim() === 'system') return 'system';
  if (setting.trim() === 'none') return 'none';

  return setting.split(',').map((part) => part.trim()).filter((part) => part !== '').map((entry) => {
    const match = DNS_SERVER_ENTRY.exec(entry);
    const port = Number(match?.[2] ?? 53);
    if (!match || port < 1 || port > 65535) {
      throw new ConfigError('CONGVAN_DNS_SERVERS', `entry "${entry}" is not an IP address with an optional port; write e.g. 10.0.0.53 or [fd00::53]:5353, or none to use only CONGVAN_DNS_RECORDS`);
    }
    return entry;
  });
}

// domain=host:port, with an IPv6 host in brackets and port 25 when none is given.
const SMTP_ROUTE_ENTRY = /^([^=\s]+)=(\[[0-9a-f:.]+\]|[^:\s[\]]+)(?::(\d{1,5}))?$/i;

/** Reads `domain=host:port` entries separated by commas, such as `tinh-b.test=127.0.0.1:2626,*=relay.internal:25`. */
function parseSmtpRoutes(setting: string | undefined): SmtpRoute[] {
  if (setting === undefined) return [];

  const routes: SmtpRoute[] = [];
  for (const entry of setting.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    const match = SMTP_ROUTE_ENTRY.exec(entry);
    if (!match) throw invalidSmtpRoute(entry);

    const domain = match[1]!.toLowerCase();
    const port = Number(match[3] ?? 25);
    if (!(domain === '*' || isDomainName(domain)) || port < 1 || port > 65535) throw invalidSmtpRoute(entry);
    if (routes.some((route) => route.domain === domain)) {
      throw new ConfigError('CONGVAN_SMTP_ROUTES', `domain "${domain}" has more than one route; keep one entry per domain`);
    }

    routes.push({ domain, host: match[2]!.replace(/^\[(.*)\]$/, '$1'), port });
  }

  return routes;
}

function invalidSmtpRoute(entry: string): ConfigError {
  return new ConfigError('CONGVAN_SMTP_ROUTES', `entry "${entry}" is not domain=host:port; write e.g. tinh-b.test=127.0.0.1:2626, or *=relay.internal:25 for every other domain`);
}

/** Reads `smtp://user:password@host:port` (STARTTLS, port 587 by default) or `smtps://…` (port 465). */
function parseSmarthost(setting: string | undefined): Smarthost | null {
  if (setting === undefined) return null;

  let url: URL;
  try {
    url = new URL(setting);
  } catch {
    throw new ConfigError('CONGVAN_SMARTHOST', 'not a URL; write smtp://user:password@relay.example:587 or smtps://user:password@relay.example:465');
  }
  if ((url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || url.hostname === '' || (url.pathname !== '' && url.pathname !== '/')) {
    throw new ConfigError('CONGVAN_SMARTHOST', `${url.protocol}//${url.host}${url.pathname} is not smtp://host:port or smtps://host:port`);
  }
  if (url.password !== '' && url.username === '') {
    throw new ConfigError('CONGVAN_SMARTHOST', 'a password needs a user name: smtp://user:password@host:port');
  }

  const implicitTls = url.protocol === 'smtps:';
  const defaultPort = implicitTls ? 465 : 587;

  return {
    implicitTls,
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? defaultPort : Number(url.port),
    user: url.username === '' ? null : decodeURIComponent(url.username),
    password: url.password === '' ? null : decodeURIComponent(url.password),
  };
}

function blobStoreOf(setting: string | undefined, dataDir: string, databaseUrl: string): Config['blobStore'] {
  if (setting === undefined) return { kind: 'fs', path: path.join(dataDir, 'blobs') };

  if (setting === 'pg') {
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
      throw new ConfigError('CONGVAN_BLOB_STORE', 'pg keeps blobs in PostgreSQL, so CONGVAN_DATABASE_URL must be a postgres:// URL; use fs:/path with SQLite');
    }
    return { kind: 'pg' };
  }

  return { kind: 'fs', path: path.resolve(setting.slice('fs:'.length)) };
}

function pickCongvanVariables(env: NodeJS.ProcessEnv): Record<string, string> {
  const picked: Record<string, string> = {};

  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith('CONGVAN_') && value !== undefined && value !== '') {
      picked[key] = value;
    }
  }

  return picked;
}

function readConfigFile(env: NodeJS.ProcessEnv): Record<string, string> {
  const file = env.CONGVAN_CONFIG_FILE ?? (existsSync('congvan.env') ? 'congvan.env' : null);
  if (!file) return {};

  if (!existsSync(file)) {
    throw new ConfigError('CONGVAN_CONFIG_FILE', `file not found: ${file}`);
  }

  const values: Record<string, string> = {};
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);

  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;

    const match = /^([A-Z0-9_]+)\s*=\s*(.*)$/.exec(trimmed);
    if (!match) {
      throw new ConfigError('CONGVAN_CONFIG_FILE', `${file} line ${index + 1} is not KEY=VALUE: ${trimmed}`);
    }
    values[match[1]!] = match[2]!.replace(/^"(.*)"$/, '$1');
  });

  return values;
}
