import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, pollUntil } from './helpers/api-client.js';
import { REPOSITORY_ROOT, startServerProcess, type ServerProcess } from './helpers/server-process.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

// Two Công Văn installations on loopback, each routing the other's domain to its SMTP port.
const PDF = readFileSync(new URL('./fixtures/documents/cv-2214-syt-dklh.pdf', import.meta.url));
const OFFICE_A = 'Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng';
const HEALTH_B = 'vanthu.syt@tinh-b.test';

interface Installation {
  domain: string;
  dataDir: string;
  /** What this installation believes about the other's DNS (CONGVAN_DNS_RECORDS). */
  recordsFile: string;
  database: TestDatabase;
  smtpPort: number;
  env: Record<string, string>;
  server: ServerProcess | null;
  logins: ServerProcess['logins'];
}

let a: Installation;
let b: Installation;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function prepare(domain: string, smtpPort: number, routes: string): Promise<Installation> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `congvan-${domain}-`));
  const database = await createTestDatabase();
  const recordsFile = path.join(dataDir, 'peer-records.zone');
  writeFileSync(recordsFile, '');
  const env = {
    CONGVAN_DATA_DIR: dataDir,
    CONGVAN_DNS_RECORDS: recordsFile,
    ...database.env,
    CONGVAN_SMTP_PORT: String(smtpPort),
    CONGVAN_DEMO_DOMAIN: domain,
    CONGVAN_HOSTNAME: `mx.${domain}`,
    CONGVAN_SMTP_ROUTES: routes,
    CONGVAN_JOB_RETRY_BASE_SECONDS: '1',
  };
  return { domain, dataDir, recordsFile, database, smtpPort, env, server: null, logins: [] };
}

/**
 * Publishes `from`'s records to `to` as an administrator would on a closed network: the output
 * of `congvan dns` plus the MX host's address, into the other side's CONGVAN_DNS_RECORDS file,
 * which the running server picks up without a restart.
 */
async function publishRecords(from: Installation, to: Installation): Promise<void> {
  const { stdout } = await promisify(execFile)(path.join(REPOSITORY_ROOT, 'congvan'), ['dns', from.domain], { env: { ...process.env, ...from.env } });
  expect(stdout).toContain(`congvan._domainkey.${from.domain}.`);
  writeFileSync(to.recordsFile, `${stdout}mx.${from.domain}. 3600 IN A 127.0.0.1\n`);
}

async function start(installation: Installation): Promise<ServerProcess> {
  installation.server = await startServerProcess(installation.env);
  if (installation.server.logins.length > 0) installation.logins = installation.server.logins;
  return installation.server;
}

async function stop(installation: Installation): Promise<void> {
  await installation.server?.stop();
  installation.server = null;
}

function clerk(installation: Installation, login: string): Promise<ApiClient> {
  const password = installation.logins.find((candidate) => candidate.login === login)!.password;
  return ApiClient.login(installation.server!.baseUrl, login, password);
}

function dispatchForm(subject: string, number: string, recipients: string[]): FormData {
  const form = new FormData();
  form.set('metadata', JSON.stringify({ type: 'CV', number, notation: 'VP-KGVX', issuedOn: '2026-12-04', place: 'Lâm Đồng', subject, signer: 'Lê Thị Thu', signerPosition: 'Phó Chánh Văn phòng', urgency: 'urgent' }));
  form.set('recipients', JSON.stringify(recipients));
  form.append('document', new Blob([new Uint8Array(PDF)]), 'Cong van.pdf');
  return form;
}

