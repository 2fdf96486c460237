import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, pollUntil } from './helpers/api-client.js';
import { clerkLoginFor } from './helpers/directory-lookup.js';
import { startServerProcess, type ServerProcess } from './helpers/server-process.js';
import { swaks } from './helpers/swaks.js';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('documents/expected.json', FIXTURES), 'utf8')) as Record<string, Record<string, unknown>>;

const MAIL_CASES = [
  { file: 'bare-lf-tb-61.eml', document: 'tb-61-ubnd', to: 'sotaichinh@lamdong.gov.vn' },
  { file: 'cp1258-bc-57.eml', document: 'bc-57-ubnd-xa', to: 'sokhcn@lamdong.gov.vn' },
  { file: 'nfd-gm-88.eml', document: 'gm-88-ubnd', to: 'soyte@lamdong.gov.vn' },
  { file: 'split-subject-cv-2214.eml', document: 'cv-2214-syt-dklh', to: 'vanphong@lamdong.gov.vn' },
  { file: 'utf8-cv-1187.eml', document: 'cv-1187-snv', to: 'vanphong@lamdong.gov.vn' },
];

const MAX_MESSAGE_SIZE = 2_000_000;
// Above the 50 concurrent clients of the numbering test, so only the limit test reaches it.
const CONNECTION_LIMIT = 60;

let server: ServerProcess;

beforeAll(async () => {
  server = await startServerProcess({
    CONGVAN_MAX_MESSAGE_SIZE: String(MAX_MESSAGE_SIZE),
    CONGVAN_SMTP_MAX_CONNECTIONS_PER_CLIENT: String(CONNECTION_LIMIT),
  });
});

afterAll(async () => {
  const code = await server?.stop();
  expect(code).toBe(0);
});

async function inboxOf(client: ApiClient, query = '') {
  return client.json<{ items: any[]; total: number }>('GET', `/api/v1/documents?box=incoming&pageSize=200${query}`);
}

