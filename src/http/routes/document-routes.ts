import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { withoutControlCharacters } from '../../platform/control-characters.js';
import { notFound } from '../../platform/errors.js';
import { assertCanCorrect, assertCanHandle, assertCanReadContent } from '../../documents/document-access.js';
import { loadDocumentDetail } from '../../documents/document-detail.js';
import { acceptDelivery, markRead, rejectDelivery } from '../../documents/delivery-actions.js';
import { DELIVERY_STATUSES } from '../../documents/delivery-status.js';
import { findIncomingDocument, listIncomingDocuments } from '../../documents/incoming-documents.js';
import { correctMetadata } from '../../documents/metadata-correction.js';
import { logContentAccess } from '../../documents/content-access-log.js';
import { localeOf } from '../locale.js';
import { parseRequestInput } from '../request-input.js';
import { requireUser } from '../session-auth.js';
import { contentDisposition } from '../content-disposition.js';

const isoDate = z.iso.date({ message: 'expected a real date as YYYY-MM-DD' });
const urgency = z.enum(['normal', 'urgent', 'very-urgent', 'flash']);

const listQuery = z.object({
  box: z.enum(['incoming']).default('incoming'),
  type: z.string().max(10).optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
  urgency: urgency.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

const idParams = z.object({ id: z.string().uuid() });
const attachmentParams = z.object({ id: z.string().uuid(), attachmentId: z.string().uuid() });
const rejectBody = z.object({ reason: z.string().max(4000) });

const nullableText = (max: number) => z.string().max(max).transform(withoutControlCharacters).nullable().optional();
const correctionBody = z
  .object({
    type: z.string().min(1).max(10).optional(),
    number: nullableText(20),
    notation: nullableText(60),
    issuedOn: isoDate.nullable().optional(),
    place: nullableText(100),
    issuer: nullableText(300),
    subject: nullableText(2000),
    signer: nullableText(200),
    signerPosition: nullableText(200),
    urgency: urgency.optional(),
  })
  .strict();

export function registerDocumentRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/documents', { schema: { tags: ['documents'], summary: 'Incoming documents of the user’s organization', querystring: z.toJSONSchema(listQuery, { io: 'input' }) } }, async (request) => {
    const user = requireUser(request);
    assertCanReadContent(user);
    const query = parseRequestInput(listQuery, request.query);

    const { items, total } = await listIncomingDocuments(ctx, user, query, localeOf(request));
    return { items, total, page: query.page, pageSize: query.pageSize };
  });

  app.get('/api/v1/documents/:id', { schema: { tags: ['documents'], summary: 'One document with fields, history, mail and attachments; marks it read' } }, async (request) => {
    const user = requireUser(request);
    assertCanReadContent(user);
    const { id } = parseRequestInput(idParams, request.params);
    const locale = localeOf(request);

    const item = await findIncomingDocument(ctx, user, id, locale);
    if (!item) throw notFound('văn bản', 'Document', id);

    await markRead(ctx, item.deliveryId, user);
    await logContentAccess(ctx, user, 'read-document', id, null);

    const fresh = (await findIncomingDocument(ctx, user, id, locale))!;
    return loadDocumentDetail(ctx, fresh);
  });

  app.get('/api/v1/documents/:id/attachments/:attachmentId', { schema: { tags: ['documents'], summary: 'Download an attachment (?inline=1 to preview)' } }, async (request, reply) => {
    const user = requireUser(request);
    assertCanReadContent(user);
    const { id, attachmentId } = parseRequestInput(attachmentParams, request.params);
    const inline = (request.query as Record<string, string | undefined>).inline === '1';

    const item = await findIncomingDocument(ctx, user, id, localeOf(request));
    if (!item) throw notFound('văn bản', 'Document', id);

    const attachment = await ctx.db
      .selectFrom('attachments')
      .innerJoin('documents', 'documents.message_id', 'attachments.message_id')
      .select(['attachments.filename', 'attachments.detected_type', 'attachments.sha256'])
      .where('documents.id', '=', id)
      .where('attachments.id', '=', attachmentId)
      .executeTakeFirst();
    if (!attachment) throw notFound('tệp đính kèm', 'Attachment', attachmentId);

    await logContentAccess(ctx, user, 'download-attachment', id, attachmentId);

    const bytes = await ctx.blobs.get(attachment.sha256);
    return reply
      .header('content-type', attachment.detected_type)
      .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', attachment.filename))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "sandbox; default-src 'none'; style-src 'unsafe-inline'")
      .send(bytes);
  });

  app.post('/api/v1/documents/:id/accept', { schema: { tags: ['documents'], summary: 'Accept (tiếp nhận) the organization’s copy' } }, async (request) => {
    const user = requireUser(request);
    assertCanHandle(user);
    const { id } = parseRequestInput(idParams, request.params);
    const locale = localeOf(request);

    const item = await findIncomingDocument(ctx, user, id, locale);
    if (!item) throw notFound('văn bản', 'Document', id);

    await acceptDelivery(ctx, item.deliveryId, user);
    request.log.info({ documentId: id, deliveryId: item.deliveryId, userId: user.id }, 'document accepted');
    return loadDocumentDetail(ctx, (await findIncomingDocument(ctx, user, id, locale))!);
  });

  app.post('/api/v1/documents/:id/reject', { schema: { tags: ['documents'], summary: 'Reject (từ chối) the copy with a reason', body: z.toJSONSchema(rejectBody) } }, async (request) => {
    const user = requireUser(request);
    assertCanHandle(user);
    const { id } = parseRequestInput(idParams, request.params);
    const { reason } = parseRequestInput(rejectBody, request.body ?? {});
    const locale = localeOf(request);

    const item = await findIncomingDocument(ctx, user, id, locale);
    if (!item) throw notFound('văn bản', 'Document', id);

    await rejectDelivery(ctx, item.deliveryId, user, reason);
    request.log.info({ documentId: id, deliveryId: item.deliveryId, userId: user.id }, 'document rejected');
    return loadDocumentDetail(ctx, (await findIncomingDocument(ctx, user, id, locale))!);
  });

  app.patch('/api/v1/documents/:id/metadata', { schema: { tags: ['documents'], summary: 'Correct recognised metadata; each change is an event', body: z.toJSONSchema(correctionBody, { io: 'input' }) } }, async (request) => {
    const user = requireUser(request);
    assertCanCorrect(user);
    const { id } = parseRequestInput(idParams, request.params);
    const correction = parseRequestInput(correctionBody, request.body ?? {});
    const locale = localeOf(request);

    const item = await findIncomingDocument(ctx, user, id, locale);
    if (!item) throw notFound('văn bản', 'Document', id);

    await correctMetadata(ctx, id, user, correction);
    return loadDocumentDetail(ctx, (await findIncomingDocument(ctx, user, id, locale))!);
  });
}
