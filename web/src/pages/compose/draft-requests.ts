import type { UploadFile } from 'antd';

import type { DispatchDetail } from '../../api/dispatch-types';
import { createDraft, fetchDispatch, fetchDispatchFile, updateDraft, type DraftContent, type DraftFiles } from '../../api/dispatches';
import type { UploadOptions } from '../../api/upload';
import type { ComposeValues } from './compose-values';
import { draftMetadataOf, savedPositionOf } from './draft-values';

function isUnchanged(entries: UploadFile[], stored: number[]): boolean {
  const positions = entries.map(savedPositionOf);

  return positions.length === stored.length && positions.every((position, index) => position === stored[index]);
}

async function browserFileOf(entry: UploadFile, draft: DispatchDetail | null): Promise<File> {
  if (entry.originFileObj) {
    return entry.originFileObj;
  }

  const position = savedPositionOf(entry);
  const stored = draft?.files.find((file) => file.position === position);
  if (!stored || !draft) {
    throw new Error(`File ${entry.name} is not among the saved draft's files. Reload the draft and try again.`);
  }

  return fetchDispatchFile(draft.id, stored);
}

/**
 * Returns the files a draft request carries, or null while the form contains exactly the draft's stored
 * files, so that the server keeps them. The server keeps all stored files or replaces all of them, so
 * after any change every file is uploaded again and the stored ones are downloaded first.
 */
async function draftFilesOf(values: ComposeValues, draft: DispatchDetail | null): Promise<DraftFiles | null> {
  const documentEntries = values.document ?? [];
  const attachmentEntries = values.attachments ?? [];

  if (draft) {
    const storedDocuments = draft.files.filter((file) => file.role === 'document').map((file) => file.position);
    const storedAttachments = draft.files.filter((file) => file.role === 'attachment').map((file) => file.position);
    if (isUnchanged(documentEntries, storedDocuments) && isUnchanged(attachmentEntries, storedAttachments)) {
      return null;
    }
  }

  // NOTE: a request without files keeps the stored ones, so a draft cannot lose its last file.
  const document = documentEntries[0] ? await browserFileOf(documentEntries[0], draft) : null;
  const attachments = await Promise.all(attachmentEntries.map((entry) => browserFileOf(entry, draft)));

  return { document, attachments };
}

async function draftContentOf(values: ComposeValues, draft: DispatchDetail | null): Promise<DraftContent> {
  return {
    metadata: draftMetadataOf(values),
    recipients: values.recipients ?? [],
    files: await draftFilesOf(values, draft),
  };
}

/** Saves the form as a new draft, or over the given draft, and returns the draft as the server now stores it. */
export async function storeDraft(draft: DispatchDetail | null, values: ComposeValues, options: UploadOptions): Promise<DispatchDetail> {
  const content = await draftContentOf(values, draft);

  if (draft) {
    return updateDraft(draft.id, content, options);
  }

  const created = await createDraft(content, options);

  return fetchDispatch(created.id);
}
