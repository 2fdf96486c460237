import nodemailer from 'nodemailer';
import type { NodemailerError } from 'nodemailer/lib/errors';
import type Mail from 'nodemailer/lib/mailer';
import type { SMTPPoolOptions, SMTPPoolSentMessageInfo } from 'nodemailer/lib/smtp-pool';
import type { DeliveryHop } from './delivery-hops.js';

export type DeliveryResult = 'delivered' | 'failed' | 'deferred';

/** The outcome for one envelope recipient, with the server's reply or the local error. */
export interface AddressOutcome {
  address: string;
  result: DeliveryResult;
  reply: string;
}

export interface OutgoingMessage {
  envelopeFrom: string;
  addresses: string[];
  /** Sent byte for byte, except that SMTP needs CRLF line ends and dot-stuffing. */
  raw: Buffer;
}

export interface SmtpClientOptions {
  /** Name sent in EHLO: CONGVAN_HOSTNAME. */
  heloName: string;
  /** Trust anchors (PEM) for the smarthost's certificate in place of the system's, for tests and private CAs. */
  smarthostCa?: string | Buffer;
  connectionTimeoutMs?: number;
}

type Attempt = { kind: 'replied'; outcomes: AddressOutcome[] } | { kind: 'unreachable'; error: NodemailerError };

// Per address, so a dead primary MX holds up the next one for 30 s, not nodemailer's default 2 minutes.
const CONNECTION_TIMEOUT_MS = 30_000;

/**
 * Sends one message to its recipients at one domain, trying the hops in order until a server
 * replies to the transaction. Every address gets an outcome: `delivered` after the 250 to the final
 * dot, `failed` on a permanent reply (5xx), and `deferred` on a temporary reply (4xx) or when no
 * hop could be reached.
 */
export async function deliverOverSmtp(hops: DeliveryHop[], message: OutgoingMessage, options: SmtpClientOptions): Promise<AddressOutcome[]> {
  let lastFailure = 'no mail host to connect to';

  for (const hop of hops) {
    let attempt = await sendOnce(hop, message, options, false);
    if (attempt.kind === 'unreachable' && hop.smarthost === null && mayBeTlsFailure(attempt.error)) {
      attempt = await sendOnce(hop, message, options, true);
    }
    if (attempt.kind === 'replied') return attempt.outcomes;

    lastFailure = `${describeHop(hop)}: ${attempt.error.response ?? attempt.error.message}`;
  }

  return message.addresses.map((address) => ({ address, result: 'deferred', reply: lastFailure }));
}

async function sendOnce(hop: DeliveryHop, message: OutgoingMessage, options: SmtpClientOptions, plaintext: boolean): Promise<Attempt> {
  const lease = plaintext ? freshTransport(hop, options) : pooledTransport(hop, options);
  const { transport } = lease;
  let broken = false;

  try {
    const info = await transport.sendMail({ envelope: { from: message.envelopeFrom, to: message.addresses }, raw: message.raw });
    const outcomes = message.addresses.map((address): AddressOutcome => {
      const rejection = info.rejectedErrors?.find((error) => sameAddress(error.recipient, address));
      if (rejection) return outcomeOfError(address, rejection);
      if (info.accepted.some((accepted) => sameAddress(accepted, address))) return { address, result: 'delivered', reply: info.response };

      return { address, result: 'deferred', reply: `the server sent no reply for this recipient; final reply: ${info.response}` };
    });
    return { kind: 'replied', outcomes };
  } catch (error) {
    const failure = error as NodemailerError;
    // EENVELOPE and EMESSAGE carry the server's reply to MAIL FROM, RCPT TO or DATA.
    if (failure.code !== 'EENVELOPE' && failure.code !== 'EMESSAGE') {
      broken = true;
      return { kind: 'unreachable', error: failure };
    }

    const outcomes = message.addresses.map((address) => {
      const rejection = failure.rejectedErrors?.find((entry) => sameAddress(entry.recipient, address));
      return outcomeOfError(address, rejection ?? failure);
    });
    return { kind: 'replied', outcomes };
  } finally {
    lease.release(broken);
  }
}

type PooledMailer = Mail<SMTPPoolSentMessageInfo, SMTPPoolOptions>;

interface TransportLease {
  transport: PooledMailer;
  /** Gives the transport back; a broken one is closed and not used again. */
  release(broken: boolean): void;
}

// Connections to one host stay open this long after their last message, so a burst of
// dispatches to the same installation pays for the TCP, greeting and STARTTLS only once.
const POOL_IDLE_MS = 5_000;
const POOL_CONNECTIONS_PER_HOST = 4;

