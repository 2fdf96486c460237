import { readFileSync } from 'node:fs';
import { simpleParser, type AddressObject } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../test/helpers/manual-clock.js';
import { openTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { TEST_ENGINE } from '../../test/helpers/test-database.js';
import { upsertOrganization } from '../directory/organization-repository.js';
import type { User } from '../directory/user-repository.js';
import { processMessage } from '../mail/inbound/process-message.js';
import { storeRawMessage } from '../mail/inbound/store-raw-message.js';
import type { AppContext } from '../platform/app-context.js';
import { prepareFiles } from './dispatch-files.js';
import { dispatchMetadataSchema } from './dispatch-metadata.js';
import { sendDueReminders } from './reminders.js';
import { recordRecipientEvent } from './recipient-status.js';
import { sendDispatch } from './send-dispatch.js';
import { signMessage } from '../mail/outbound/dkim-sign.js';
import { dkimPeer } from '../../test/helpers/dkim-peer.js';

const PDF = readFileSync(new URL('../../test/fixtures/documents/tb-61-ubnd.pdf', import.meta.url));
// This installation's own domain, with its key published where the context's DNS finds it.
const OWN_DOMAIN = dkimPeer('tinh-a.test');

let opened: TestContext;
let ctx: AppContext;
let clock: ManualClock;
let clerk: User;
let recipientId: string;

beforeEach(async () => {
  // Friday 4 December 2026, 09:00 in Vietnam.
  clock = new ManualClock(new Date('2026-12-04T02:00:00Z'));
  opened = await openTestContext('congvan-reminders-', { clock, dnsRecords: OWN_DOMAIN.records });
  ctx = opened.ctx;
  await OWN_DOMAIN.install(ctx);

  const now = clock.now().toISOString();
  const senderId = await upsertOrganization(ctx.db, { code: '000.00.01.H36', name: 'Văn phòng UBND tỉnh', shortName: null, kind: 'office', parentCode: null, addresses: ['vanthu.vp@tinh-a.test'] }, now);
  recipientId = await upsertOrganization(ctx.db, { code: '000.00.05.H36', name: 'Sở Nội vụ', shortName: null, kind: 'department', parentCode: null, addresses: ['vanthu.snv@tinh-a.test'] }, now);
  clerk = { id: 'clerk-vp', login: 'vanthu.vp', fullName: 'Nguyễn Văn Thư', email: null, organizationId: senderId, roles: ['clerk'], disabled: false };

  const sent = await sendDispatch(ctx, clerk, {
    metadata: dispatchMetadataSchema.parse({ type: 'TB', notation: 'VP', subject: 'Thông báo lịch họp giao ban tháng 12', urgency: 'normal' }),
    recipients: ['vanthu.snv@tinh-a.test', 'vanthu@so-khac.tinh-b.test'],
    files: prepareFiles([{ filename: 'thong-bao.pdf', content: PDF, role: 'document' }]),
    source: 'api',
  });

  // The remote copy reached the other server; only copies that arrived are reminded.
  const remote = await ctx.db.selectFrom('dispatch_recipients').select('id').where('dispatch_id', '=', sent.id).where('kind', '=', 'remote').executeTakeFirstOrThrow();
  await ctx.db.transaction().execute((trx) => recordRecipientEvent(ctx, trx, remote.id, 'delivered'));
});

afterEach(async () => {
  await opened.close();
});

const noticesOf = (organizationId: string) => ctx.db.selectFrom('notifications').selectAll().where('organization_id', '=', organizationId).where('kind', '=', 'acceptance-reminder').execute();

describe('acceptance reminders', () => {
  it('wait until 16 working hours have passed, across the weekend', async () => {
    const [local] = await ctx.db.selectFrom('dispatch_recipients').select('overdue_at').where('kind', '=', 'local').execute();
    // Friday 09:00 to 17:00 gives 6 working hours, Monday 7.5, so Tuesday 10:00 ends the 16th.
    expect(local!.overdue_at).toBe('2026-12-08T03:00:00.000Z');

    clock.current = new Date('2026-12-08T02:59:00Z');
    expect(await sendDueReminders(ctx)).toEqual({ reminded: 0 });
  });

  it('tell a local recipient in the app and mail a remote one, once', async () => {
    clock.current = new Date('2026-12-08T03:00:01Z');

    expect(await sendDueReminders(ctx)).toEqual({ reminded: 2 });
    expect(await sendDueReminders(ctx)).toEqual({ reminded: 0 });

    const notices = await noticesOf(recipientId);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain('Thông báo lịch họp giao ban tháng 12');

    const events = await ctx.db.selectFrom('dispatch_events').select(['kind']).where('kind', '=', 'reminded').execute();
    expect(events).toHaveLength(2);

    const mails = await ctx.db.selectFrom('jobs').select('payload').where('kind', '=', 'outbound-delivery').execute();
    const reminderMail = mails.map((job) => JSON.parse(job.payload)).find((payload) => payload.recipients[0].recipientId === null);
    expect(reminderMail.recipients[0].address).toBe('vanthu@so-khac.tinh-b.test');
  });

  it('turn a reminder mail into a notice where the document is registered', async () => {
    clock.current = new Date('2026-12-08T03:00:01Z');
    await sendDueReminders(ctx);

    const job = (await ctx.db.selectFrom('jobs').select('payload').where('kind', '=', 'outbound-delivery').execute())
      .map((row) => JSON.parse(row.payload))
      .find((payload) => payload.recipients[0].recipientId === null);
    const unsigned = await ctx.blobs.get(job.rawSha256);
    const noticesBefore = (await noticesOf(recipientId)).length;

    // Unsigned, anyone could have written it: it stays an ordinary message, flagged.
    const forged = await storeRawMessage(ctx, unsigned, { source: 'smtp', envelopeFrom: null, envelopeTo: ['vanthu.snv@tinh-a.test'], recipientOrganizationIds: [recipientId], remoteAddress: null, helo: null });
    await processMessage(ctx, forged);
    expect(await noticesOf(recipientId)).toHaveLength(noticesBefore);
    const forgedRow = await ctx.db.selectFrom('messages').select('flags').where('id', '=', forged).executeTakeFirstOrThrow();
    expect(JSON.parse(forgedRow.flags).map((flag: { code: string }) => flag.code)).toContain('unauthenticated-notice');

    // Signed as outbound delivery signs it before it leaves.
    const raw = await signMessage(ctx, unsigned, 'tinh-a.test');
    const id = await storeRawMessage(ctx, raw, { source: 'smtp', envelopeFrom: null, envelopeTo: ['vanthu.snv@tinh-a.test'], recipientOrganizationIds: [recipientId], remoteAddress: null, helo: null });
    await processMessage(ctx, id);

    expect(await noticesOf(recipientId)).toHaveLength(2);
    const registered = await ctx.db.selectFrom('documents').select('id').where('message_id', '=', id).execute();
    expect(registered).toEqual([]);
  });

  it('leave a recall from another sender as an ordinary message', async () => {
    const [local] = await ctx.db.selectFrom('dispatch_recipients').select('delivery_id').where('kind', '=', 'local').execute();
    const original = await ctx.db.selectFrom('dispatches').select('message_id_header').executeTakeFirstOrThrow();
    const forged = Buffer.from(
      [
        'From: <ke-gia-mao@example.test>',
        'To: <vanthu.snv@tinh-a.test>',
        'Subject: Thu hồi văn bản',
        'Message-ID: <forged-recall@example.test>',
        `In-Reply-To: <${original.message_id_header}>`,
        'X-CongVan-Notice: recall',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Văn bản đã bị thu hồi.',
        '',
      ].join('\r\n'),
    );

    const id = await storeRawMessage(ctx, forged, { source: 'smtp', envelopeFrom: 'ke-gia-mao@example.test', envelopeTo: ['vanthu.snv@tinh-a.test'], recipientOrganizationIds: [recipientId], remoteAddress: null, helo: null });
    await processMessage(ctx, id);

    const delivery = await ctx.db.selectFrom('deliveries').select('status').where('id', '=', local!.delivery_id!).executeTakeFirstOrThrow();
    expect(delivery.status).toBe('delivered');
    const registered = await ctx.db.selectFrom('documents').select('id').where('message_id', '=', id).execute();
    expect(registered).toHaveLength(1);
  });
});

describe('acceptance reminders to clerks by mail', () => {
  const PERSONAL = 'nguyen.thi.lan@thu-ca-nhan.test';

  beforeEach(async () => {
    const now = clock.now().toISOString();
    const users = [
      { login: 'vanthu.snv', email: PERSONAL, roles: ['clerk'], disabled: 0 },
      { login: 'vanthu2.snv', email: null, roles: ['clerk'], disabled: 0 },
      // The organization's own mailbox with a tag: inbound SMTP would register the mail there.
      { login: 'vanthu3.snv', email: 'VanThu.SNV+nhac@tinh-a.test', roles: ['clerk'], disabled: 0 },
      { login: 'lanhdao.snv', email: 'lanh.dao@thu-ca-nhan.test', roles: ['leader'], disabled: 0 },
      { login: 'nghiviec.snv', email: 'da.nghi@thu-ca-nhan.test', roles: ['clerk'], disabled: 1 },
    ];
    for (const user of users) {
      await ctx.db
        .insertInto('users')
        .values({ id: `user-${user.login}`, login: user.login, full_name: `Người dùng ${user.login}`, email: user.email, password_hash: 'x', organization_id: recipientId, roles: JSON.stringify(user.roles), disabled: user.disabled, created_at: now, updated_at: now })
        .execute();
    }
  });

  const queuedMails = async () => (await ctx.db.selectFrom('jobs').select('payload').where('kind', '=', 'outbound-delivery').execute()).map((job) => JSON.parse(job.payload));
  const mailsTo = async (address: string) => (await queuedMails()).filter((payload) => payload.recipients.some((recipient: { address: string }) => recipient.address.toLowerCase() === address.toLowerCase()));

  it('mail only active clerks with a personal address, once', async () => {
    clock.current = new Date('2026-12-08T03:00:01Z');

    expect(await sendDueReminders(ctx)).toEqual({ reminded: 2 });
    expect(await sendDueReminders(ctx)).toEqual({ reminded: 0 });

    expect(await mailsTo(PERSONAL)).toHaveLength(1);
    expect(await mailsTo('VanThu.SNV+nhac@tinh-a.test')).toHaveLength(0);
    expect(await mailsTo('lanh.dao@thu-ca-nhan.test')).toHaveLength(0);
    expect(await mailsTo('da.nghi@thu-ca-nhan.test')).toHaveLength(0);
    const clerkMails = (await queuedMails()).filter((payload) => payload.envelopeFrom === 'postmaster@tinh-a.test');
    expect(clerkMails).toHaveLength(1);
    expect(await noticesOf(recipientId)).toHaveLength(1);
  });

  it('mail nothing before the acceptance time', async () => {
    clock.current = new Date('2026-12-08T02:59:00Z');
    await sendDueReminders(ctx);

    expect(await mailsTo(PERSONAL)).toHaveLength(0);
  });

  it('mail nothing for a copy already accepted', async () => {
    const [local] = await ctx.db.selectFrom('dispatch_recipients').select('id').where('kind', '=', 'local').execute();
    await ctx.db.transaction().execute((trx) => recordRecipientEvent(ctx, trx, local!.id, 'accepted'));

    clock.current = new Date('2026-12-08T03:00:01Z');
    await sendDueReminders(ctx);

    expect(await mailsTo(PERSONAL)).toHaveLength(0);
  });

  it('write the subject, link and sender', async () => {
    clock.current = new Date('2026-12-08T03:00:01Z');
    await sendDueReminders(ctx);

    const [job] = await mailsTo(PERSONAL);
    const mail = await simpleParser(await ctx.blobs.get(job.rawSha256));
    const [local] = await ctx.db.selectFrom('dispatch_recipients').innerJoin('deliveries', 'deliveries.id', 'dispatch_recipients.delivery_id').select('deliveries.document_id').where('dispatch_recipients.kind', '=', 'local').execute();

    expect(mail.subject).toBe('Nhắc tiếp nhận văn bản: 1/VP Thông báo lịch họp giao ban tháng 12');
    expect(mail.from?.value).toEqual([{ name: 'Hệ thống Công Văn', address: 'postmaster@tinh-a.test' }]);
    expect(Array.isArray(mail.to)).toBe(false);
    expect((mail.to as AddressObject).value).toEqual([{ name: 'Người dùng vanthu.snv', address: PERSONAL }]);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.text).toContain(`${ctx.config.publicUrl}/documents/${local!.document_id}`);
    expect(mail.text).toContain('Văn bản số 1/VP "Thông báo lịch họp giao ban tháng 12" của Văn phòng UBND tỉnh gửi Sở Nội vụ đã quá thời hạn tiếp nhận (10:00 ngày 08/12/2026)');
    expect(mail.text).toContain('English: document 1/VP');
    expect(job.recipients).toEqual([{ recipientId: null, address: PERSONAL }]);
  });

  it('mail each clerk once when two nodes run at the same time', async () => {
    clock.current = new Date('2026-12-08T03:00:01Z');
    const second = await opened.openNode('node-b', clock);

    try {
      // better-sqlite3 waits for a lock synchronously, so two connections in one process cannot
      // hold transactions at once. On SQLite the nodes take turns, and on PostgreSQL they race.
      if (TEST_ENGINE === 'postgres') await Promise.all([sendDueReminders(ctx), sendDueReminders(second)]);
      else for (const node of [ctx, second]) await sendDueReminders(node);
    } finally {
      await second.close();
    }

    expect(await mailsTo(PERSONAL)).toHaveLength(1);
    expect(await noticesOf(recipientId)).toHaveLength(1);
  });
});
