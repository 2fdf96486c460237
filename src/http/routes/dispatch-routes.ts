import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { AppError, invalidInput } from '../../platform/errors.js';
import { parseOrThrow } from '../../platform/validation-issues.js';
import { listOrganizations } from '../../directory/organization-repository.js';
import { listGroups } from '../../directory/group-repository.js';
import { assertCanReadContent } from '../../documents/document-access.js';
import { analyzeDocumentFile } from '../../documents/analyze-document.js';
import { prepareFiles, type UploadedFile } from '../../exchange/dispatch-files.js';
import { dispatchMetadataSchema, draftMetadataSchema } from '../../exchange/dispatch-metadata.js';
import { listDispatches, loadDispatch } from '../../exchange/dispatch-queries.js';
import { resolveRecipients } from '../../exchange/dispatch-recipients.js';
import { resendToRecipient, withdrawDispatch } from '../../exchange/dispatch-actions.js';
import { assertMaySend, sendDispatch } from '../../exchange/send-dispatch.js';
import { deleteDraft, saveDraft, sendDraft } from '../../exchange/drafts.js';
import { loadSendingRules, saveSendingRules, sendingRulesSchema, FILE_KINDS } from '../../exchange/sending-rules.js';
import { contentDisposition } from '../content-disposition.js';
import { API_FIELD_LABELS } from '../field-labels.js';
import { localeOf } from '../locale.js';
import { parseRequestInput } from '../request-input.js';
import { requireUser } from '../session-auth.js';

