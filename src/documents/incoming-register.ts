import type { AppContext } from '../platform/app-context.js';
import type { User } from '../directory/user-repository.js';
import { getOrganization } from '../directory/organization-repository.js';
import { parseJsonColumn } from '../platform/json-column.js';
import { typeName, type Flag } from './document-item.js';
import { needsAttention } from './flag-labels.js';

export interface IncomingRegisterEntry {
  registerNumber: number;
  receivedAt: string;
  issuer: string | null;
  number: string | null;
  notation: string | null;
  issuedOn: string | null;
  type: string;
  typeName: string;
  subject: string | null;
  recipient: string;
  status: string;
  note: string;
  documentId: string;
}

export interface IncomingRegister {
  year: number;
  organization: { code: string; name: string };
  entries: IncomingRegisterEntry[];
}

/** Loads the incoming register (sổ đăng ký văn bản đến) of the user's organization for a year, by number. */
export async function loadIncomingRegister(ctx: AppContext, user: User, year: number, locale: 'vi' | 'en'): Promise<IncomingRegister> {
  const organization = await getOrganization(ctx.db, user.organizationId);

  const rows = await ctx.db
    .selectFrom('deliveries')
    .innerJoin('documents', 'documents.id', 'deliveries.document_id')
    .select([
      'deliveries.register_number',
      'deliveries.received_at',
      'deliveries.status',
      'documents.id as document_id',
      'documents.issuer',
      'documents.number',
      'documents.notation',
      'documents.issued_on',
      'documents.type',
      'documents.subject',
      'documents.flags',
    ])
    .where('deliveries.organization_id', '=', user.organizationId)
    .where('deliveries.register_year', '=', year)
    .orderBy('deliveries.register_number')
    .execute();

  return {
    year,
    organization: { code: organization?.code ?? '', name: organization?.name ?? '' },
    entries: rows.map((row) => ({
      registerNumber: row.register_number,
      receivedAt: row.received_at,
      issuer: row.issuer,
      number: row.number,
      notation: row.notation,
      issuedOn: row.issued_on,
      type: row.type,
      typeName: typeName(row.type, locale),
      subject: row.subject,
      recipient: organization?.name ?? '',
      status: row.status,
      note: noteFor(row.status, row.flags, locale),
      documentId: row.document_id,
    })),
  };
}

function noteFor(status: string, flags: string, locale: 'vi' | 'en'): string {
  const notes: string[] = [];
  if (status === 'rejected') notes.push(locale === 'en' ? 'Rejected' : 'Đã từ chối');
  if (status === 'withdrawn') notes.push(locale === 'en' ? 'Withdrawn' : 'Đã thu hồi');
  if (parseJsonColumn<Flag[]>(flags, []).some(needsAttention)) notes.push(locale === 'en' ? 'Flagged for review' : 'Cần kiểm tra');
  return notes.join('; ');
}
