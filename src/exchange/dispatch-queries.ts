import { sql, type Selectable } from 'kysely';
import type { AppContext } from '../platform/app-context.js';
import type { DispatchTable } from '../platform/database/schema.js';
import { AppError } from '../platform/errors.js';
import { findDocumentTypeByCode } from '../documents/document-types.js';
import type { User } from '../directory/user-repository.js';
import type { RecipientStatus } from './recipient-status.js';

export interface DispatchCounts {
  total: number;
  accepted: number;
  rejected: number;
  failed: number;
  withdrawn: number;
  /** Not accepted yet and past the acceptance time. */
  overdue: number;
}

export interface DispatchSummary {
  id: string;
  status: string;
  sentAt: string | null;
  registerYear: number | null;
  registerNumber: number | null;
  /** Null, like typeName and urgency, only on a draft where the clerk has not set it. */
  type: string | null;
  typeName: string | null;
  number: string | null;
  notation: string | null;
  subject: string | null;
  urgency: string | null;
  dueOn: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  counts: DispatchCounts;
}

export interface RecipientTimeline {
  recipientId: string;
  /** The recipient's name: an organization of this installation, or the address. */
  recipient: string;
  address: string | null;
  organizationCode: string | null;
  kind: 'local' | 'remote';
  status: RecipientStatus;
  overdue: boolean;
  overdueAt: string | null;
  events: { at: string; kind: string; actor: string | null; detail: string | null }[];
}

export interface DispatchDetail extends DispatchSummary {
  issuedOn: string | null;
  place: string | null;
  signer: string | null;
  signerPosition: string | null;
  /** `none` once sent. A draft keeps the clerk's choice, which the sending rules reject unless it is `none`. */
  confidentiality: string | null;
  withdrawReason: string | null;
  /** The recipients as entered (codes, groups, addresses); what a draft is edited from. */
  recipientEntries: string[];
  files: { position: number; role: string; filename: string; contentType: string; size: number; sha256: string }[];
  deliveries: RecipientTimeline[];
}

export interface DispatchFilter {
  /** One status or several, such as sent and withdrawn for everything but drafts. */
  status?: ('draft' | 'sent' | 'withdrawn')[];
  /** Only dispatches with a recipient that has not accepted in time (chưa tiếp nhận, quá hạn). */
  overdue?: boolean;
  page: number;
  pageSize: number;
}

const WAITING: RecipientStatus[] = ['queued', 'delivered', 'read'];

/** Lists the dispatches of the user's organization, newest first, with per-recipient counts. */
export async function listDispatches(ctx: AppContext, user: User, filter: DispatchFilter, locale: 'vi' | 'en'): Promise<{ items: DispatchSummary[]; total: number }> {
  const now = ctx.clock.now().toISOString();
  let query = ctx.db.selectFrom('dispatches').where('organization_id', '=', user.organizationId);

  if (filter.status && filter.status.length > 0) query = query.where('status', 'in', filter.status);
  if (filter.overdue) {
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('dispatch_recipients').select('dispatch_id').where('status', 'in', WAITING).where('overdue_at', '<', now),
    );
  }

  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    // Drafts have no sending time; the same expression sorts them alike on both engines.
    .orderBy(sql`coalesce(sent_at, updated_at)`, 'desc')
    .orderBy('created_at', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();

  const counts = await countRecipients(ctx, rows.map((row) => row.id), now);
  return { items: rows.map((row) => summaryOf(row, counts.get(row.id) ?? emptyCounts(), locale)), total: Number(total) };
}

