import type { AppContext } from '../platform/app-context.js';
import { containsFoldedWord, searchWords } from '../platform/database/text-search.js';
import { vietnamDayStart } from '../platform/vietnam-time.js';
import type { User } from '../directory/user-repository.js';
import { toDocumentItem, type DocumentItem } from './document-item.js';

export interface IncomingFilter {
  type?: string;
  status?: string;
  urgency?: string;
  /** Vietnamese calendar dates, inclusive. */
  from?: string;
  to?: string;
  q?: string;
  page: number;
  pageSize: number;
}

function incomingQuery(ctx: AppContext, organizationId: string) {
  return ctx.db
    .selectFrom('deliveries')
    .innerJoin('documents', 'documents.id', 'deliveries.document_id')
    .where('deliveries.organization_id', '=', organizationId)
    .where('documents.quarantined', '=', 0);
}

/** Lists the incoming documents of the user's organization, newest first. */
export async function listIncomingDocuments(
  ctx: AppContext,
  user: User,
  filter: IncomingFilter,
  locale: 'vi' | 'en',
): Promise<{ items: DocumentItem[]; total: number }> {
  let query = incomingQuery(ctx, user.organizationId);

  if (filter.type) query = query.where('documents.type', '=', filter.type);
  if (filter.status) query = query.where('deliveries.status', '=', filter.status);
  if (filter.urgency) query = query.where('documents.urgency', '=', filter.urgency);
  if (filter.from) query = query.where('deliveries.received_at', '>=', vietnamDayStart(filter.from).toISOString());
  if (filter.to) {
    const dayAfter = new Date(vietnamDayStart(filter.to).getTime() + 24 * 3600 * 1000);
    query = query.where('deliveries.received_at', '<', dayAfter.toISOString());
  }
  for (const word of searchWords(filter.q ?? '')) {
    query = query.where(containsFoldedWord('documents.search_text', word));
  }

  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();

  const rows = await query
    .select(documentItemColumns)
    .orderBy('deliveries.received_at', 'desc')
    .orderBy('deliveries.register_number', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();

  return { items: rows.map((row) => toDocumentItem(row, locale)), total: Number(total) };
}

/** Finds the user's organization's copy of a document, or null when it has none. */
export async function findIncomingDocument(ctx: AppContext, user: User, documentId: string, locale: 'vi' | 'en'): Promise<DocumentItem | null> {
  const row = await incomingQuery(ctx, user.organizationId)
    .where('documents.id', '=', documentId)
    .select(documentItemColumns)
    .executeTakeFirst();

  return row ? toDocumentItem(row, locale) : null;
}

export const documentItemColumns = [
  'documents.id as document_id',
  'deliveries.id as delivery_id',
  'deliveries.register_number',
  'deliveries.register_year',
  'deliveries.received_at',
  'deliveries.status',
  'documents.type',
  'documents.number',
  'documents.notation',
  'documents.issued_on',
  'documents.place',
  'documents.issuer',
  'documents.issuer_code',
  'documents.subject',
  'documents.signer',
  'documents.signer_position',
  'documents.urgency',
  'documents.confidentiality',
  'documents.flags',
] as const;
