import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { upsertOrganization } from '../directory/organization-repository.js';
import type { User } from '../directory/user-repository.js';
import { processMessage } from '../mail/inbound/process-message.js';
import { storeRawMessage } from '../mail/inbound/store-raw-message.js';
import type { AppContext } from '../platform/app-context.js';
import { prepareFiles } from './dispatch-files.js';
import { dispatchMetadataSchema } from './dispatch-metadata.js';
import { recordRecipientEvent } from './recipient-status.js';
import { sendDispatch } from './send-dispatch.js';
import { dkimPeer } from '../../test/helpers/dkim-peer.js';

const PDF = readFileSync(new URL('../../test/fixtures/documents/tb-61-ubnd.pdf', import.meta.url));
const REMOTE = 'vanthu@so-y-te.tinh-b.test';
const PEER = dkimPeer('tinh-b.test');

let opened: TestContext;
let ctx: AppContext;
let senderId: string;
let messageId: string;
let recipientId: string;

beforeEach(async () => {
  opened = await openTestContext('congvan-receipts-', { dnsRecords: PEER.records });
  ctx = opened.ctx;
  senderId = await upsertOrganization(ctx.db, { code: '000.00.01.H36', name: 'Văn phòng UBND tỉnh', shortName: null, kind: 'office', parentCode: null, addresses: ['vanthu.vp@tinh-a.test'] }, new Date().toISOString());
  const clerk: User = { id: 'clerk-vp', login: 'vanthu.vp', fullName: 'Nguyễn Văn Thư', email: null, organizationId: senderId, roles: ['clerk'], disabled: false };

  const sent = await sendDispatch(ctx, clerk, {
    metadata: dispatchMetadataSchema.parse({ type: 'TB', notation: 'VP', subject: 'Thông báo kết luận giao ban' }),
    recipients: [REMOTE],
    files: prepareFiles([{ filename: 'thong-bao.pdf', content: PDF, role: 'document' }]),
    source: 'api',
  });
  const dispatch = await ctx.db.selectFrom('dispatches').select('message_id_header').where('id', '=', sent.id).executeTakeFirstOrThrow();
  messageId = dispatch.message_id_header!;
  recipientId = (await ctx.db.selectFrom('dispatch_recipients').select('id').where('dispatch_id', '=', sent.id).executeTakeFirstOrThrow()).id;
  await ctx.db.transaction().execute((trx) => recordRecipientEvent(ctx, trx, recipientId, 'delivered'));
});

afterEach(async () => {
  await opened.close();
});

// A disposition notification as Thunderbird writes it (RFC 8098), without Công Văn's own part.
function plainMdn(originalMessageId: string, disposition: string, from = REMOTE): Buffer {
  return Buffer.from(
    [
      `From: <${from}>`,
      'To: <vanthu.vp@tinh-a.test>',
      'Subject: Return Receipt (displayed) - Thông báo',
      'Message-ID: <mdn-1@so-y-te.tinh-b.test>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=disposition-notification; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'This is a Return Receipt for the mail that you sent.',
      '--b',
      'Content-Type: message/disposition-notification',
      '',
      'Reporting-UA: so-y-te.tinh-b.test; Thunderbird 128.0',
      `Final-Recipient: rfc822;${REMOTE}`,
      `Original-Message-ID: <${originalMessageId}>`,
      `Disposition: manual-action/MDN-sent-manually; ${disposition}`,
      '',
      '--b--',
      '',
    ].join('\r\n'),
  );
}

async function receive(unsigned: Buffer, signed = true): Promise<string> {
  const raw = signed ? await PEER.sign(unsigned) : unsigned;
  const id = await storeRawMessage(ctx, raw, { source: 'smtp', envelopeFrom: REMOTE, envelopeTo: ['vanthu.vp@tinh-a.test'], recipientOrganizationIds: [senderId], remoteAddress: null, helo: null });
  await processMessage(ctx, id);
  return id;
}

const statusOf = async () => (await ctx.db.selectFrom('dispatch_recipients').select('status').where('id', '=', recipientId).executeTakeFirstOrThrow()).status;

describe('incoming receipts', () => {
  it('read a plain MDN: displayed means read, processed means accepted', async () => {
    await receive(plainMdn(messageId, 'displayed'));
    expect(await statusOf()).toBe('read');

    await receive(plainMdn(messageId, 'processed'));
    expect(await statusOf()).toBe('accepted');
  });

  it('keep and flag a receipt that matches no dispatch', async () => {
    const id = await receive(plainMdn('khong-co@tinh-a.test', 'processed'));

    const message = await ctx.db.selectFrom('messages').select(['processing_status', 'flags']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(message.processing_status).toBe('processed');
    expect(JSON.parse(message.flags).map((flag: { code: string }) => flag.code)).toContain('unmatched-receipt');
    expect(await statusOf()).toBe('delivered');
  });

  it('ignore a receipt sent by anyone but the recipient', async () => {
    const id = await receive(plainMdn(messageId, 'processed', 'ke-gia-mao@tinh-b.test'));

    expect(await statusOf()).toBe('delivered');
    const message = await ctx.db.selectFrom('messages').select('flags').where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.parse(message.flags).map((flag: { code: string }) => flag.code)).toContain('unmatched-receipt');
  });

  it('ignore a receipt in the recipient\'s name that no signature proves', async () => {
    const id = await receive(plainMdn(messageId, 'processed'), false);

    expect(await statusOf()).toBe('delivered');
    const message = await ctx.db.selectFrom('messages').select(['flags', 'parsed']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.parse(message.flags).map((flag: { code: string }) => flag.code)).toContain('unauthenticated-receipt');
    expect(JSON.parse(message.parsed!).authentication).toMatchObject({ fromDomain: 'so-y-te.tinh-b.test', verifiedBy: null, dkim: 'none' });
  });

  it('ignore a receipt whose signature does not match its content', async () => {
    const signed = (await PEER.sign(plainMdn(messageId, 'displayed'))).toString('latin1');
    const tampered = Buffer.from(signed.replace('manual-action/MDN-sent-manually; displayed', 'manual-action/MDN-sent-manually; processed'), 'latin1');

    const id = await receive(tampered, false);

    expect(await statusOf()).toBe('delivered');
    const message = await ctx.db.selectFrom('messages').select(['flags', 'parsed']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.parse(message.flags).map((flag: { code: string }) => flag.code)).toContain('unauthenticated-receipt');
    // mailauth calls a body hash mismatch neutral (RFC 6376 section 6.1.3 allows either).
    expect(JSON.parse(message.parsed!).authentication).toMatchObject({ dkim: 'neutral', verifiedBy: null });
  });
});