/** Loads one dispatch of the user's organization with every recipient's timeline. */
export async function loadDispatch(ctx: AppContext, user: User, dispatchId: string, locale: 'vi' | 'en'): Promise<DispatchDetail> {
  const row = await ctx.db.selectFrom('dispatches').selectAll().where('id', '=', dispatchId).executeTakeFirst();
  if (!row || row.organization_id !== user.organizationId) {
    throw new AppError('not-found', 'Không tìm thấy văn bản đi này trong cơ quan của bạn.', 'No such dispatch in your organization.');
  }

  const now = ctx.clock.now().toISOString();
  const recipients = await ctx.db
    .selectFrom('dispatch_recipients')
    .leftJoin('organizations', 'organizations.id', 'dispatch_recipients.organization_id')
    .select([
      'dispatch_recipients.id',
      'dispatch_recipients.kind',
      'dispatch_recipients.name',
      'dispatch_recipients.address',
      'dispatch_recipients.status',
      'dispatch_recipients.overdue_at',
      'organizations.code as organization_code',
    ])
    .where('dispatch_recipients.dispatch_id', '=', dispatchId)
    .orderBy('dispatch_recipients.name')
    .execute();
  const events = await ctx.db
    .selectFrom('dispatch_events')
    .innerJoin('dispatch_recipients', 'dispatch_recipients.id', 'dispatch_events.recipient_id')
    .select(['dispatch_events.recipient_id', 'dispatch_events.at', 'dispatch_events.kind', 'dispatch_events.actor_name', 'dispatch_events.detail'])
    .where('dispatch_recipients.dispatch_id', '=', dispatchId)
    .orderBy('dispatch_events.id')
    .execute();
  const files = await ctx.db.selectFrom('dispatch_files').selectAll().where('dispatch_id', '=', dispatchId).orderBy('position').execute();
  const counts = (await countRecipients(ctx, [dispatchId], now)).get(dispatchId) ?? emptyCounts();

  return {
    ...summaryOf(row, counts, locale),
    issuedOn: row.issued_on,
    place: row.place,
    signer: row.signer,
    signerPosition: row.signer_position,
    confidentiality: row.confidentiality,
    withdrawReason: row.withdraw_reason,
    recipientEntries: JSON.parse(row.recipients) as string[],
    files: files.map((file) => ({ position: file.position, role: file.role, filename: file.filename, contentType: file.content_type, size: file.size, sha256: file.sha256 })),
    deliveries: recipients.map((recipient) => ({
      recipientId: recipient.id,
      recipient: recipient.name,
      address: recipient.address,
      organizationCode: recipient.organization_code,
      kind: recipient.kind,
      status: recipient.status as RecipientStatus,
      overdue: isOverdue(recipient.status, recipient.overdue_at, now),
      overdueAt: recipient.overdue_at,
      events: events
        .filter((event) => event.recipient_id === recipient.id)
        .map((event) => ({ at: event.at, kind: event.kind, actor: event.actor_name, detail: event.detail })),
    })),
  };
}

async function countRecipients(ctx: AppContext, dispatchIds: string[], now: string): Promise<Map<string, DispatchCounts>> {
  const counts = new Map<string, DispatchCounts>();
  if (dispatchIds.length === 0) return counts;

  const rows = await ctx.db
    .selectFrom('dispatch_recipients')
    .select(['dispatch_id', 'status', 'overdue_at'])
    .where('dispatch_id', 'in', dispatchIds)
    .execute();

  for (const row of rows) {
    const entry = counts.get(row.dispatch_id) ?? emptyCounts();
    entry.total++;
    if (row.status === 'accepted') entry.accepted++;
    if (row.status === 'rejected') entry.rejected++;
    if (row.status === 'failed') entry.failed++;
    if (row.status === 'withdrawn') entry.withdrawn++;
    if (isOverdue(row.status, row.overdue_at, now)) entry.overdue++;
    counts.set(row.dispatch_id, entry);
  }

  return counts;
}

function isOverdue(status: string, overdueAt: string | null, now: string): boolean {
  return WAITING.includes(status as RecipientStatus) && overdueAt !== null && overdueAt < now;
}

function emptyCounts(): DispatchCounts {
  return { total: 0, accepted: 0, rejected: 0, failed: 0, withdrawn: 0, overdue: 0 };
}

function summaryOf(row: Selectable<DispatchTable>, counts: DispatchCounts, locale: 'vi' | 'en'): DispatchSummary {
  const type = row.type === null ? undefined : findDocumentTypeByCode(row.type);

  return {
    id: row.id,
    status: row.status,
    sentAt: row.sent_at,
    registerYear: row.register_year,
    registerNumber: row.register_number,
    type: row.type,
    typeName: (locale === 'en' ? type?.nameEn : type?.nameVi) ?? row.type,
    number: row.number,
    notation: row.notation,
    subject: row.subject,
    urgency: row.urgency,
    dueOn: row.due_on,
    createdBy: row.created_by_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    counts,
  };
}