describe('SMTP intake with swaks', () => {
  for (const mail of MAIL_CASES) {
    it(`registers ${mail.file} with its metadata`, async () => {
      const sent = await swaks(server.smtpPort, { to: mail.to, file: path.join(new URL('mail/', FIXTURES).pathname, mail.file) });
      expect(sent.code, sent.output).toBe(0);
      expect(sent.output).toMatch(/<- {2}250 2\.0\.0/);

      const clerk = clerkLoginFor(server, mail.to);
      const client = await ApiClient.login(server.baseUrl, clerk.login, clerk.password);
      const want = expected[mail.document]!;

      const item = await pollUntil(async () => (await inboxOf(client)).items.find((candidate) => candidate.number === want.number), 30_000, `${mail.document} in the inbox`);

      expect(item.type).toBe(want.type);
      expect(item.notation).toBe(want.notation);
      expect(item.issuedOn).toBe(want.issuedOn);
      expect(item.place).toBe(want.place);
      expect(String(item.issuer).toLowerCase()).toBe(String(want.issuer).toLowerCase());
      expect(String(item.subject).toLowerCase()).toBe(String(want.subject).toLowerCase());
      expect(item.signer).toBe(want.signer);
      expect(String(item.signerPosition).toLowerCase()).toBe(String(want.signerPosition).toLowerCase());
      expect(item.urgency).toBe(want.urgency);
      expect(item.registerNumber).toBeGreaterThanOrEqual(1);
      expect(item.status).toBe('delivered');

      const detail = await client.json('GET', `/api/v1/documents/${item.id}`);
      const main = detail.attachments.find((attachment: any) => attachment.isMain);
      const source = readFileSync(new URL(`documents/${mail.document}.pdf`, FIXTURES));
      expect(main.size).toBe(source.length);
      expect(main.sha256).toBe(createHash('sha256').update(source).digest('hex'));
      expect(main.filename.normalize('NFC')).toBe(main.filename);

      const download = await client.request('GET', `/api/v1/documents/${item.id}/attachments/${main.id}`);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('application/pdf');
      expect(download.headers.get('content-disposition')).toContain("filename*=UTF-8''");
      expect(Buffer.from(await download.arrayBuffer()).equals(source)).toBe(true);
    });
  }

  it('refuses an unknown recipient with 550', async () => {
    const sent = await swaks(server.smtpPort, { to: 'khongco@lamdong.gov.vn', data: 'Subject: x\r\n\r\nbody\r\n' });
    expect(sent.code).not.toBe(0);
    expect(sent.output).toMatch(/<\*\* 550 5\.1\.1/);
    expect(sent.output).toContain('No such mailbox');
  });

  it('accepts postmaster of a directory domain only', async () => {
    const local = await swaks(server.smtpPort, { to: 'postmaster@lamdong.gov.vn', data: 'Subject: postmaster\r\n\r\nx\r\n' });
    expect(local.code, local.output).toBe(0);
    const foreign = await swaks(server.smtpPort, { to: 'postmaster@example.org', data: 'Subject: postmaster\r\n\r\nx\r\n' });
    expect(foreign.output).toMatch(/<\*\* 550 5\.1\.1/);
  });

  it('accepts a +tag and upper-case recipient', async () => {
    const sent = await swaks(server.smtpPort, { to: 'SoYTe+baocao@LamDong.gov.vn', data: 'Subject: Thử nghiệm tag\r\nMessage-ID: <tag-test@example.test>\r\n\r\nNội dung\r\n' });
    expect(sent.code, sent.output).toBe(0);
  });

  it('refuses an oversize message with 552', async () => {
    const big = `Subject: big\r\n\r\n${'A'.repeat(76).concat('\r\n').repeat(Math.ceil((MAX_MESSAGE_SIZE * 1.5) / 78))}`;
    const file = path.join(server.dataDir, 'oversize.eml');
    writeFileSync(file, big);
    const sent = await swaks(server.smtpPort, { to: 'soyte@lamdong.gov.vn', file });
    expect(sent.output).toMatch(/SIZE \d+/);
    expect(sent.output).toMatch(/<\*\* 552/);
  });

  it('refuses connections past the per-client limit with 421', async () => {
    const sockets: Socket[] = [];
    try {
      const greetings = await Promise.all(
        Array.from({ length: CONNECTION_LIMIT + 1 }, () =>
          new Promise<string>((resolve, reject) => {
            const socket = connect(server.smtpPort, '127.0.0.1');
            sockets.push(socket);
            socket.once('data', (chunk) => resolve(chunk.toString('utf8')));
            socket.once('error', reject);
          }),
        ),
      );
      expect(greetings.filter((greeting) => greeting.startsWith('220'))).toHaveLength(CONNECTION_LIMIT);
      expect(greetings.filter((greeting) => greeting.startsWith('421 4.7.0'))).toHaveLength(1);
    } finally {
      for (const socket of sockets) socket.destroy();
    }
  });

  it('stores an unparseable message byte-exact and flags it', async () => {
    const garbage = Buffer.concat([
      Buffer.from('Subject: =?x-unknown-charset?B?////?=\r\nContent-Type: multipart/mixed; boundary="zzz"\r\nMessage-ID: <garbage-1@example.test>\r\n\r\n--zzz\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n', 'latin1'),
      Buffer.from('%%%% not base64 at all \u00ff\u00fe ~~~~\r\n', 'latin1'),
    ]);
    const file = path.join(server.dataDir, 'garbage.eml');
    writeFileSync(file, garbage);

    const sent = await swaks(server.smtpPort, { to: 'sotaichinh@lamdong.gov.vn', file });
    expect(sent.code, sent.output).toBe(0);
    const messageRowId = /250 2\.0\.0 .*Accepted (\S+)/.exec(sent.output)?.[1];
    expect(messageRowId).toBeTruthy();

    const clerk = clerkLoginFor(server, 'sotaichinh@lamdong.gov.vn');
    const client = await ApiClient.login(server.baseUrl, clerk.login, clerk.password);
    const flagged = await pollUntil(async () => (await client.json<{ items: any[] }>('GET', '/api/v1/flagged')).items.find((item) => item.messageId === messageRowId), 30_000, 'the flagged message');
    expect(flagged.flags.length).toBeGreaterThan(0);

    const inbox = await inboxOf(client);
    expect(inbox.items.some((item) => item.id === flagged.documentId)).toBe(true);
  });

  it('registers a mail with NUL bytes in its body like any other', async () => {
    const data = 'Subject: Thu co ky tu NUL\r\nMessage-ID: <nul-1@example.test>\r\n\r\nV/v ky tu \u0000la trong\u0000 noi dung\r\n';
    const sent = await swaks(server.smtpPort, { to: 'sokhcn@lamdong.gov.vn', data });
    expect(sent.code, sent.output).toBe(0);

    const clerk = clerkLoginFor(server, 'sokhcn@lamdong.gov.vn');
    const client = await ApiClient.login(server.baseUrl, clerk.login, clerk.password);
    const item = await pollUntil(async () => (await inboxOf(client, '&q=ky%20tu%20la')).items[0], 30_000, 'the NUL mail');
    expect(item.flags.map((flag: { code: string }) => flag.code)).not.toContain('processing-failed');
    expect(item.subject).not.toContain('\u0000');
  });

  it('numbers 50 concurrent deliveries to one organization 1..50', async () => {
    const address = 'vanthu.snv@lamdong.gov.vn';
    const clerk = clerkLoginFor(server, address);
    const client = await ApiClient.login(server.baseUrl, clerk.login, clerk.password);
    const before = (await inboxOf(client)).total;

    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        swaks(server.smtpPort, { to: address, data: `Subject: Công văn thử ${index}\r\nMessage-ID: <concurrent-${index}@example.test>\r\n\r\nV/v thử nghiệm số ${index}\r\n` }),
      ),
    );
    for (const result of results) expect(result.code, result.output).toBe(0);

    const inbox = await pollUntil(async () => {
      const current = await inboxOf(client);
      return current.total === before + 50 ? current : null;
    }, 60_000, '50 registered messages');

    const numbers = inbox.items.map((item) => item.registerNumber).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: before + 50 }, (_, index) => index + 1));
  });

  it('discards a message whose client disconnects during DATA', async () => {
    const socket = connect(server.smtpPort, '127.0.0.1');
    const replies: string[] = [];
    socket.on('data', (chunk) => replies.push(chunk.toString('utf8')));
    const replyCount = (count: number) => pollUntil(async () => replies.join('').split('\r\n').filter((line) => /^\d{3} /.test(line)).length >= count, 10_000, `${count} replies`);

    await replyCount(1);
    socket.write('EHLO client.test\r\n');
    await replyCount(2);
    socket.write('MAIL FROM:<a@example.test>\r\nRCPT TO:<soyte@lamdong.gov.vn>\r\nDATA\r\n');
    await replyCount(5);
    socket.write('Subject: cut off\r\nMessage-ID: <cut-off@example.test>\r\n\r\nthe first half of a message');
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(replies.join('')).toContain('354');
    expect(server.output()).not.toContain('storing a message failed');
    expect((await fetch(`${server.baseUrl}/api/v1/health`)).status).toBe(200);
    // A message being received is written to blobs/incoming/ with a folder blob store, and to
    // tmp/ with a database one.
    const folders = ['blobs/incoming', 'tmp'].map((folder) => path.join(server.dataDir, folder)).filter((folder) => existsSync(folder));
    const partialFiles = folders.flatMap((folder) => readdirSync(folder).map((name) => readFileSync(path.join(folder, name), 'latin1')));
    expect(folders).toHaveLength(1);
    expect(partialFiles.some((content) => content.includes('cut-off@example.test'))).toBe(false);
  });

  it('registers the same message delivered twice once', async () => {
    const address = 'sokhcn@lamdong.gov.vn';
    const clerk = clerkLoginFor(server, address);
    const client = await ApiClient.login(server.baseUrl, clerk.login, clerk.password);
    const data = 'Subject: Gửi hai lần\r\nMessage-ID: <twice@example.test>\r\nFrom: a@example.test\r\n\r\nV/v gửi hai lần\r\n';

    await swaks(server.smtpPort, { to: address, data });
    await swaks(server.smtpPort, { to: address, data: `Received: from relay.example.test\r\n${data}` });

    const changed = 'Subject: Gửi hai lần\r\nMessage-ID: <twice@example.test>\r\nFrom: a@example.test\r\n\r\nV/v nội dung khác\r\n';
    await swaks(server.smtpPort, { to: address, data: changed });

    const items = await pollUntil(async () => {
      const found = (await inboxOf(client, '&q=gui%20hai%20lan')).items;
      return found.length >= 2 ? found : null;
    }, 30_000, 'the twice-sent messages');
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const final = (await inboxOf(client, '&q=gui%20hai%20lan')).items;
    expect(final).toHaveLength(2);
    expect(final.some((item: any) => item.flags.some((flag: any) => flag.code === 'message-id-reused'))).toBe(true);
    expect(items.length).toBe(2);
  });
});

