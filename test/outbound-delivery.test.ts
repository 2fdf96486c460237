import { execFile } from 'node:child_process';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { generate } from 'selfsigned';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { upsertOrganization } from '../src/directory/organization-repository.js';
import { applyDeliveryReport } from '../src/exchange/delivery-reports.js';
import { requestOutboundDelivery } from '../src/exchange/outbound-request.js';
import { loadDkimKey } from '../src/mail/outbound/dkim-keys.js';
import { signingDomainOf } from '../src/mail/outbound/dkim-sign.js';
import type { MailResolver } from '../src/mail/outbound/delivery-hops.js';
import { registerOutboundDelivery, type OutboundDeliveryOptions } from '../src/mail/outbound/outbound-delivery-job.js';
import { parseMessage } from '../src/mail/mime/index.js';
import type { AppContext } from '../src/platform/app-context.js';
import { newId } from '../src/platform/ids.js';
import { JobRunner } from '../src/platform/jobs/job-runner.js';
import { REPOSITORY_ROOT } from './helpers/server-process.js';
import { openTestContext, type TestContext } from './helpers/test-context.js';
import { ManualClock } from './helpers/manual-clock.js';

const run = promisify(execFile);
const CONGVAN = path.join(REPOSITORY_ROOT, 'congvan');
const RETRY_BASE_MS = 30_000;
const HOUR_MS = 3600_000;

// A clock the test moves by hand, read by the job queue and the give-up check.
interface ReceivedMessage {
  from: string;
  to: string[];
  raw: Buffer;
  secure: boolean;
  user: string | null;
}

interface Peer {
  port: number;
  messages: ReceivedMessage[];
  close(): Promise<void>;
}

interface PeerOptions {
  starttls?: boolean;
  /** The reply code for a RCPT TO, or null to accept it. `attempt` counts from 1 per address. */
  rcptReply?: (address: string, attempt: number) => number | null;
  auth?: { user: string; password: string };
  tls?: { key: string; cert: string };
}

/** Starts a receiving SMTP server on loopback in place of another province's mail server. */
async function startPeer(options: PeerOptions = {}): Promise<Peer> {
  const messages: ReceivedMessage[] = [];
  const attempts = new Map<string, number>();
  const disabled = [...(options.starttls ? [] : ['STARTTLS']), ...(options.auth ? [] : ['AUTH'])];

  const settings: SMTPServerOptions = {
    logger: false,
    authOptional: !options.auth,
    disabledCommands: disabled,
    ...(options.tls ?? {}),
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.password) return callback(null, { user: auth.username });
      return callback(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      const attempt = (attempts.get(address.address) ?? 0) + 1;
      attempts.set(address.address, attempt);
      const code = options.rcptReply?.(address.address, attempt) ?? null;
      if (code === null) return callback();
      const text = code >= 500 ? '5.1.1 Mailbox does not exist' : '4.7.1 Try again later';
      return callback(Object.assign(new Error(text), { responseCode: code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks),
          secure: session.secure,
          user: (session.user as string | undefined) ?? null,
        });
        callback(null, 'Queued as TEST1');
      });
    },
  };
  const server = new SMTPServer(settings);

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;

  return { port, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * Starts a peer that offers STARTTLS and then replies to the TLS handshake with plain text, so
 * the handshake fails. Without TLS it accepts any message.
 */
async function startBrokenTlsPeer(): Promise<Peer> {
  const messages: ReceivedMessage[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());

    let pending = Buffer.alloc(0);
    let inData = false;
    socket.write('220 broken-tls.test ESMTP\r\n');
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        if (inData) {
          const end = pending.indexOf('\r\n.\r\n');
          if (end < 0) return;
          messages.push({ from: '', to: [], raw: pending.subarray(0, end + 2), secure: false, user: null });
          pending = pending.subarray(end + 5);
          inData = false;
          socket.write('250 2.0.0 queued\r\n');
          continue;
        }

        const newline = pending.indexOf('\r\n');
        if (newline < 0) return;
        const verb = pending.subarray(0, newline).toString('latin1').slice(0, 4).toUpperCase();
        pending = pending.subarray(newline + 2);

        if (verb === 'EHLO') {
          socket.write('250-broken-tls.test\r\n250 STARTTLS\r\n');
        } else if (verb === 'STAR') {
          socket.write('220 2.0.0 ready\r\n');
          socket.end('this is not a TLS record\r\n');
          return;
        } else if (verb === 'DATA') {
          socket.write('354 go ahead\r\n');
          inData = true;
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
          return;
        } else {
          socket.write('250 2.0.0 ok\r\n');
        }
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });

  return { port, messages, close };
}

