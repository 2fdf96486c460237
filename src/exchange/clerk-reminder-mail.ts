import MailComposer from 'nodemailer/lib/mail-composer';
import type { AppContext } from '../platform/app-context.js';
import type { Db } from '../platform/database/connection.js';
import { newId } from '../platform/ids.js';
import { logger } from '../platform/logger.js';
import { vietnamClockTime, vietnamDate } from '../platform/vietnam-time.js';
import { normalizeMailAddress } from '../directory/mail-address.js';
import { findOrganizationByAddress, getOrganization } from '../directory/organization-repository.js';
import { findPostmasterOrganization } from '../directory/postmaster.js';
import { requestOutboundDelivery } from './outbound-request.js';

const log = logger('exchange');

// Display name of the sender, whose address is the postmaster of the recipient's domain.
const SYSTEM_NAME = 'Hệ thống Công Văn';

export interface ClerkReminder {
  /** The local recipient organization whose clerks are reminded. */
  organizationId: string;
  dispatchId: string;
  /** The recipient's copy, which the link opens. Null links to the inbox instead. */
  documentId: string | null;
  /** "Số/ký hiệu", such as "12/VP-TH". */
  label: string;
  subject: string;
  senderName: string;
  overdueAt: string;
}

/**
 * Queues a reminder mail to each active clerk of a recipient organization in this installation
 * who has a personal mail address (users.email), in the caller's transaction, so the mails exist
 * exactly when the copy is marked reminded. An address that the directory routes to an
 * organization is skipped and logged, because mail to it would be registered there as an
 * incoming document. Returns the number of mails queued.
 */
export async function queueClerkReminderMails(ctx: AppContext, trx: Db, reminder: ClerkReminder): Promise<number> {
  const organization = await getOrganization(trx, reminder.organizationId);
  const primary = organization?.addresses.find((address) => !address.isAlias) ?? organization?.addresses[0];
  if (!organization || !primary) {
    log.warn({ organizationId: reminder.organizationId, dispatchId: reminder.dispatchId }, 'clerk reminders not mailed: the recipient organization has no mail address to send from; add one in the directory');
    return 0;
  }

  // From the postmaster of the recipient's own domain, not from the sending organization. The
  // sender did not write this mail, and a reply to its address would be registered there as an
  // incoming document. The clerk's mail client shows the system of their own organization,
  // replies reach the person who reads postmaster (every domain must accept it, RFC 5321
  // section 4.5.1), and the DKIM signature is for a domain this installation serves.
  const from = `postmaster@${primary.address.split('@')[1]!}`;

  let queued = 0;
  for (const clerk of await listMailableClerks(trx, reminder.organizationId)) {
    const owner = await receivingOrganizationOf(trx, clerk.address);
    if (owner) {
      log.warn(
        { organizationId: reminder.organizationId, dispatchId: reminder.dispatchId, userId: clerk.id, login: clerk.login, ownerOrganizationId: owner.id },
        'clerk reminder not mailed: the clerk’s address is an organization’s address in the directory; give the clerk a personal address',
      );
      continue;
    }

    const raw = await buildClerkReminder(ctx, reminder, { from, to: { name: clerk.fullName, address: clerk.address }, organizationName: organization.name });
    const rawSha256 = await ctx.blobs.put(raw, trx);
    await requestOutboundDelivery(ctx, trx, { rawSha256, envelopeFrom: from, recipients: [{ recipientId: null, address: clerk.address }] });
    queued++;
  }

  return queued;
}

interface MailableClerk {
  id: string;
  login: string;
  fullName: string;
  address: string;
}

/** Lists the organization's enabled clerks with a valid personal address, one entry per address. */
async function listMailableClerks(trx: Db, organizationId: string): Promise<MailableClerk[]> {
  const rows = await trx
    .selectFrom('users')
    .select(['id', 'login', 'full_name', 'email', 'roles'])
    .where('organization_id', '=', organizationId)
    .where('disabled', '=', 0)
    .where('email', 'is not', null)
    .orderBy('login')
    .execute();

  const clerks = new Map<string, MailableClerk>();
  for (const row of rows) {
    const roles = JSON.parse(row.roles) as string[];
    const address = normalizeMailAddress(row.email ?? '');
    if (!roles.includes('clerk') || !address || clerks.has(address)) continue;

    clerks.set(address, { id: row.id, login: row.login, fullName: row.full_name, address: row.email!.trim() });
  }

  return [...clerks.values()];
}

/** Returns the organization that inbound SMTP would register mail to this address for, as it resolves recipients. */
async function receivingOrganizationOf(trx: Db, address: string) {
  const owner = await findOrganizationByAddress(trx, address);
  if (owner) return owner;

  const [local, domain] = normalizeMailAddress(address)!.split('@') as [string, string];
  return local === 'postmaster' ? findPostmasterOrganization(trx, domain) : null;
}

async function buildClerkReminder(ctx: AppContext, reminder: ClerkReminder, mail: { from: string; to: { name: string; address: string }; organizationName: string }): Promise<Buffer> {
  const link = reminder.documentId ? `${ctx.config.publicUrl.replace(/\/+$/, '')}/documents/${reminder.documentId}` : `${ctx.config.publicUrl.replace(/\/+$/, '')}/inbox`;
  const overdue = vietnamTimeLabel(new Date(reminder.overdueAt));

  const text = [
    `Kính gửi ${mail.to.name},`,
    '',
    `Văn bản số ${reminder.label} "${reminder.subject}" của ${reminder.senderName} gửi ${mail.organizationName} đã quá thời hạn tiếp nhận (${overdue.vi}) mà chưa được tiếp nhận.`,
    'Đề nghị văn thư mở văn bản trên hệ thống Công Văn để tiếp nhận hoặc từ chối:',
    link,
    '',
    `English: document ${reminder.label} "${reminder.subject}" from ${reminder.senderName} to ${mail.organizationName} is past its acceptance deadline (${overdue.en}); open it in Công Văn to accept or reject it: ${link}`,
    '',
    '--',
    'Thư tự động của hệ thống Công Văn, không cần trả lời.',
    '',
  ].join('\n');

  return new MailComposer({
    from: { name: SYSTEM_NAME, address: mail.from },
    to: { name: mail.to.name, address: mail.to.address },
    subject: `Nhắc tiếp nhận văn bản: ${reminder.label} ${reminder.subject}`,
    messageId: `<${newId()}@${mail.from.split('@')[1]!}>`,
    date: ctx.clock.now(),
    text,
    headers: { 'X-CongVan-Dispatch': reminder.dispatchId, 'Auto-Submitted': 'auto-generated' },
    xMailer: 'Cong Van',
  })
    .compile()
    .build();
}

/** Formats an instant as Vietnamese time, "10:00 ngày 08/12/2026", with an English form. */
function vietnamTimeLabel(instant: Date): { vi: string; en: string } {
  const [year, month, day] = vietnamDate(instant).split('-');
  const time = vietnamClockTime(instant);

  return { vi: `${time} ngày ${day}/${month}/${year}`, en: `${time} on ${day}/${month}/${year}, Vietnam time` };
}
