import type { AppContext } from '../platform/app-context.js';
import { parseJsonColumn } from '../platform/json-column.js';
import type { User } from '../directory/user-repository.js';
import type { Flag } from './document-item.js';
import { isMonitor } from './document-access.js';
import { localizeFlags, needsAttention } from './flag-labels.js';

export interface FlaggedItem {
  id: string;
  messageId: string;
  documentId: string | null;
  receivedAt: string;
  from: string | null;
  subject: string | null;
  quarantined: boolean;
  flags: Flag[];
}

const MAX_FLAGGED_ITEMS = 500;

/**
 * Lists what needs a person: messages that could not be parsed or processed, documents that
 * were not recognised or need OCR, and (for the Office's monitors) quarantined classified ones.
 * Monitors see every organization's list; others see their own organization's.
 */
export async function listFlaggedItems(ctx: AppContext, user: User, locale: 'vi' | 'en'): Promise<FlaggedItem[]> {
  let query = ctx.db
    .selectFrom('messages')
    .leftJoin('documents', 'documents.message_id', 'messages.id')
    .select([
      'messages.id as message_id',
      'messages.received_at',
      'messages.from_address',
      'messages.subject',
      'messages.flags as message_flags',
      'messages.processing_status',
      'messages.processing_error',
      'documents.id as document_id',
      'documents.subject as document_subject',
      'documents.flags as document_flags',
      'documents.quarantined',
    ])
    .where((eb) =>
      eb.or([
        eb('messages.flags', '!=', '[]'),
        eb('messages.processing_status', '=', 'failed'),
        eb('documents.flags', '!=', '[]'),
        eb('documents.quarantined', '=', 1),
      ]),
    )
    .orderBy('messages.received_at', 'desc')
    .limit(MAX_FLAGGED_ITEMS * 4);

  if (!isMonitor(user)) {
    // The organization's own document copies, or its messages that have no document yet.
    query = query.where((eb) =>
      eb.or([
        eb('documents.organization_id', '=', user.organizationId),
        eb.and([eb('documents.id', 'is', null), eb('messages.recipient_organization_ids', 'like', `%"${user.organizationId}"%`)]),
      ]),
    );
  }

  const rows = await query.execute();

  const items = rows.map((row) => {
    const flags = [...parseJsonColumn<Flag[]>(row.message_flags, []), ...parseJsonColumn<Flag[]>(row.document_flags, [])];
    if (row.processing_status === 'failed') {
      flags.push({ code: 'processing-failed', message: row.processing_error ?? 'processing failed' });
    }

    return {
      id: row.document_id ?? row.message_id,
      messageId: row.message_id,
      documentId: row.quarantined === 1 ? null : row.document_id,
      receivedAt: row.received_at,
      from: row.from_address,
      subject: row.document_subject ?? row.subject,
      quarantined: row.quarantined === 1,
      flags: localizeFlags(dedupeFlags(flags), locale),
    };
  });

  return items.filter((item) => item.quarantined || item.flags.some(needsAttention)).slice(0, MAX_FLAGGED_ITEMS);
}

function dedupeFlags(flags: Flag[]): Flag[] {
  const seen = new Set<string>();
  return flags.filter((flag) => {
    if (seen.has(flag.code)) return false;
    seen.add(flag.code);
    return true;
  });
}