const listQuery = z.object({
  status: z
    .string()
    .optional()
    .transform((value) => (value ? value.split(',') : []))
    .pipe(z.array(z.enum(['draft', 'sent', 'withdrawn']))),
  overdue: z.enum(['true', 'false', '1', '0']).optional().transform((value) => value === 'true' || value === '1'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
const idParams = z.object({ id: z.string().uuid() });
const recipientParams = z.object({ id: z.string().uuid(), recipientId: z.string().uuid() });
const fileParams = z.object({ id: z.string().uuid(), position: z.coerce.number().int().min(0) });
const withdrawBody = z.object({ reason: z.string().max(4000) });
const previewBody = z.object({ recipients: z.array(z.string().max(320)).max(1000) });
const recipientList = z.array(z.string().max(320)).max(1000);

export function registerDispatchRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/v1/dispatches', { schema: { tags: ['dispatches'], summary: 'Send a document (multipart: document, attachments, metadata JSON, recipients JSON; draft=true saves a draft); returns the dispatch id' } }, async (request, reply) => {
    const user = requireUser(request);
    assertMaySend(user);

    const form = await readForm(request);
    if (form.draft) {
      const id = await saveDraft(ctx, user, draftOf(form));
      return reply.status(201).send({ id, status: 'draft' });
    }

    const sent = await sendDispatch(ctx, user, { ...dispatchOf(form), source: 'api' });
    return reply.status(201).send(sent);
  });

  app.put('/api/v1/dispatches/:id', { schema: { tags: ['dispatches'], summary: 'Replace a draft’s metadata, recipients and, when given, files (multipart as for sending)' } }, async (request) => {
    const user = requireUser(request);
    const { id } = parseRequestInput(idParams, request.params);

    await saveDraft(ctx, user, draftOf(await readForm(request)), id);
    return loadDispatch(ctx, user, id, localeOf(request));
  });

  app.post('/api/v1/dispatches/:id/send', { schema: { tags: ['dispatches'], summary: 'Send a saved draft' } }, async (request) => {
    const user = requireUser(request);
    const { id } = parseRequestInput(idParams, request.params);

    return sendDraft(ctx, user, id);
  });

  app.delete('/api/v1/dispatches/:id', { schema: { tags: ['dispatches'], summary: 'Delete a draft' } }, async (request, reply) => {
    const user = requireUser(request);
    const { id } = parseRequestInput(idParams, request.params);

    await deleteDraft(ctx, user, id);
    return reply.status(204).send();
  });

  app.get('/api/v1/dispatches/recipients/options', { schema: { tags: ['dispatches'], summary: 'Groups and organizations a clerk can pick as recipients (the sender left out)' } }, async (request) => {
    const user = requireUser(request);
    const organizations = (await listOrganizations(ctx.db)).filter((organization) => organization.id !== user.organizationId);
    const groups = await listGroups(ctx.db);

    return {
      groups: groups.map((group) => ({ code: group.code, name: group.name, memberCount: group.organizationCodes.length })),
      organizations: organizations.map((organization) => ({ code: organization.code, name: organization.name, shortName: organization.shortName, kind: organization.kind })),
    };
  });

  app.post('/api/v1/dispatches/recipients/preview', { schema: { tags: ['dispatches'], summary: 'Expand recipients (groups, codes, addresses) as they would be sent to' } }, async (request) => {
    const user = requireUser(request);
    const body = parseRequestInput(previewBody, request.body);
    const resolution = await resolveRecipients(ctx.db, body.recipients, user.organizationId);

    return resolution;
  });

  app.post('/api/v1/dispatches/analyze', { schema: { tags: ['dispatches'], summary: 'Recognise an uploaded document to prefill the metadata (multipart: document)' } }, async (request) => {
    const user = requireUser(request);
    assertMaySend(user);

    const upload = await request.file();
    if (!upload) throw invalidInput('document', 'Cần tải lên tệp văn bản.', 'Upload the document file.');
    const [file] = prepareFiles([{ filename: upload.filename, content: await upload.toBuffer(), role: 'document' }]);
    const analyzed = await analyzeDocumentFile(
      { filename: file!.filename, filenameOriginal: file!.filename, declaredType: upload.mimetype, detectedType: file!.detectedType, disposition: 'attachment', content: file!.content, size: file!.size, sha256: file!.sha256, isDocument: true, partPath: '1', forwarded: false, contentId: null },
      0,
      '',
      await listOrganizations(ctx.db),
    );

    return { metadata: analyzed.recognized.metadata, fields: analyzed.recognized.fields, flags: analyzed.flags, detectedType: file!.detectedType };
  });

  app.get('/api/v1/dispatches', { schema: { tags: ['dispatches'], summary: 'Dispatches of the user’s organization with per-recipient counts; ?overdue=true for late ones' } }, async (request) => {
    const user = requireUser(request);
    assertCanReadContent(user);
    const query = parseRequestInput(listQuery, request.query);

    const { items, total } = await listDispatches(ctx, user, query, localeOf(request));
    return { items, total, page: query.page, pageSize: query.pageSize };
  });

  app.get('/api/v1/dispatches/:id', { schema: { tags: ['dispatches'], summary: 'One dispatch with each recipient’s status and timeline' } }, async (request) => {
    const user = requireUser(request);
    assertCanReadContent(user);
    const { id } = parseRequestInput(idParams, request.params);

    return loadDispatch(ctx, user, id, localeOf(request));
  });

  app.get('/api/v1/dispatches/:id/files/:position', { schema: { tags: ['dispatches'], summary: 'Download a file of a dispatch' } }, async (request, reply) => {
    const user = requireUser(request);
    assertCanReadContent(user);
    const { id, position } = parseRequestInput(fileParams, request.params);

    const dispatch = await loadDispatch(ctx, user, id, localeOf(request));
    const file = dispatch.files.find((candidate) => candidate.position === position);
    if (!file) throw new AppError('not-found', `Văn bản đi không có tệp số ${position}.`, `The dispatch has no file ${position}.`);

    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', contentDisposition('attachment', file.filename))
      .header('x-content-type-options', 'nosniff')
      .send(await ctx.blobs.get(file.sha256));
  });

  app.post('/api/v1/dispatches/:id/withdraw', { schema: { tags: ['dispatches'], summary: 'Recall (thu hồi) the copies not yet accepted, with a reason' } }, async (request) => {
    const user = requireUser(request);
    const { id } = parseRequestInput(idParams, request.params);
    const { reason } = parseRequestInput(withdrawBody, request.body);

    const withdrawn = await withdrawDispatch(ctx, user, id, reason);
    return { withdrawn, dispatch: await loadDispatch(ctx, user, id, localeOf(request)) };
  });

  app.post('/api/v1/dispatches/:id/recipients/:recipientId/resend', { schema: { tags: ['dispatches'], summary: 'Send the message again to one recipient outside this installation' } }, async (request) => {
    const user = requireUser(request);
    const { id, recipientId } = parseRequestInput(recipientParams, request.params);

    await resendToRecipient(ctx, user, id, recipientId);
    return loadDispatch(ctx, user, id, localeOf(request));
  });

  app.get('/api/v1/sending-rules', { schema: { tags: ['dispatches'], summary: 'The rules every dispatch is checked against' } }, async (request) => {
    requireUser(request);
    return { rules: await loadSendingRules(ctx.db), fileKinds: FILE_KINDS };
  });

  app.put('/api/v1/sending-rules', { schema: { tags: ['dispatches'], summary: 'Change the sending rules (administrators)' } }, async (request) => {
    const user = requireUser(request);
    if (!user.roles.includes('admin')) {
      throw new AppError('forbidden', 'Chỉ quản trị viên được sửa quy định gửi văn bản.', 'Only an administrator may change the sending rules.');
    }
    const rules = parseRequestInput(sendingRulesSchema, request.body);

    await saveSendingRules(ctx, rules);
    return { rules };
  });
}

