import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test/helpers/test-context.js';
import { dkimPeer } from '../../../test/helpers/dkim-peer.js';
import { upsertOrganization } from '../../directory/organization-repository.js';
import { processMessage } from './process-message.js';
import { storeRawMessage } from './store-raw-message.js';

const PEER = dkimPeer('tinh-b.test');
// A domain that publishes SPF only: 127.0.0.9 may send for it.
const SPF_ONLY = 'tinh-c.test. 3600 IN TXT "v=spf1 ip4:127.0.0.9 -all"';

let opened: TestContext;
let officeId: string;

beforeEach(async () => {
  opened = await openTestContext('congvan-sender-auth-', { dnsRecords: `${PEER.records}\n${SPF_ONLY}\n` });
  officeId = await upsertOrganization(opened.ctx.db, { code: '000.00.01.H36', name: 'Văn phòng UBND tỉnh', shortName: null, kind: 'office', parentCode: null, addresses: ['vanthu.vp@tinh-a.test'] }, new Date().toISOString());
});

afterEach(async () => {
  await opened.close();
});

function mail(from: string, extraHeaders: string[] = []): Buffer {
  return Buffer.from(
    [
      `From: <${from}>`,
      'To: <vanthu.vp@tinh-a.test>',
      'Subject: V/v báo cáo tình hình',
      `Message-ID: <${Math.random().toString(36).slice(2)}@sender.test>`,
      'Date: Fri, 04 Dec 2026 08:00:00 +0700',
      ...extraHeaders,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Kính gửi Văn phòng UBND tỉnh, xin gửi báo cáo.',
      '',
    ].join('\r\n'),
  );
}

async function receive(raw: Buffer, arrival: { remoteAddress: string; envelopeFrom: string }) {
  const id = await storeRawMessage(opened.ctx, raw, { source: 'smtp', envelopeTo: ['vanthu.vp@tinh-a.test'], recipientOrganizationIds: [officeId], helo: 'client.test', ...arrival });
  await processMessage(opened.ctx, id);

  const row = await opened.ctx.db.selectFrom('messages').select(['flags', 'parsed']).where('id', '=', id).executeTakeFirstOrThrow();
  const parsed = JSON.parse(row.parsed!) as { authentication: Record<string, unknown>; receiptRequest: unknown };
  return { flags: (JSON.parse(row.flags) as { code: string }[]).map((flag) => flag.code), authentication: parsed.authentication, receiptRequest: parsed.receiptRequest };
}

describe('sender authentication on arrival', () => {
  it('proves a From address by the DKIM signature of its organizational domain', async () => {
    // Signed as tinh-b.test, sent from a subdomain that publishes no SPF record of its own.
    const received = await receive(await PEER.sign(mail('vanthu@so-y-te.tinh-b.test')), { remoteAddress: '127.0.0.2', envelopeFrom: 'vanthu@so-y-te.tinh-b.test' });

    expect(received.authentication).toEqual({ fromDomain: 'so-y-te.tinh-b.test', verifiedBy: 'dkim', dkim: 'pass', spf: 'none', dmarc: 'pass', dmarcPolicy: 'quarantine' });
    expect(received.flags).not.toContain('sender-not-authenticated');
  });

  it('proves a From address by an aligned SPF pass', async () => {
    const received = await receive(mail('vanthu@tinh-c.test'), { remoteAddress: '127.0.0.9', envelopeFrom: 'bounces@tinh-c.test' });

    expect(received.authentication).toMatchObject({ fromDomain: 'tinh-c.test', verifiedBy: 'spf', dkim: 'none', spf: 'pass', dmarc: 'none' });
  });

  it('flags unsigned mail whose domain publishes a DMARC policy', async () => {
    const received = await receive(mail('vanthu@so-y-te.tinh-b.test'), { remoteAddress: '127.0.0.2', envelopeFrom: 'vanthu@so-y-te.tinh-b.test' });

    expect(received.authentication).toMatchObject({ verifiedBy: null, dkim: 'none', dmarc: 'fail', dmarcPolicy: 'quarantine' });
    expect(received.flags).toContain('sender-not-authenticated');
  });

  it('flags mail from outside that claims an address of this directory', async () => {
    const received = await receive(mail('vanthu.vp@tinh-a.test'), { remoteAddress: '127.0.0.2', envelopeFrom: 'vanthu.vp@tinh-a.test' });

    expect(received.authentication).toMatchObject({ fromDomain: 'tinh-a.test', verifiedBy: null, dmarc: 'none' });
    expect(received.flags).toContain('sender-not-authenticated');
  });

  it('registers unsigned mail from a domain without a policy, unflagged but unproven', async () => {
    const received = await receive(mail('thu.ky@truong-hoc.example'), { remoteAddress: '127.0.0.2', envelopeFrom: 'thu.ky@truong-hoc.example' });

    expect(received.authentication).toMatchObject({ verifiedBy: null, dkim: 'none', dmarc: 'none' });
    expect(received.flags).not.toContain('sender-not-authenticated');
  });

  it('sends no receipt to an address outside the From domain, and says so', async () => {
    const foreign = await receive(await PEER.sign(mail('vanthu@so-y-te.tinh-b.test', ['Disposition-Notification-To: <hop-thu@ben-thu-ba.example>'])), { remoteAddress: '127.0.0.2', envelopeFrom: 'vanthu@so-y-te.tinh-b.test' });
    expect(foreign.receiptRequest).toBeNull();
    expect(foreign.flags).toContain('receipt-request-ignored');

    const own = await receive(await PEER.sign(mail('vanthu@so-y-te.tinh-b.test', ['Disposition-Notification-To: <vanthu@so-y-te.tinh-b.test>'])), { remoteAddress: '127.0.0.2', envelopeFrom: 'vanthu@so-y-te.tinh-b.test' });
    expect(own.receiptRequest).toMatchObject({ to: 'vanthu@so-y-te.tinh-b.test' });
    expect(own.flags).not.toContain('receipt-request-ignored');
  });
});
