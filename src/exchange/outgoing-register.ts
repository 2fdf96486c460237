import type { AppContext } from '../platform/app-context.js';
import { getOrganization } from '../directory/organization-repository.js';
import type { User } from '../directory/user-repository.js';
import { findDocumentTypeByCode } from '../documents/document-types.js';

export interface OutgoingRegisterEntry {
  registerNumber: number;
  number: string | null;
  notation: string | null;
  issuedOn: string | null;
  type: string;
  typeName: string;
  subject: string | null;
  signer: string | null;
  /** Nơi nhận: every recipient's name, in the order they were sent to. */
  recipients: string[];
  sentAt: string;
  status: string;
  note: string;
  dispatchId: string;
}

export interface OutgoingRegister {
  year: number;
  organization: { code: string; name: string };
  entries: OutgoingRegisterEntry[];
}

/** Loads the outgoing register (sổ đăng ký văn bản đi) of the user's organization for a year, by entry number. */
export async function loadOutgoingRegister(ctx: AppContext, user: User, year: number, locale: 'vi' | 'en'): Promise<OutgoingRegister> {
  const organization = await getOrganization(ctx.db, user.organizationId);
  const rows = await ctx.db
    .selectFrom('dispatches')
    .selectAll()
    .where('organization_id', '=', user.organizationId)
    .where('register_year', '=', year)
    .where('status', '!=', 'draft')
    .orderBy('register_number')
    .execute();

  const recipients = rows.length === 0
    ? []
    : await ctx.db
        .selectFrom('dispatch_recipients')
        .select(['dispatch_id', 'name'])
        .where('dispatch_id', 'in', rows.map((row) => row.id))
        .orderBy('name')
        .execute();

  return {
    year,
    organization: { code: organization?.code ?? '', name: organization?.name ?? '' },
    entries: rows.map((row) => {
      // A sent dispatch always has a type; only a draft may lack one.
      const code = row.type!;
      const type = findDocumentTypeByCode(code);
      return {
        registerNumber: row.register_number!,
        number: row.number,
        notation: row.notation,
        issuedOn: row.issued_on,
        type: code,
        typeName: (locale === 'en' ? type?.nameEn : type?.nameVi) ?? code,
        subject: row.subject,
        signer: [row.signer_position, row.signer].filter(Boolean).join(' ') || null,
        recipients: recipients.filter((recipient) => recipient.dispatch_id === row.id).map((recipient) => recipient.name),
        sentAt: row.sent_at!,
        status: row.status,
        note: recallNote(row.status, row.withdraw_reason, locale),
        dispatchId: row.id,
      };
    }),
  };
}

function recallNote(status: string, reason: string | null, locale: 'vi' | 'en'): string {
  if (status !== 'withdrawn') return '';

  const label = locale === 'en' ? 'Recalled' : 'Đã thu hồi';
  return `${label}: ${reason ?? ''}`;
}
