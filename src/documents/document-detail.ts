import type { AppContext } from '../platform/app-context.js';
import { parseJsonColumn } from '../platform/json-column.js';
import type { DocumentItem, Flag } from './document-item.js';
import type { SenderAuthentication } from '../mail/inbound/sender-authentication.js';

export interface FieldValue {
  value: unknown;
  confidence: number;
  source: string;
}

export interface DocumentDetail extends DocumentItem {
  fields: Record<string, FieldValue>;
  corrections: { field: string; from: unknown; to: unknown; at: string; actor: string | null }[];
  events: { at: string; kind: string; actor: string | null; reason: string | null }[];
  message: {
    messageId: string | null;
    from: { name: string; address: string } | null;
    to: { name: string; address: string }[];
    subject: string | null;
    date: string | null;
    text: string;
    html: string | null;
    /** The DKIM, SPF and DMARC results for the From address on arrival, or null for local copies and older mail. */
    authentication: SenderAuthentication | null;
  };
  attachments: { id: string; filename: string; contentType: string; size: number; sha256: string; isMain: boolean; flags: Flag[] }[];
  meeting: { start: string; location: string | null } | null;
}

/** The parts of a parsed message kept on the message row for display. */
export interface StoredParsedMessage {
  from: { name: string; address: string } | null;
  to: { name: string; address: string }[];
  date: string | null;
  text: string;
  html: string | null;
  authentication?: SenderAuthentication;
}

/** Adds fields, history, the mail and the attachments to a mailbox row. */
export async function loadDocumentDetail(ctx: AppContext, item: DocumentItem): Promise<DocumentDetail> {
  const document = await ctx.db.selectFrom('documents').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow();
  const message = await ctx.db.selectFrom('messages').selectAll().where('id', '=', document.message_id).executeTakeFirstOrThrow();

  const deliveryEvents = await ctx.db
    .selectFrom('delivery_events')
    .select(['at', 'kind', 'actor_name', 'reason'])
    .where('delivery_id', '=', item.deliveryId)
    .orderBy('id')
    .execute();

  const documentEvents = await ctx.db
    .selectFrom('document_events')
    .select(['at', 'kind', 'actor_name', 'data'])
    .where('document_id', '=', item.id)
    .orderBy('id')
    .execute();

  const attachments = await ctx.db
    .selectFrom('attachments')
    .selectAll()
    .where('message_id', '=', message.id)
    .orderBy('part_path')
    .execute();

  const corrections = documentEvents
    .filter((event) => event.kind === 'corrected')
    .map((event) => ({ ...parseJsonColumn<{ field: string; from: unknown; to: unknown }>(event.data, { field: '', from: null, to: null }), at: event.at, actor: event.actor_name }));

  const events = [
    ...deliveryEvents.map((event) => ({ at: event.at, kind: event.kind, actor: event.actor_name, reason: event.reason })),
    ...corrections.map((correction) => ({ at: correction.at, kind: 'corrected', actor: correction.actor, reason: `${correction.field}: ${String(correction.from ?? '')} → ${String(correction.to ?? '')}` })),
  ].sort((a, b) => a.at.localeCompare(b.at));

  const parsed = parseJsonColumn<StoredParsedMessage | null>(message.parsed, null);

  return {
    ...item,
    fields: parseJsonColumn<Record<string, FieldValue>>(document.fields, {}),
    corrections,
    events,
    message: {
      messageId: message.message_id_header,
      from: parsed?.from ?? (message.from_address ? { name: message.from_name ?? '', address: message.from_address } : null),
      to: parsed?.to ?? [],
      subject: message.subject,
      date: parsed?.date ?? null,
      text: parsed?.text ?? '',
      html: parsed?.html ?? null,
      authentication: parsed?.authentication ?? null,
    },
    attachments: attachments.map((attachment) => ({
      id: attachment.id,
      filename: attachment.filename,
      contentType: attachment.detected_type,
      size: attachment.size,
      sha256: attachment.sha256,
      isMain: attachment.id === document.attachment_id,
      flags: parseJsonColumn<Flag[]>(attachment.flags, []),
    })),
    meeting: parseJsonColumn(document.meeting, null),
  };
}
