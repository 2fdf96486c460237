import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/api-client.js';
import { startServerProcess, type ServerProcess } from './helpers/server-process.js';
import { swaks } from './helpers/swaks.js';

const MAIL = new URL('./fixtures/mail/utf8-cv-1187.eml', import.meta.url).pathname;

let server: ServerProcess;
let devServer: ServerProcess;

const passwordOf = (target: ServerProcess, login: string) => target.logins.find((candidate) => candidate.login === login)!.password;

function submit(target: ServerProcess, options: { from: string; to: string; login: string; password: string; tls: boolean }) {
  return swaks(target.submissionPort, {
    from: options.from,
    to: options.to,
    file: MAIL,
    extra: [...(options.tls ? ['--tls'] : []), '--auth', 'PLAIN', '--auth-user', options.login, '--auth-password', options.password],
  });
}

beforeAll(async () => {
  [server, devServer] = await Promise.all([startServerProcess(), startServerProcess({ CONGVAN_DEV_PLAIN_AUTH_ON_LOOPBACK: 'true' })]);
});

afterAll(async () => {
  await Promise.all([server?.stop(), devServer?.stop()]);
});

describe('submission port for mail clients', () => {
  it('sends a submitted document like a web dispatch, after STARTTLS and AUTH', async () => {
    const sent = await submit(server, { from: 'vanthu.snv@lamdong.gov.vn', to: 'vanthu.stc@demo.congvan.test', login: 'vanthu.snv', password: passwordOf(server, 'vanthu.snv'), tls: true });

    expect(sent.code, sent.output).toBe(0);
    expect(sent.output).toContain('TLS started');
    expect(sent.output).toMatch(/<~ {2}250 2\.0\.0 Đã gửi, số đăng ký 1/);

    const sender = await ApiClient.login(server.baseUrl, 'vanthu.snv', passwordOf(server, 'vanthu.snv'));
    const [dispatch] = (await sender.json('GET', '/api/v1/dispatches')).items;
    expect(dispatch).toMatchObject({ type: 'CV', number: '1187', notation: 'SNV-CCVC', registerNumber: 1, counts: { total: 1 } });

    const recipient = await ApiClient.login(server.baseUrl, 'vanthu.stc', passwordOf(server, 'vanthu.stc'));
    const inbox = await recipient.json('GET', '/api/v1/documents?box=incoming');
    expect(inbox.items[0]).toMatchObject({ number: '1187', notation: 'SNV-CCVC', issuer: 'Sở Nội vụ', status: 'delivered' });
  });

  it('refuses a From address of another organization with the reason', async () => {
    const sent = await submit(server, { from: 'vanphong@lamdong.gov.vn', to: 'vanthu.stc@demo.congvan.test', login: 'vanthu.snv', password: passwordOf(server, 'vanthu.snv'), tls: true });

    expect(sent.code, sent.output).not.toBe(0);
    expect(sent.output).toMatch(/550 5\.7\.1 <vanphong@lamdong\.gov\.vn>: Địa chỉ này không thuộc cơ quan của tài khoản vanthu\.snv/);
  });

  it('refuses a wrong password', async () => {
    const sent = await submit(server, { from: 'vanthu.snv@lamdong.gov.vn', to: 'vanthu.stc@demo.congvan.test', login: 'vanthu.snv', password: 'sai-mat-khau-roi', tls: true });

    expect(sent.code).not.toBe(0);
    expect(sent.output).toMatch(/535 5\.7\.8/);
  });

  it('refuses AUTH before STARTTLS, even from loopback', async () => {
    const sent = await submit(server, { from: 'vanthu.snv@lamdong.gov.vn', to: 'vanthu.stc@demo.congvan.test', login: 'vanthu.snv', password: passwordOf(server, 'vanthu.snv'), tls: false });

    expect(sent.code).not.toBe(0);
    expect(sent.output).toMatch(/<\*\* 538 .*STARTTLS/);
  });

  it('takes AUTH in clear on loopback only with the development flag', async () => {
    const sent = await submit(devServer, { from: 'vanthu.snv@lamdong.gov.vn', to: 'vanthu.stc@demo.congvan.test', login: 'vanthu.snv', password: passwordOf(devServer, 'vanthu.snv'), tls: false });

    expect(sent.code, sent.output).toBe(0);
    expect(sent.output).not.toContain('TLS started');
  });
});