interface DispatchForm {
  files: UploadedFile[];
  metadataText: string | null;
  recipientsText: string | null;
  draft: boolean;
}

/** Reads the multipart form of a dispatch: the document, attachments, metadata and recipients. */
async function readForm(request: FastifyRequest): Promise<DispatchForm> {
  const form: DispatchForm = { files: [], metadataText: null, recipientsText: null, draft: false };

  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'document' && part.fieldname !== 'attachments') {
        throw invalidInput(part.fieldname, `Trường tệp "${part.fieldname}" không được dùng; dùng "document" hoặc "attachments".`, `Unknown file field "${part.fieldname}"; use "document" or "attachments".`);
      }
      form.files.push({ filename: part.filename, content: await part.toBuffer(), role: part.fieldname === 'document' ? 'document' : 'attachment' });
    } else if (part.fieldname === 'metadata') {
      form.metadataText = String(part.value);
    } else if (part.fieldname === 'recipients') {
      form.recipientsText = String(part.value);
    } else if (part.fieldname === 'draft') {
      form.draft = String(part.value) === 'true';
    }
  }

  return form;
}

/** Checks the form of a dispatch to send now: every part is required. */
function dispatchOf(form: DispatchForm) {
  if (!form.files.some((file) => file.role === 'document')) throw invalidInput('document', 'Cần tải lên tệp văn bản chính.', 'Upload the main document file.');
  if (form.metadataText === null) throw invalidInput('metadata', 'Thiếu thông tin văn bản (metadata).', 'The metadata field is missing.');
  if (form.recipientsText === null) throw invalidInput('recipients', 'Thiếu danh sách nơi nhận.', 'The recipients field is missing.');

  return {
    metadata: parseMetadata(dispatchMetadataSchema, form.metadataText),
    recipients: parseRecipients(form.recipientsText),
    files: prepareFiles(form.files),
  };
}

/** Reads the form of a draft as far as it goes. A form without files keeps the draft's files. */
function draftOf(form: DispatchForm) {
  return {
    metadata: parseMetadata(draftMetadataSchema, form.metadataText ?? '{}'),
    recipients: form.recipientsText === null ? [] : parseRecipients(form.recipientsText),
    files: form.files.length > 0 ? prepareFiles(form.files) : null,
  };
}

function parseMetadata<T extends z.ZodType>(schema: T, text: string): z.output<T> {
  return parseOrThrow(schema, parseJsonField('metadata', text), API_FIELD_LABELS, {
    lead: { vi: 'thông tin văn bản không hợp lệ', en: 'invalid document details' },
    pathPrefix: ['metadata'],
  });
}

function parseRecipients(text: string): string[] {
  const recipients = recipientList.safeParse(parseJsonField('recipients', text));
  if (!recipients.success) {
    throw invalidInput('recipients', 'Danh sách nơi nhận phải là mảng JSON các mã cơ quan, mã nhóm hoặc địa chỉ thư.', 'recipients must be a JSON array of organization codes, group codes or mail addresses.');
  }
  return recipients.data;
}

function parseJsonField(field: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw invalidInput(field, `Trường ${field} không phải JSON hợp lệ.`, `The ${field} field is not valid JSON.`);
  }
}