/** Returns a loopback port with nothing listening, so connections to it are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function dnsError(code: string): Error {
  return Object.assign(new Error(`query failed: ${code}`), { code });
}

function buildMessage(messageId: string, to: string[]): Buffer {
  const subject = Buffer.from('Công văn số 12/UBND-VP về lịch họp', 'utf8').toString('base64');
  return Buffer.from(
    [
      'From: vanthu@tinh-a.test',
      `To: ${to.join(', ')}`,
      `Subject: =?UTF-8?B?${subject}?=`,
      'Date: Fri, 04 Dec 2026 09:00:00 +0700',
      `Message-ID: <${messageId}>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      'X-CongVan-Number: 12',
      'X-CongVan-Notation: UBND-VP',
      '',
      'Kính gửi: Ủy ban nhân dân tỉnh B.',
      '.Dòng này bắt đầu bằng dấu chấm.',
      '',
    ].join('\r\n'),
    'utf8',
  );
}

let opened: TestContext;
let clock: ManualClock;
let senderId: string;
const peers: Peer[] = [];

/** Gives each test of the enclosing describe a fresh database with the sending organization. */
function useDatabase(): void {
  beforeEach(async () => {
    clock = new ManualClock();
    opened = await openTestContext('congvan-outbound-', { clock });
    senderId = await upsertOrganization(
      opened.ctx.db,
      { code: 'UBND-A', name: 'Ủy ban nhân dân tỉnh A', shortName: 'UBND tỉnh A', kind: 'province', parentCode: null, addresses: ['vanthu@tinh-a.test'] },
      clock.now().toISOString(),
    );
  });

  afterEach(async () => {
    await Promise.all(peers.splice(0).map((peer) => peer.close()));
    await opened.close();
  });
}

async function peer(options: PeerOptions = {}): Promise<Peer> {
  const started = await startPeer(options);
  peers.push(started);
  return started;
}

/** Returns the test's context with extra configuration, loaded the way the server loads it. */
function nodeWith(env: Record<string, string>): AppContext {
  const config = loadConfig({ ...opened.env, CONGVAN_NODE_ID: 'test-node', CONGVAN_HOSTNAME: 'mail.tinh-a.test', ...env });
  return { ...opened.ctx, config };
}

function runnerFor(ctx: AppContext, options: OutboundDeliveryOptions = {}): JobRunner {
  return registerOutboundDelivery(new JobRunner(ctx, { retryBaseMs: RETRY_BASE_MS }), options);
}

/** Inserts a sent dispatch with one remote recipient row per address and returns the recipient ids by address. */
async function createDispatch(ctx: AppContext, messageId: string, addresses: string[]): Promise<Map<string, string>> {
  const now = clock.now().toISOString();
  const dispatchId = newId();
  await ctx.db
    .insertInto('dispatches')
    .values({
      id: dispatchId,
      organization_id: senderId,
      status: 'sent',
      source: 'web',
      type: 'CV',
      number: '12',
      notation: 'UBND-VP',
      subject: 'V/v lịch họp tháng 12',
      urgency: 'normal',
      recipients: JSON.stringify(addresses),
      message_id_header: messageId,
      created_at: now,
      updated_at: now,
      sent_at: now,
    })
    .execute();

  const ids = new Map<string, string>();
  for (const address of addresses) {
    const id = newId();
    await ctx.db
      .insertInto('dispatch_recipients')
      .values({ id, dispatch_id: dispatchId, kind: 'remote', address, name: address, status: 'queued', updated_at: now })
      .execute();
    ids.set(address, id);
  }

  return ids;
}

/** Stores a message to the addresses and queues its delivery, as sending a dispatch does. */
async function sendDispatch(ctx: AppContext, addresses: string[], messageId = `cv-12.${newId()}@tinh-a.test`) {
  const recipientIds = await createDispatch(ctx, messageId, addresses);
  const raw = buildMessage(messageId, addresses);
  const rawSha256 = await ctx.blobs.put(raw);

  await ctx.db.transaction().execute((trx) =>
    requestOutboundDelivery(ctx, trx, {
      rawSha256,
      envelopeFrom: 'vanthu@tinh-a.test',
      recipients: [...recipientIds].map(([address, recipientId]) => ({ recipientId, address })),
    }),
  );

  return { recipientIds, raw };
}

async function statusOf(ctx: AppContext, recipientId: string): Promise<string> {
  const row = await ctx.db.selectFrom('dispatch_recipients').select('status').where('id', '=', recipientId).executeTakeFirstOrThrow();
  return row.status;
}

async function eventsOf(ctx: AppContext, recipientId: string) {
  return ctx.db.selectFrom('dispatch_events').select(['kind', 'detail']).where('recipient_id', '=', recipientId).orderBy('id').execute();
}