async function send(sender: ApiClient, subject: string, number: string, recipients: string[]): Promise<string> {
  const response = await sender.form('POST', '/api/v1/dispatches', dispatchForm(subject, number, recipients));
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function sendRaw(port: number, from: string, to: string, raw: string, localAddress: string): Promise<void> {
  const transport = createTransport({ host: '127.0.0.1', port, localAddress, secure: false, ignoreTLS: true });
  await transport.sendMail({ envelope: { from, to: [to] }, raw });
  transport.close();
}

async function recipientOf(sender: ApiClient, dispatchId: string) {
  const dispatch = await sender.json('GET', `/api/v1/dispatches/${dispatchId}`);
  return dispatch.deliveries[0] as { status: string; events: { kind: string; detail: string | null }[] };
}

beforeAll(async () => {
  const [portA, portB] = [await freePort(), await freePort()];
  a = await prepare('tinh-a.test', portA, `tinh-b.test=127.0.0.1:${portB}`);
  b = await prepare('tinh-b.test', portB, `tinh-a.test=127.0.0.1:${portA}`);
  await Promise.all([start(a), start(b)]);
  await Promise.all([publishRecords(a, b), publishRecords(b, a)]);
  // The servers look at their records file at most once a second.
  await new Promise((resolve) => setTimeout(resolve, 1_100));
});

afterAll(async () => {
  for (const installation of [a, b]) {
    if (!installation) continue;
    await stop(installation);
    await installation.database.drop();
    rmSync(installation.dataDir, { recursive: true, force: true });
  }
});

describe('two installations exchanging documents', () => {
  let dispatchId: string;

  it('registers a dispatch from A in B with the exact metadata', async () => {
    const office = await clerk(a, 'vanthu.vp');
    dispatchId = await send(office, 'V/v phối hợp kiểm tra an toàn thực phẩm dịp Tết Nguyên đán', '77', [HEALTH_B]);

    const delivered = await pollUntil(async () => {
      const recipient = await recipientOf(office, dispatchId);
      return recipient.status === 'delivered' ? recipient : null;
    }, 30_000, 'delivery to B');
    expect(delivered.events.map((event) => event.kind)).toEqual(['queued', 'delivered']);

    const health = await clerk(b, 'vanthu.syt');
    const item = await pollUntil(async () => (await health.json('GET', '/api/v1/documents?box=incoming&q=an%20toan%20thuc%20pham')).items[0], 30_000, 'the document in B');
    expect(item).toMatchObject({
      type: 'CV',
      number: '77',
      notation: 'VP-KGVX',
      issuedOn: '2026-12-04',
      issuer: OFFICE_A,
      subject: 'V/v phối hợp kiểm tra an toàn thực phẩm dịp Tết Nguyên đán',
      signer: 'Lê Thị Thu',
      urgency: 'urgent',
      registerNumber: 1,
    });

    const detail = await health.json('GET', `/api/v1/documents/${item.id}`);
    expect(detail.fields.subject).toMatchObject({ confidence: 1, source: 'sender' });
    expect(detail.message.authentication).toMatchObject({ fromDomain: 'tinh-a.test', verifiedBy: 'dkim', dkim: 'pass', spf: 'pass', dmarc: 'pass', dmarcPolicy: 'quarantine' });
    const main = detail.attachments.find((attachment: { isMain: boolean }) => attachment.isMain);
    const bytes = Buffer.from(await (await health.request('GET', `/api/v1/documents/${item.id}/attachments/${main.id}`)).arrayBuffer());
    expect(bytes.equals(PDF)).toBe(true);
  });

  it('shows B’s acceptance in A’s dispatch', async () => {
    const health = await clerk(b, 'vanthu.syt');
    const [item] = (await health.json('GET', '/api/v1/documents?box=incoming&q=an%20toan%20thuc%20pham')).items;
    await health.json('POST', `/api/v1/documents/${item.id}/accept`);

    const office = await clerk(a, 'vanthu.vp');
    const accepted = await pollUntil(async () => {
      const recipient = await recipientOf(office, dispatchId);
      return recipient.status === 'accepted' ? recipient : null;
    }, 30_000, 'the acceptance in A');
    expect(accepted.events.at(-1)).toMatchObject({ kind: 'accepted', detail: 'Số đến: 1' });
  });

  it('applies no receipt that B did not sign', async () => {
    const office = await clerk(a, 'vanthu.vp');
    const target = await send(office, 'V/v báo nhận giả mạo', '81', [HEALTH_B]);
    await pollUntil(async () => (await recipientOf(office, target)).status === 'delivered', 30_000, 'delivery to B');
    const health = await clerk(b, 'vanthu.syt');
    const copy = await pollUntil(async () => (await health.json('GET', '/api/v1/documents?box=incoming&q=bao%20nhan%20gia%20mao')).items[0], 30_000, 'the document in B');
    const messageId = (await health.json('GET', `/api/v1/documents/${copy.id}`)).message.messageId as string;
    expect(messageId).toMatch(/@tinh-a\.test$/);

    // Sent straight to A's SMTP port in B's name, without B's signature and from an address B's
    // SPF record does not list (127.0.0.2; B's MX host is 127.0.0.1).
    const forged = [
      `From: <${HEALTH_B}>`,
      'To: <vanthu.vp@tinh-a.test>',
      'Subject: Đã tiếp nhận',
      'Message-ID: <forged-receipt@attacker.test>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=disposition-notification; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Đã tiếp nhận.',
      '--b',
      'Content-Type: message/disposition-notification',
      '',
      `Final-Recipient: rfc822;${HEALTH_B}`,
      `Original-Message-ID: <${messageId}>`,
      'Disposition: manual-action/MDN-sent-manually; processed',
      '',
      '--b--',
      '',
    ].join('\r\n');
    await sendRaw(a.smtpPort, HEALTH_B, 'vanthu.vp@tinh-a.test', forged, '127.0.0.2');

    await pollUntil(async () => {
      const flagged = await office.json('GET', '/api/v1/flagged');
      return JSON.stringify(flagged).includes('unauthenticated-receipt') ? flagged : null;
    }, 30_000, 'the flagged receipt in A');
    expect((await recipientOf(office, target)).status).toBe('delivered');
  });

  it('queues while B is stopped and delivers once B is back', async () => {
    await stop(b);
    const office = await clerk(a, 'vanthu.vp');
    const waiting = await send(office, 'V/v gửi khi tỉnh B tạm dừng máy chủ', '78', [HEALTH_B]);

    const delayed = await pollUntil(async () => {
      const recipient = await recipientOf(office, waiting);
      return recipient.events.some((event) => event.kind === 'delayed') ? recipient : null;
    }, 30_000, 'a delayed attempt');
    expect(delayed.status).toBe('queued');

    await start(b);
    await pollUntil(async () => (await recipientOf(office, waiting)).status === 'delivered', 60_000, 'delivery after B restarted');

    const health = await clerk(b, 'vanthu.syt');
    const item = await pollUntil(async () => (await health.json('GET', '/api/v1/documents?box=incoming&q=tam%20dung')).items[0], 30_000, 'the document in B');
    expect(item).toMatchObject({ number: '78', registerNumber: 3 });
  });

  it('marks the copy failed and tells the sender when B refuses with 5xx', async () => {
    const office = await clerk(a, 'vanthu.vp');
    const refused = await send(office, 'V/v gửi tới hộp thư không tồn tại', '79', ['khongco@tinh-b.test']);

    const failed = await pollUntil(async () => {
      const recipient = await recipientOf(office, refused);
      return recipient.status === 'failed' ? recipient : null;
    }, 30_000, 'the refusal');
    expect(failed.events.at(-1)!.detail).toMatch(/550 5\.1\.1/);

    const notices = await office.json('GET', '/api/v1/notifications');
    expect(notices.items.some((notice: { text: string }) => notice.text.includes('khongco@tinh-b.test'))).toBe(true);
  });

  it('recalls a delivered copy in B by mail', async () => {
    const office = await clerk(a, 'vanthu.vp');
    const recalled = await send(office, 'V/v văn bản sẽ bị thu hồi', '80', [HEALTH_B]);
    await pollUntil(async () => (await recipientOf(office, recalled)).status === 'delivered', 30_000, 'delivery to B');

    const health = await clerk(b, 'vanthu.syt');
    const item = await pollUntil(async () => (await health.json('GET', '/api/v1/documents?box=incoming&q=se%20bi%20thu%20hoi')).items[0], 30_000, 'the document in B');
    expect(item.status).toBe('delivered');

    const withdrawn = await office.json('POST', `/api/v1/dispatches/${recalled}/withdraw`, { reason: 'Văn bản ban hành nhầm' });
    expect(withdrawn.withdrawn).toBe(1);

    await pollUntil(async () => (await health.json(`GET`, `/api/v1/documents/${item.id}`)).status === 'withdrawn', 30_000, 'the recall in B');
    const notices = await health.json('GET', '/api/v1/notifications');
    expect(notices.items.some((notice: { text: string }) => notice.text.includes('Văn bản ban hành nhầm'))).toBe(true);
  });
});

