import type { AppContext } from '../platform/app-context.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { validationError } from '../platform/validation-issues.js';
import type { User } from '../directory/user-repository.js';
import { METADATA_FIELD_LABELS } from '../documents/metadata-field-labels.js';
import type { PreparedFile } from './dispatch-files.js';
import { dispatchMetadataColumns, dispatchMetadataSchema, type DispatchMetadata, type DraftMetadata } from './dispatch-metadata.js';
import { assertMaySend, sendDispatch, type SentDispatch } from './send-dispatch.js';

export interface DraftInput {
  metadata: DraftMetadata;
  recipients: string[];
  /** Null keeps the files a saved draft already has. */
  files: PreparedFile[] | null;
}

/** Saves a new draft, or replaces the content of one of the organization's drafts. Returns its id. */
export async function saveDraft(ctx: AppContext, user: User, input: DraftInput, draftId: string | null = null): Promise<string> {
  assertMaySend(user);
  for (const file of input.files ?? []) await ctx.blobs.put(file.content);

  const now = ctx.clock.now().toISOString();
  const id = draftId ?? newId();
  const metadata = input.metadata;
  const values = {
    ...dispatchMetadataColumns(metadata),
    recipients: JSON.stringify(input.recipients),
    updated_at: now,
  };

  await ctx.db.transaction().execute(async (trx) => {
    if (draftId) {
      await findDraft(trx, user, draftId);
      await trx.updateTable('dispatches').set(values).where('id', '=', draftId).execute();
    } else {
      await trx
        .insertInto('dispatches')
        .values({
          id,
          organization_id: user.organizationId,
          created_by_user_id: user.id,
          created_by_name: user.fullName,
          status: 'draft',
          source: 'web',
          ...values,
          register_year: null,
          register_number: null,
          message_row_id: null,
          message_id_header: null,
          withdraw_reason: null,
          created_at: now,
          sent_at: null,
          withdrawn_at: null,
        })
        .execute();
    }

    if (input.files) {
      await trx.deleteFrom('dispatch_files').where('dispatch_id', '=', id).execute();
      for (const [position, file] of input.files.entries()) {
        await trx
          .insertInto('dispatch_files')
          .values({ dispatch_id: id, position, role: file.role, filename: file.filename, content_type: file.detectedType, size: file.size, sha256: file.sha256 })
          .execute();
      }
    }
  });

  return id;
}

/** Sends a saved draft: the full checks run now, and the draft becomes the dispatch. */
export async function sendDraft(ctx: AppContext, user: User, draftId: string): Promise<SentDispatch> {
  const draft = await findDraft(ctx.db, user, draftId);
  const rows = await ctx.db.selectFrom('dispatch_files').selectAll().where('dispatch_id', '=', draftId).orderBy('position').execute();

  const files: PreparedFile[] = [];
  for (const row of rows) {
    files.push({ filename: row.filename, content: await ctx.blobs.get(row.sha256), role: row.role, detectedType: row.content_type, size: row.size, sha256: row.sha256 });
  }

  // An urgency or confidentiality the clerk left unset takes the default of a send: normal, and
  // not classified. A confidentiality the clerk did set goes to the sending rules, which reject it.
  const parsed = dispatchMetadataSchema.safeParse(
    {
      type: draft.type,
      number: draft.number,
      notation: draft.notation,
      issuedOn: draft.issued_on,
      place: draft.place,
      subject: draft.subject,
      signer: draft.signer,
      signerPosition: draft.signer_position,
      urgency: draft.urgency ?? undefined,
      confidentiality: draft.confidentiality ?? undefined,
      dueOn: draft.due_on,
    },
    { reportInput: true },
  );
  if (!parsed.success) {
    throw validationError(parsed.error.issues, METADATA_FIELD_LABELS, {
      lead: { vi: 'bản nháp chưa đủ thông tin để gửi', en: 'the draft is not ready to send' },
      pathPrefix: ['metadata'],
    });
  }

  const metadata: DispatchMetadata = parsed.data;
  return sendDispatch(ctx, user, { metadata, recipients: JSON.parse(draft.recipients) as string[], files, source: 'web', draftId });
}

export async function deleteDraft(ctx: AppContext, user: User, draftId: string): Promise<void> {
  assertMaySend(user);
  await ctx.db.transaction().execute(async (trx) => {
    await findDraft(trx, user, draftId);
    await trx.deleteFrom('dispatches').where('id', '=', draftId).execute();
  });
}

async function findDraft(db: AppContext['db'], user: User, draftId: string) {
  const draft = await db.selectFrom('dispatches').selectAll().where('id', '=', draftId).executeTakeFirst();
  if (!draft || draft.organization_id !== user.organizationId) {
    throw new AppError('not-found', 'Không tìm thấy bản nháp này trong cơ quan của bạn.', 'No such draft in your organization.');
  }
  if (draft.status !== 'draft') {
    throw new AppError('conflict', 'Văn bản này đã được gửi, không còn là bản nháp.', 'This dispatch was already sent; it is no longer a draft.');
  }
  return draft;
}