describe('SMTP intake order and attachments', () => {
  it('numbers a large message before a small one behind it', async () => {
    const address = 'sotaichinh@lamdong.gov.vn';
    const pdf = readFileSync(new URL('documents/tb-61-ubnd.pdf', FIXTURES));
    const parts = Array.from({ length: 12 }, (_, index) =>
      [
        '--b',
        'Content-Type: application/pdf',
        'Content-Transfer-Encoding: base64',
        `Content-Disposition: attachment; filename="tb-${index}.pdf"`,
        '',
        Buffer.concat([pdf, Buffer.from(`\n% copy ${index}\n`)]).toString('base64').replace(/.{76}/g, '$&\r\n'),
      ].join('\r\n'),
    );
    const large = ['Subject: Nhiều văn bản', 'Message-ID: <order-large@example.test>', 'Content-Type: multipart/mixed; boundary="b"', '', ...parts, '--b--', ''].join('\r\n');
    const largeFile = path.join(server.dataDir, 'order-large.eml');
    writeFileSync(largeFile, large);

    const [largeSent, smallSent] = [await swaks(server.smtpPort, { to: address, file: largeFile }), await swaks(server.smtpPort, { to: address, data: 'Subject: Thư nhỏ sau\r\nMessage-ID: <order-small@example.test>\r\n\r\nV/v thư nhỏ\r\n' })];
    expect(largeSent.code, largeSent.output).toBe(0);
    expect(smallSent.code, smallSent.output).toBe(0);

    const clerk = clerkLoginFor(server, address);
    const client = await ApiClient.login(server.baseUrl, clerk.login, clerk.password);
    const small = await pollUntil(async () => (await inboxOf(client, '&q=thu%20nho%20sau')).items[0], 60_000, 'the small message');
    const large12 = await pollUntil(async () => {
      const found = (await inboxOf(client, '&q=nhieu%20van%20ban')).items;
      return found.length === 12 ? found : null;
    }, 60_000, 'the twelve documents');

    for (const item of large12) expect(item.registerNumber).toBeLessThan(small.registerNumber);
  });

  it('flags an executable sent as a PDF', async () => {
    const address = 'sotaichinh@lamdong.gov.vn';
    const executable = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const data = [
      'Subject: Tệp lạ',
      'Message-ID: <exe-as-pdf@example.test>',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Xem tệp đính kèm',
      '--b',
      'Content-Type: application/pdf',
      'Content-Transfer-Encoding: base64',
      'Content-Disposition: attachment; filename="giay-moi.pdf"',
      '',
      executable.toString('base64'),
      '--b--',
      '',
    ].join('\r\n');
    const sent = await swaks(server.smtpPort, { to: address, data });
    expect(sent.code, sent.output).toBe(0);

    const clerk = clerkLoginFor(server, address);
    const client = await ApiClient.login(server.baseUrl, clerk.login, clerk.password);
    const item = await pollUntil(async () => (await inboxOf(client, '&q=tep%20la')).items[0], 30_000, 'the message');
    expect(item.flags.map((flag: any) => flag.code)).toContain('executable-attachment');

    const flagged = (await client.json<{ items: any[] }>('GET', '/api/v1/flagged')).items.find((candidate) => candidate.documentId === item.id);
    expect(flagged).toBeTruthy();
  });
});