async function noticesOf(ctx: AppContext) {
  return ctx.db.selectFrom('notifications').select(['organization_id', 'kind', 'text']).where('organization_id', '=', senderId).orderBy('at').execute();
}

async function outboundJobs(ctx: AppContext) {
  return ctx.db.selectFrom('jobs').select(['status', 'attempts', 'last_error', 'payload']).where('kind', '=', 'outbound-delivery').execute();
}

async function runDnsCommand(domain: string) {
  const env = { ...process.env, ...opened.env, CONGVAN_HOSTNAME: 'mail.tinh-a.test', CONGVAN_LOG_LEVEL: 'warn' };
  return run(CONGVAN, ['dns', domain], { env }).then(
    (result) => ({ code: 0, stdout: result.stdout, stderr: result.stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

/** The character-strings of the DKIM TXT record in `congvan dns` output, as a resolver returns them. */
function dkimTxtOf(zone: string): string[] {
  const line = zone.split('\n').find((entry) => entry.startsWith('congvan._domainkey.tinh-a.test.'));
  return [...(line ?? '').matchAll(/"([^"]*)"/g)].map((match) => match[1]!);
}

describe('outbound delivery', () => {
  useDatabase();

  it('delivers via a route with unchanged, DKIM-signed bytes', async () => {
    const target = await peer();
    const ctx = nodeWith({ CONGVAN_SMTP_ROUTES: `tinh-b.test=127.0.0.1:${target.port}` });
    const { recipientIds, raw } = await sendDispatch(ctx, ['vanthu@tinh-b.test']);

    expect(await runnerFor(ctx).runDue()).toBe(1);

    expect(target.messages).toHaveLength(1);
    const [received] = target.messages;
    const signature = received!.raw.subarray(0, received!.raw.length - raw.length);
    expect(received!.raw.subarray(signature.length).equals(raw)).toBe(true);
    expect(signature.toString('latin1')).toMatch(/^DKIM-Signature: [^]*\r\n$/);
    expect(signature.toString('latin1').match(/^\S/gm)).toHaveLength(1);
    expect(received!.from).toBe('vanthu@tinh-a.test');
    expect(received!.to).toEqual(['vanthu@tinh-b.test']);
    expect(received!.secure).toBe(false);

    const recipientId = recipientIds.get('vanthu@tinh-b.test')!;
    expect(await statusOf(ctx, recipientId)).toBe('delivered');
    const events = await eventsOf(ctx, recipientId);
    expect(events).toHaveLength(1);
    expect(events[0]!.detail).toMatch(/^250 /);
    expect((await outboundJobs(ctx))[0]!.status).toBe('done');

    // The signature verifies against the record `congvan dns` prints for the domain.
    const zone = await runDnsCommand('tinh-a.test');
    expect(zone.code, zone.stderr).toBe(0);
    const txt = dkimTxtOf(zone.stdout);
    const resolver = async (name: string, type: string) => {
      if (name === 'congvan._domainkey.tinh-a.test' && type === 'TXT') return [txt];
      throw dnsError('ENOTFOUND');
    };
    const verified = await dkimVerify(received!.raw, { resolver });
    expect(verified.results).toHaveLength(1);
    expect(verified.results[0]!.status.result).toBe('pass');
    expect(verified.results[0]!.signingDomain).toBe('tinh-a.test');
    const signedFields = /\bh=([^;]+)/.exec(signature.toString('latin1'))![1]!.replace(/\s+/g, '').toLowerCase();
    expect(signedFields.split(':')).toEqual(expect.arrayContaining(['from', 'to', 'subject', 'date', 'message-id', 'x-congvan-number', 'x-congvan-notation']));
  });

  it('uses STARTTLS when the peer offers it', async () => {
    const target = await peer({ starttls: true });
    const ctx = nodeWith({ CONGVAN_SMTP_ROUTES: `*=127.0.0.1:${target.port}` });
    const { recipientIds } = await sendDispatch(ctx, ['vanthu@tinh-b.test']);

    await runnerFor(ctx).runDue();

    expect(target.messages).toHaveLength(1);
    expect(target.messages[0]!.secure).toBe(true);
    expect(await statusOf(ctx, recipientIds.get('vanthu@tinh-b.test')!)).toBe('delivered');
  });

  it('falls back to plaintext when the TLS handshake fails', async () => {
    const target = await startBrokenTlsPeer();
    peers.push(target);
    const ctx = nodeWith({ CONGVAN_SMTP_ROUTES: `tinh-b.test=127.0.0.1:${target.port}` });
    const { recipientIds } = await sendDispatch(ctx, ['vanthu@tinh-b.test']);

    await runnerFor(ctx).runDue();

    expect(target.messages).toHaveLength(1);
    expect(await statusOf(ctx, recipientIds.get('vanthu@tinh-b.test')!)).toBe('delivered');
  });

  it('retries after 451 and then delivers', async () => {
    const target = await peer({ rcptReply: (_address, attempt) => (attempt === 1 ? 451 : null) });
    const ctx = nodeWith({ CONGVAN_SMTP_ROUTES: `tinh-b.test=127.0.0.1:${target.port}` });
    const { recipientIds } = await sendDispatch(ctx, ['vanthu@tinh-b.test']);
    const recipientId = recipientIds.get('vanthu@tinh-b.test')!;
    const runner = runnerFor(ctx);

    await runner.runDue();
    expect(await statusOf(ctx, recipientId)).toBe('queued');
    expect((await eventsOf(ctx, recipientId)).map((event) => event.kind)).toEqual(['delayed']);
    expect((await eventsOf(ctx, recipientId))[0]!.detail).toMatch(/^451 4\.7\.1/);
    const [job] = await outboundJobs(ctx);
    expect(job!.status).toBe('pending');
    expect(job!.last_error).toMatch(/451/);

    clock.advance(RETRY_BASE_MS - 1);
    expect(await runner.runDue()).toBe(0);
    clock.advance(1);
    expect(await runner.runDue()).toBe(1);

    expect(target.messages).toHaveLength(1);
    expect(await statusOf(ctx, recipientId)).toBe('delivered');
    expect((await eventsOf(ctx, recipientId)).map((event) => event.kind)).toEqual(['delayed', 'delivered']);
    expect(await noticesOf(ctx)).toHaveLength(0);
  });

  it('fails a 550 recipient and delivers the other', async () => {
    const target = await peer({ rcptReply: (address) => (address === 'khongco@tinh-b.test' ? 550 : null) });
    const ctx = nodeWith({ CONGVAN_SMTP_ROUTES: `tinh-b.test=127.0.0.1:${target.port}` });
    const { recipientIds } = await sendDispatch(ctx, ['vanthu@tinh-b.test', 'khongco@tinh-b.test']);

    await runnerFor(ctx).runDue();

    expect(target.messages).toHaveLength(1);
    expect(target.messages[0]!.to).toEqual(['vanthu@tinh-b.test']);
    expect(await statusOf(ctx, recipientIds.get('vanthu@tinh-b.test')!)).toBe('delivered');
    const failedId = recipientIds.get('khongco@tinh-b.test')!;
    expect(await statusOf(ctx, failedId)).toBe('failed');
    expect((await eventsOf(ctx, failedId))[0]!.detail).toMatch(/^550 5\.1\.1/);

    const notices = await noticesOf(ctx);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.kind).toBe('delivery-failed');
    expect(notices[0]!.text).toContain('khongco@tinh-b.test');
    expect(notices[0]!.text).toContain('550 5.1.1 Mailbox does not exist');
    expect(notices[0]!.text).toContain('số 12/UBND-VP');
    expect((await outboundJobs(ctx))[0]!.status).toBe('done');
  });

  it('sends a retry only to recipients still queued', async () => {
    const target = await peer({ rcptReply: (address, attempt) => (address === 'cham@tinh-b.test' && attempt === 1 ? 452 : null) });
    const ctx = nodeWith({ CONGVAN_SMTP_ROUTES: `tinh-b.test=127.0.0.1:${target.port}` });
    const { recipientIds } = await sendDispatch(ctx, ['vanthu@tinh-b.test', 'cham@tinh-b.test']);
    const runner = runnerFor(ctx);

    await runner.runDue();
    clock.advance(RETRY_BASE_MS);
    await runner.runDue();

    expect(target.messages.map((message) => message.to)).toEqual([['vanthu@tinh-b.test'], ['cham@tinh-b.test']]);
    expect(await statusOf(ctx, recipientIds.get('cham@tinh-b.test')!)).toBe('delivered');
    expect((await eventsOf(ctx, recipientIds.get('vanthu@tinh-b.test')!)).map((event) => event.kind)).toEqual(['delivered']);
  });

  it('retries a refused connection and gives up after 72 hours', async () => {
    const ctx = nodeWith({ CONGVAN_SMTP_ROUTES: `tinh-b.test=127.0.0.1:${await closedPort()}` });
    const { recipientIds } = await sendDispatch(ctx, ['vanthu@tinh-b.test']);
    const recipientId = recipientIds.get('vanthu@tinh-b.test')!;
    const runner = runnerFor(ctx);

    await runner.runDue();
    expect(await statusOf(ctx, recipientId)).toBe('queued');
    const [job] = await outboundJobs(ctx);
    expect(job!.status).toBe('pending');
    expect(job!.last_error).toMatch(/ECONNREFUSED/);
    expect((await eventsOf(ctx, recipientId))[0]!.detail).toMatch(/route 127\.0\.0\.1:\d+: .*ECONNREFUSED/);

    clock.advance(24 * HOUR_MS);
    await runner.runDue();
    expect(await statusOf(ctx, recipientId)).toBe('queued');

    clock.advance(48 * HOUR_MS);
    await runner.runDue();
    expect(await statusOf(ctx, recipientId)).toBe('failed');
    expect((await eventsOf(ctx, recipientId)).map((event) => event.kind)).toEqual(['delayed', 'delayed', 'failed']);
    expect((await outboundJobs(ctx))[0]!.status).toBe('done');

    const notices = await noticesOf(ctx);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain('sau 72 giờ');
    expect(notices[0]!.text).toContain('vanthu@tinh-b.test');
  });

  it('honours a shorter give-up time', async () => {
    const ctx = nodeWith({ CONGVAN_SMTP_ROUTES: `tinh-b.test=127.0.0.1:${await closedPort()}`, CONGVAN_OUTBOUND_GIVE_UP_HOURS: '2' });
    const { recipientIds } = await sendDispatch(ctx, ['vanthu@tinh-b.test']);
    const runner = runnerFor(ctx);

    await runner.runDue();
    clock.advance(2 * HOUR_MS);
    await runner.runDue();

    expect(await statusOf(ctx, recipientIds.get('vanthu@tinh-b.test')!)).toBe('failed');
    expect((await noticesOf(ctx))[0]!.text).toContain('sau 2 giờ');
  });

  it('finds the MX host through the resolver', async () => {
    const target = await peer();
    const ctx = nodeWith({});
    const resolver: MailResolver = {
      resolveMx: async (domain) => {
        if (domain === 'tinh-c.test') return [{ exchange: 'mx.tinh-c.test', priority: 10 }];
        throw dnsError('ENODATA');
      },
      resolve4: async (host) => {
        if (host === 'mx.tinh-c.test') return ['127.0.0.1'];
        throw dnsError('ENODATA');
      },
      resolve6: async () => {
        throw dnsError('ENODATA');
      },
    };
    const { recipientIds } = await sendDispatch(ctx, ['vanthu@tinh-c.test']);

    await runnerFor(ctx, { resolver, mxPort: target.port }).runDue();

    expect(target.messages).toHaveLength(1);
    expect(await statusOf(ctx, recipientIds.get('vanthu@tinh-c.test')!)).toBe('delivered');
  });

  it('uses the A record of a domain without MX', async () => {
    const target = await peer();
    const ctx = nodeWith({});
    const lookups: string[] = [];
    const resolver: MailResolver = {
      resolveMx: async (domain) => {
        lookups.push(`MX ${domain}`);
        throw dnsError('ENODATA');
      },
      resolve4: async (host) => {
        lookups.push(`A ${host}`);
        return ['127.0.0.1'];
      },
      resolve6: async () => {
        throw dnsError('ENODATA');
      },
    };
    const { recipientIds } = await sendDispatch(ctx, ['vanthu@tinh-d.test']);

    await runnerFor(ctx, { resolver, mxPort: target.port }).runDue();

    expect(lookups).toEqual(['MX tinh-d.test', 'A tinh-d.test']);
    expect(await statusOf(ctx, recipientIds.get('vanthu@tinh-d.test')!)).toBe('delivered');
  });

  it('fails a null MX or missing domain at once', async () => {
    const ctx = nodeWith({});
    const resolver: MailResolver = {
      resolveMx: async (domain) => {
        if (domain === 'khongnhan.test') return [{ exchange: '', priority: 0 }];
        throw dnsError('ENOTFOUND');
      },
      resolve4: async () => {
        throw dnsError('ENODATA');
      },
      resolve6: async () => {
        throw dnsError('ENODATA');
      },
    };
    const { recipientIds } = await sendDispatch(ctx, ['vanthu@khongnhan.test', 'vanthu@khongton.test']);

    await runnerFor(ctx, { resolver }).runDue();

    const nullMx = recipientIds.get('vanthu@khongnhan.test')!;
    const missing = recipientIds.get('vanthu@khongton.test')!;
    expect(await statusOf(ctx, nullMx)).toBe('failed');
    expect(await statusOf(ctx, missing)).toBe('failed');
    expect((await eventsOf(ctx, nullMx))[0]!.detail).toMatch(/null MX/);
    expect((await eventsOf(ctx, missing))[0]!.detail).toMatch(/does not exist/);
    expect(await noticesOf(ctx)).toHaveLength(2);
  });

  it('defers on a DNS server failure', async () => {
    const ctx = nodeWith({});
    const resolver: MailResolver = {
      resolveMx: async () => {
        throw dnsError('ESERVFAIL');
      },
      resolve4: async () => [],
      resolve6: async () => [],
    };
    const { recipientIds } = await sendDispatch(ctx, ['vanthu@tinh-c.test']);

    await runnerFor(ctx, { resolver }).runDue();

    const recipientId = recipientIds.get('vanthu@tinh-c.test')!;
    expect(await statusOf(ctx, recipientId)).toBe('queued');
    expect((await eventsOf(ctx, recipientId))[0]!.detail).toMatch(/ESERVFAIL/);
    expect((await outboundJobs(ctx))[0]!.status).toBe('pending');
  });

  it('authenticates to the smarthost over verified STARTTLS', async () => {
    const pems = await generate([{ name: 'commonName', value: 'relay.test' }], {
      keySize: 2048,
      algorithm: 'sha256',
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    });
    const relay = await peer({ starttls: true, auth: { user: 'relay-user', password: 'p@ss word' }, tls: { key: pems.private, cert: pems.cert } });
    const ctx = nodeWith({ CONGVAN_SMARTHOST: `smtp://relay-user:p%40ss%20word@127.0.0.1:${relay.port}` });
    const { recipientIds } = await sendDispatch(ctx, ['vanthu@tinh-e.test']);

    // Without the relay's certificate among the trust anchors, no password goes out.
    await runnerFor(ctx).runDue();
    expect(relay.messages).toHaveLength(0);
    const recipientId = recipientIds.get('vanthu@tinh-e.test')!;
    expect((await eventsOf(ctx, recipientId))[0]!.detail).toMatch(/smarthost 127\.0\.0\.1:\d+: .*certificate/i);

    clock.advance(RETRY_BASE_MS);
    await runnerFor(ctx, { smarthostCa: pems.cert }).runDue();
    expect(relay.messages).toHaveLength(1);
    expect(relay.messages[0]!.user).toBe('relay-user');
    expect(relay.messages[0]!.secure).toBe(true);
    expect(await statusOf(ctx, recipientId)).toBe('delivered');
  });

  it('skips recipients withdrawn before the attempt', async () => {
    const target = await peer();
    const ctx = nodeWith({ CONGVAN_SMTP_ROUTES: `tinh-b.test=127.0.0.1:${target.port}` });
    const { recipientIds } = await sendDispatch(ctx, ['vanthu@tinh-b.test']);
    await ctx.db.updateTable('dispatch_recipients').set({ status: 'withdrawn' }).where('id', '=', recipientIds.get('vanthu@tinh-b.test')!).execute();

    await runnerFor(ctx).runDue();

    expect(target.messages).toHaveLength(0);
    expect((await outboundJobs(ctx))[0]!.status).toBe('done');
  });

  it('sends a receipt without a recipient row', async () => {
    const target = await peer({ rcptReply: (address) => (address === 'khongco@tinh-b.test' ? 550 : null) });
    const ctx = nodeWith({ CONGVAN_SMTP_ROUTES: `tinh-b.test=127.0.0.1:${target.port}` });
    const raw = buildMessage(`receipt.${newId()}@tinh-a.test`, ['vanthu@tinh-b.test']);
    const rawSha256 = await ctx.blobs.put(raw);
    await ctx.db.transaction().execute(async (trx) => {
      await requestOutboundDelivery(ctx, trx, { rawSha256, envelopeFrom: 'vanthu@tinh-a.test', recipients: [{ recipientId: null, address: 'vanthu@tinh-b.test' }] });
      await requestOutboundDelivery(ctx, trx, { rawSha256, envelopeFrom: 'vanthu@tinh-a.test', recipients: [{ recipientId: null, address: 'khongco@tinh-b.test' }] });
    });

    expect(await runnerFor(ctx).runDue()).toBe(2);

    expect(target.messages.map((message) => message.to)).toEqual([['vanthu@tinh-b.test']]);
    expect((await outboundJobs(ctx)).map((job) => job.status)).toEqual(['done', 'done']);
    expect(await ctx.db.selectFrom('dispatch_events').select('id').execute()).toHaveLength(0);
    expect(await noticesOf(ctx)).toHaveLength(0);
  });
});

describe('delivery status reports', () => {
  useDatabase();

  function buildDsn(originalMessageId: string, recipients: { address: string; action: string; status: string; diagnostic?: string }[]): Buffer {
    const groups = recipients.map((recipient) =>
      [
        `Final-Recipient: rfc822; ${recipient.address}`,
        `Action: ${recipient.action}`,
        `Status: ${recipient.status}`,
        ...(recipient.diagnostic ? [`Diagnostic-Code: smtp; ${recipient.diagnostic}`] : []),
      ].join('\r\n'),
    );
    return Buffer.from(
      [
        'From: MAILER-DAEMON@mx.tinh-b.test',
        'To: vanthu@tinh-a.test',
        'Subject: Undelivered Mail Returned to Sender',
        'Date: Fri, 04 Dec 2026 10:00:00 +0700',
        'Message-ID: <dsn-1@mx.tinh-b.test>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain; charset=us-ascii',
        '',
        'Your message could not be delivered.',
        '',
        '--b1',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.tinh-b.test',
        '',
        groups.join('\r\n\r\n'),
        '',
        '--b1',
        'Content-Type: text/rfc822-headers',
        '',
        'From: vanthu@tinh-a.test',
        `Message-ID: <${originalMessageId}>`,
        'Subject: Cong van so 12',
        '',
        '--b1--',
        '',
      ].join('\r\n'),
    );
  }

  it('marks the reported recipients', async () => {
    const ctx = opened.ctx;
    const recipientIds = await createDispatch(ctx, 'cv-12.dsn@tinh-a.test', ['vanthu@tinh-b.test', 'cham@tinh-b.test', 'ok@tinh-b.test']);
    const parsed = await parseMessage(
      buildDsn('cv-12.dsn@tinh-a.test', [
        { address: 'VanThu@Tinh-B.test', action: 'failed', status: '5.1.1', diagnostic: '550 5.1.1 <vanthu@tinh-b.test>: User unknown' },
        { address: 'cham@tinh-b.test', action: 'delayed', status: '4.4.1' },
        { address: 'ok@tinh-b.test', action: 'relayed', status: '2.0.0' },
      ]),
    );
    expect(parsed.report?.originalMessageId).toBe('cv-12.dsn@tinh-a.test');

    const matched = await ctx.db.transaction().execute((trx) => applyDeliveryReport(ctx, trx, parsed.report!));

    expect(matched).toBe(3);
    const failedId = recipientIds.get('vanthu@tinh-b.test')!;
    expect(await statusOf(ctx, failedId)).toBe('failed');
    expect((await eventsOf(ctx, failedId))[0]!.detail).toBe('550 5.1.1 <vanthu@tinh-b.test>: User unknown');
    expect(await statusOf(ctx, recipientIds.get('cham@tinh-b.test')!)).toBe('queued');
    expect((await eventsOf(ctx, recipientIds.get('cham@tinh-b.test')!)).map((event) => event.kind)).toEqual(['delayed']);
    expect(await statusOf(ctx, recipientIds.get('ok@tinh-b.test')!)).toBe('delivered');

    const notices = await noticesOf(ctx);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain('vanthu@tinh-b.test');
    expect(notices[0]!.text).toContain('User unknown');
  });

  it('matches nothing for an unknown message', async () => {
    const ctx = opened.ctx;
    await createDispatch(ctx, 'cv-12.known@tinh-a.test', ['vanthu@tinh-b.test']);
    const parsed = await parseMessage(buildDsn('other@tinh-a.test', [{ address: 'vanthu@tinh-b.test', action: 'failed', status: '5.1.1' }]));

    const matched = await ctx.db.transaction().execute((trx) => applyDeliveryReport(ctx, trx, parsed.report!));

    expect(matched).toBe(0);
    expect(await noticesOf(ctx)).toHaveLength(0);
  });
});

describe('DKIM keys and DNS records', () => {
  useDatabase();

  it('keeps one key when two nodes create it at once', async () => {
    const nodeB = await opened.openNode('node-b', clock);
    try {
      const [first, second] = await Promise.all([loadDkimKey(opened.ctx, 'tinh-a.test'), loadDkimKey(nodeB, 'TINH-A.test')]);

      expect(first.publicKeyBase64).toBe(second.publicKeyBase64);
      expect(first.selector).toBe('congvan');
      const rows = await opened.ctx.db.selectFrom('settings').select('key').where('key', 'like', 'dkim:%').execute();
      expect(rows.map((row) => row.key)).toEqual(['dkim:tinh-a.test']);
    } finally {
      await nodeB.close();
    }
  });

  it('signs for the From domain', () => {
    const message = (from: string) => Buffer.from(`${from}Subject: x\r\n\r\nx\r\n`);

    expect(signingDomainOf(message('From: "Văn thư, tỉnh X" <VanThu@Tinh-X.test>\r\n'), 'bounce@tinh-y.test')).toBe('tinh-x.test');
    expect(signingDomainOf(message(''), 'bounce@tinh-y.test')).toBe('tinh-y.test');
    expect(signingDomainOf(message('From: undisclosed\r\n'), 'bounce@tinh-y.test')).toBe('tinh-y.test');
  });

  it('congvan dns prints the four records', async () => {
    const result = await runDnsCommand('tinh-a.test');
    expect(result.code, result.stderr).toBe(0);

    const lines = result.stdout.split('\n');
    expect(lines.find((line) => line.startsWith('tinh-a.test.') && line.includes(' MX '))).toMatch(/IN MX\s+10 mail\.tinh-a\.test\.$/);
    expect(lines.find((line) => line.startsWith('tinh-a.test.') && line.includes(' TXT '))).toMatch(/IN TXT\s+"v=spf1 mx -all"$/);
    expect(lines.find((line) => line.startsWith('_dmarc.tinh-a.test.'))).toMatch(/IN TXT\s+"v=DMARC1; p=quarantine; rua=mailto:postmaster@tinh-a\.test"$/);

    const dkim = dkimTxtOf(result.stdout);
    expect(dkim.length).toBeGreaterThan(1);
    for (const part of dkim) expect(part.length).toBeLessThanOrEqual(255);
    const key = await loadDkimKey(opened.ctx, 'tinh-a.test');
    expect(dkim.join('')).toBe(`v=DKIM1; k=rsa; p=${key.publicKeyBase64}`);
  });

  it('congvan dns rejects an unknown or invalid domain', async () => {
    const unknown = await runDnsCommand('tinh-z.test');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No organization has an address at tinh-z.test');
    expect(unknown.stderr).toContain('tinh-a.test');

    const invalid = await runDnsCommand('not a domain');
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('dns needs one domain name');
  });
});

describe('outbound configuration', () => {
  it('reads routes, smarthost, give-up time and selector', () => {
    const config = loadConfig({
      CONGVAN_SMTP_ROUTES: 'tinh-b.test=127.0.0.1:2626, *=[::1]:2525,Tinh-C.test=relay.internal',
      CONGVAN_SMARTHOST: 'smtps://user%40a:p%3Ass@relay.example',
      CONGVAN_OUTBOUND_GIVE_UP_HOURS: '24',
      CONGVAN_DKIM_SELECTOR: 'cv2026',
    });

    expect(config.smtpRoutes).toEqual([
      { domain: 'tinh-b.test', host: '127.0.0.1', port: 2626 },
      { domain: '*', host: '::1', port: 2525 },
      { domain: 'tinh-c.test', host: 'relay.internal', port: 25 },
    ]);
    expect(config.smarthost).toEqual({ implicitTls: true, host: 'relay.example', port: 465, user: 'user@a', password: 'p:ss' });
    expect(config.outboundGiveUpHours).toBe(24);
    expect(config.dkimSelector).toBe('cv2026');
  });

  it('applies the outbound defaults', () => {
    const config = loadConfig({});

    expect(config.smtpRoutes).toEqual([]);
    expect(config.smarthost).toBeNull();
    expect(config.outboundGiveUpHours).toBe(72);
    expect(config.dkimSelector).toBe('congvan');
    expect(loadConfig({ CONGVAN_SMARTHOST: 'smtp://relay.example' }).smarthost).toEqual({ implicitTls: false, host: 'relay.example', port: 587, user: null, password: null });
  });

  it('names the variable of a bad outbound setting', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ CONGVAN_SMTP_ROUTES: 'tinh-b.test' }, /CONGVAN_SMTP_ROUTES: entry "tinh-b.test" is not domain=host:port/],
      [{ CONGVAN_SMTP_ROUTES: 'tinh-b.test=a:99999' }, /CONGVAN_SMTP_ROUTES/],
      [{ CONGVAN_SMTP_ROUTES: 'a.test=h:1,A.test=h:2' }, /CONGVAN_SMTP_ROUTES: domain "a.test" has more than one route/],
      [{ CONGVAN_SMARTHOST: 'http://relay.example' }, /CONGVAN_SMARTHOST/],
      [{ CONGVAN_SMARTHOST: 'smtp://:secret@relay.example' }, /CONGVAN_SMARTHOST: a password needs a user name/],
      [{ CONGVAN_OUTBOUND_GIVE_UP_HOURS: '0' }, /CONGVAN_OUTBOUND_GIVE_UP_HOURS/],
      [{ CONGVAN_DKIM_SELECTOR: 'có dấu' }, /CONGVAN_DKIM_SELECTOR/],
    ];

    for (const [env, message] of cases) {
      expect(() => loadConfig(env), JSON.stringify(env)).toThrow(ConfigError);
      expect(() => loadConfig(env), JSON.stringify(env)).toThrow(message);
    }
  });

  it('keeps the smarthost password out of errors', () => {
    expect(() => loadConfig({ CONGVAN_SMARTHOST: 'ftp://user:secret@relay.example' })).toThrow(/^(?!.*secret)/);
  });
});
