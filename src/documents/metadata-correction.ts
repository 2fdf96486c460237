import type { AppContext } from '../platform/app-context.js';
import { invalidInput } from '../platform/errors.js';
import { foldText } from '../platform/text-fold.js';
import type { User } from '../directory/user-repository.js';
import { findDocumentTypeByCode } from './document-types.js';

export interface MetadataCorrection {
  type?: string;
  number?: string | null;
  notation?: string | null;
  issuedOn?: string | null;
  place?: string | null;
  issuer?: string | null;
  subject?: string | null;
  signer?: string | null;
  signerPosition?: string | null;
  urgency?: 'normal' | 'urgent' | 'very-urgent' | 'flash';
}

const COLUMN_BY_FIELD = {
  type: 'type',
  number: 'number',
  notation: 'notation',
  issuedOn: 'issued_on',
  place: 'place',
  issuer: 'issuer',
  subject: 'subject',
  signer: 'signer',
  signerPosition: 'signer_position',
  urgency: 'urgency',
} as const;

/**
 * Applies a clerk's corrections. Each changed field becomes a `corrected` event holding the old
 * and new value, because history is append-only, and the recognised values stay in `documents.recognized`.
 * NOTE: a document delivered to several local organizations shares its metadata, so one
 * recipient's correction shows for all of them.
 */
export async function correctMetadata(ctx: AppContext, documentId: string, user: User, correction: MetadataCorrection): Promise<number> {
  if (correction.type !== undefined && correction.type !== 'unknown' && !findDocumentTypeByCode(correction.type)) {
    throw invalidInput('type', `Loại văn bản "${correction.type}" không có trong danh mục.`, `Document type "${correction.type}" is not in the catalogue.`);
  }

  return ctx.db.transaction().execute(async (trx) => {
    const document = await trx.selectFrom('documents').selectAll().where('id', '=', documentId).executeTakeFirstOrThrow();
    const now = ctx.clock.now().toISOString();
    const changes: Record<string, string | null> = {};
    const addedSearchWords: string[] = [];

    for (const [field, column] of Object.entries(COLUMN_BY_FIELD) as [keyof MetadataCorrection, (typeof COLUMN_BY_FIELD)[keyof typeof COLUMN_BY_FIELD]][]) {
      const value = correction[field];
      if (value === undefined) continue;

      const normalized = typeof value === 'string' ? value.normalize('NFC').trim() || null : value;
      if (normalized === document[column]) continue;

      changes[column] = normalized;
      if (normalized) addedSearchWords.push(normalized);

      await trx
        .insertInto('document_events')
        .values({
          document_id: documentId,
          at: now,
          kind: 'corrected',
          actor_user_id: user.id,
          actor_name: user.fullName,
          organization_id: user.organizationId,
          data: JSON.stringify({ field, from: document[column], to: normalized }),
        })
        .execute();
    }

    if (Object.keys(changes).length === 0) return 0;

    // Old values stay in the search text, so a search for the recognised value still finds it.
    await trx
      .updateTable('documents')
      .set({ ...changes, search_text: `${foldText(addedSearchWords.join(' '))} ${document.search_text}`, updated_at: now })
      .where('id', '=', documentId)
      .execute();

    return Object.keys(changes).length;
  });
}
