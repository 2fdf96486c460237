import libmime from 'libmime';
import type { AppContext } from '../../platform/app-context.js';
import { newId } from '../../platform/ids.js';
import { foldText } from '../../platform/text-fold.js';
import { registerIncomingDocuments } from '../../documents/register-incoming.js';
import { readRawMessage } from './raw-message.js';

/**
 * Registers a message that processing could not handle as one unrecognised document, so that it
 * still reaches the recipients' registers and their "Cần xử lý" list: a failure is visible, never silent. The raw
 * bytes stay stored; processing can run again after a fix.
 */
export async function registerUnprocessableMessage(ctx: AppContext, messageRowId: string, errorDetail: string): Promise<void> {
  const message = await ctx.db.selectFrom('messages').selectAll().where('id', '=', messageRowId).executeTakeFirstOrThrow();
  const raw = await readRawMessage(ctx, message);
  const subject = readSubject(raw);
  const now = ctx.clock.now().toISOString();
  const flags = [{ code: 'processing-failed', message: `Không xử lý được thư: ${errorDetail}` }];

  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('messages')
      .set({ processing_status: 'failed', processing_error: errorDetail, subject, processed_at: now })
      .where('id', '=', messageRowId)
      .execute();

    await registerIncomingDocuments(ctx, trx, {
      messageKey: `${message.message_id_header ?? `raw:${message.raw_sha256}`}|${message.content_sha256}`,
      receivedAt: new Date(message.received_at),
      organizationIds: JSON.parse(message.recipient_organization_ids) as string[],
      documents: [
        {
          documentIndex: 0,
          insertCopy: async (organizationId) => {
            const id = newId();
            await trx
              .insertInto('documents')
              .values({
                id,
                message_id: messageRowId,
                attachment_id: null,
                organization_id: organizationId,
                document_index: 0,
                recognized: JSON.stringify({ type: 'unknown', subject }),
                fields: '{}',
                type: 'unknown',
                number: null,
                notation: null,
                issued_on: null,
                place: null,
                issuer: null,
                issuer_code: null,
                subject,
                signer: null,
                signer_position: null,
                urgency: 'normal',
                confidentiality: 'none',
                meeting: null,
                quarantined: 0,
                flags: JSON.stringify(flags),
                search_text: foldText(subject ?? ''),
                created_at: now,
                updated_at: now,
              })
              .execute();
            return id;
          },
        },
      ],
    });
  });
}

function readSubject(raw: Buffer): string | null {
  const head = raw.subarray(0, 256 * 1024).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const headers = (end >= 0 ? head.slice(0, end) : head).replace(/\r?\n[ \t]+/g, ' ');
  const match = /^subject:\s*(.*)$/im.exec(headers);
  if (!match) return null;

  try {
    return libmime.decodeWords(match[1]!.trim()).normalize('NFC');
  } catch {
    return match[1]!.trim();
  }
}