const pools = new Map<string, { transport: PooledMailer; idleTimer: NodeJS.Timeout | null; inUse: number }>();

// The plaintext retry after a failed STARTTLS gets a connection of its own, closed after use.
function freshTransport(hop: DeliveryHop, options: SmtpClientOptions): TransportLease {
  const transport = nodemailer.createTransport({ ...transportOptionsOf(hop, options, true), pool: true, maxConnections: 1 });
  return { transport, release: () => transport.close() };
}

function pooledTransport(hop: DeliveryHop, options: SmtpClientOptions): TransportLease {
  const key = JSON.stringify([hop.host, hop.port, hop.serverName, hop.smarthost, options.heloName]);
  let pool = pools.get(key);
  if (!pool) {
    const transport = nodemailer.createTransport({ ...transportOptionsOf(hop, options, false), pool: true, maxConnections: POOL_CONNECTIONS_PER_HOST, maxMessages: 100 });
    pool = { transport, idleTimer: null, inUse: 0 };
    pools.set(key, pool);
  }

  const entry = pool;
  if (entry.idleTimer) clearTimeout(entry.idleTimer);
  entry.inUse++;

  return {
    transport: entry.transport,
    release: (broken) => {
      entry.inUse--;
      if (broken && pools.get(key) === entry) pools.delete(key);
      if (broken && entry.inUse === 0) {
        entry.transport.close();
        return;
      }
      if (entry.inUse > 0) return;

      entry.idleTimer = setTimeout(() => {
        if (pools.get(key) === entry) pools.delete(key);
        entry.transport.close();
      }, POOL_IDLE_MS);
      entry.idleTimer.unref();
    },
  };
}

/** Closes every pooled connection, when the server stops. */
export function closeSmtpPools(): void {
  for (const entry of pools.values()) {
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    entry.transport.close();
  }
  pools.clear();
}

/**
 * MX hosts and routes get opportunistic STARTTLS without certificate checks: their names come
 * from unauthenticated DNS or the operator, so a check would only push mail back to plaintext.
 * The smarthost gets a verified certificate, and STARTTLS is required before its password is sent.
 */
function transportOptionsOf(hop: DeliveryHop, options: SmtpClientOptions, plaintext: boolean) {
  const common = {
    host: hop.host,
    port: hop.port,
    name: options.heloName,
    connectionTimeout: options.connectionTimeoutMs ?? CONNECTION_TIMEOUT_MS,
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
  };

  const smarthost = hop.smarthost;
  if (smarthost === null) {
    return { ...common, secure: false, ignoreTLS: plaintext, opportunisticTLS: true, tls: { rejectUnauthorized: false, servername: hop.serverName ?? undefined } };
  }

  return {
    ...common,
    secure: smarthost.implicitTls,
    requireTLS: !smarthost.implicitTls && smarthost.user !== null,
    tls: { rejectUnauthorized: true, ca: options.smarthostCa },
    auth: smarthost.user === null ? undefined : { user: smarthost.user, pass: smarthost.password ?? '' },
  };
}

// Errors of the TCP connection itself: the server was never reached, so TLS played no part.
const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'ENOTFOUND', 'EAI_AGAIN', 'EDNS']);

/**
 * Opportunistic TLS (RFC 7435) sends in plaintext rather than not at all. Node reports a failed
 * STARTTLS handshake as a plain socket error (ESOCKET, "wrong version number", a reset), so any
 * session that broke after the TCP connection and without an SMTP reply is tried once more
 * without STARTTLS. A failure the second time is reported as usual.
 */
function mayBeTlsFailure(error: NodemailerError): boolean {
  if (error.responseCode !== undefined || error.timeoutType === 'CONNECT_TIMEOUT') return false;

  return !CONNECT_FAILURES.has(error.originalCode ?? error.code ?? '');
}

function outcomeOfError(address: string, error: NodemailerError): AddressOutcome {
  const reply = error.response ?? error.message;
  // `permanent` is set from the reply code: 5xx except 503. Without a reply the client itself
  // refused the envelope (an address it cannot send to), which a retry does not change.
  const permanent = error.permanent ?? error.command === 'API';

  return { address, result: permanent ? 'failed' : 'deferred', reply };
}

function sameAddress(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

function describeHop(hop: DeliveryHop): string {
  const name = hop.serverName ? `${hop.serverName} ` : '';
  return `${hop.via} ${name}${hop.host}:${hop.port}`;
}
