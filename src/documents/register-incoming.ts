import type { AppContext } from '../platform/app-context.js';
import type { Db } from '../platform/database/connection.js';
import { lockKeys } from '../platform/database/row-locks.js';
import { newId } from '../platform/ids.js';
import { vietnamYear } from '../platform/vietnam-time.js';
import { takeRegisterNumber } from './register-numbering.js';

export interface DocumentToRegister {
  documentIndex: number;
  /** Inserts the organization's own copy of the document and returns its id. */
  insertCopy: (organizationId: string) => Promise<string>;
}

export interface RegisteredDelivery {
  deliveryId: string;
  documentId: string;
  organizationId: string;
  registerYear: number;
  registerNumber: number;
}

/**
 * Registers each document for each recipient organization: the organization's own copy of the
 * document (so one recipient's corrections never change another's), an incoming register entry
 * with the next number of the organization's year, and a `delivered` event. A message already
 * registered for an organization (same Message-ID and content hash: the dedupe key) is skipped,
 * so a redelivered message keeps its first number. Runs in the caller's
 * transaction.
 */
export async function registerIncomingDocuments(
  ctx: AppContext,
  trx: Db,
  input: { messageKey: string; receivedAt: Date; organizationIds: string[]; documents: DocumentToRegister[] },
): Promise<RegisteredDelivery[]> {
  const registered: RegisteredDelivery[] = [];
  const registerYear = vietnamYear(input.receivedAt);
  const now = ctx.clock.now().toISOString();

  // Registrations for one organization run one at a time across all nodes, so the dedupe check
  // below sees every committed copy and numbers follow the order registrations start in.
  await lockKeys(trx, ctx.engine, input.organizationIds.map((organizationId) => `register:${organizationId}`));

  for (const organizationId of input.organizationIds) {
    for (const document of input.documents) {
      const dedupeKey = `${input.messageKey}#${document.documentIndex}`;
      const existing = await trx
        .selectFrom('deliveries')
        .select('id')
        .where('organization_id', '=', organizationId)
        .where('dedupe_key', '=', dedupeKey)
        .executeTakeFirst();
      if (existing) continue;

      const documentId = await document.insertCopy(organizationId);
      const registerNumber = await takeRegisterNumber(trx, organizationId, 'incoming', registerYear);
      const deliveryId = newId();

      await trx
        .insertInto('deliveries')
        .values({
          id: deliveryId,
          document_id: documentId,
          organization_id: organizationId,
          dedupe_key: dedupeKey,
          register_year: registerYear,
          register_number: registerNumber,
          status: 'delivered',
          received_at: input.receivedAt.toISOString(),
          updated_at: now,
        })
        .execute();

      await trx
        .insertInto('delivery_events')
        .values({ delivery_id: deliveryId, at: now, kind: 'delivered', actor_user_id: null, actor_name: null, organization_id: organizationId, reason: null, data: null })
        .execute();

      registered.push({ deliveryId, documentId, organizationId, registerYear, registerNumber });
    }
  }

  return registered;
}
