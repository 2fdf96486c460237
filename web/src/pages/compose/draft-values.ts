import type { UploadFile } from 'antd';
import dayjs from 'dayjs';

import type { DispatchDetail, DispatchFile, DraftMetadata } from '../../api/dispatch-types';
import { initialComposeValues, metadataOf, type ComposeValues } from './compose-values';

const savedFilePrefix = 'saved-file-';

/** Shows a file stored with the draft in the upload list. It has no browser `File` until it is downloaded. */
function savedFileEntry(draftFile: DispatchFile, url: string): UploadFile {
  return {
    uid: `${savedFilePrefix}${draftFile.position}`,
    name: draftFile.filename,
    size: draftFile.size,
    type: draftFile.contentType,
    status: 'done',
    url,
  };
}

/** Returns the position of a file the draft already stores, or null for a file chosen in this browser. */
export function savedPositionOf(entry: UploadFile): number | null {
  if (entry.originFileObj || !entry.uid.startsWith(savedFilePrefix)) {
    return null;
  }

  return Number(entry.uid.slice(savedFilePrefix.length));
}

/** Lists the draft's stored files as the values of the Văn bản chính and Tệp đính kèm fields. */
export function savedFileValues(draft: DispatchDetail, urlOf: (file: DispatchFile) => string): Pick<ComposeValues, 'document' | 'attachments'> {
  return {
    document: draft.files.filter((file) => file.role === 'document').map((file) => savedFileEntry(file, urlOf(file))),
    attachments: draft.files.filter((file) => file.role === 'attachment').map((file) => savedFileEntry(file, urlOf(file))),
  };
}

/**
 * Fills the compose form from a saved draft, field by field as it was saved. An urgency or confidentiality
 * the draft leaves unset shows the value a send would take, because those selects always hold one.
 */
export function composeValuesOfDraft(draft: DispatchDetail, urlOf: (file: DispatchFile) => string): ComposeValues {
  return {
    ...savedFileValues(draft, urlOf),
    type: draft.type ?? undefined,
    number: draft.number ?? '',
    notation: draft.notation ?? '',
    issuedOn: draft.issuedOn ? dayjs(draft.issuedOn) : null,
    place: draft.place ?? '',
    subject: draft.subject ?? '',
    signer: draft.signer ?? '',
    signerPosition: draft.signerPosition ?? '',
    urgency: draft.urgency ?? initialComposeValues.urgency,
    confidentiality: draft.confidentiality ?? initialComposeValues.confidentiality,
    dueOn: draft.dueOn ? dayjs(draft.dueOn) : null,
    recipients: draft.recipientEntries,
  };
}

/** Builds the metadata of a draft, which leaves out the type until the clerk picks one. */
export function draftMetadataOf(values: ComposeValues): DraftMetadata {
  const { type, ...rest } = metadataOf(values);

  return type === '' ? rest : { type, ...rest };
}
