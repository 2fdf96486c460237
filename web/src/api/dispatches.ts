import { i18next } from '../i18n/i18n';
import { ApiError } from './api-error';
import { apiBase, apiRequest, readError } from './client';
import type {
  AnalyzedDocument,
  CreatedDraft,
  DispatchDetail,
  DispatchFile,
  DispatchMetadata,
  DispatchPage,
  DispatchStatus,
  DraftMetadata,
  RecipientOptions,
  RecipientPreview,
  SentDispatch,
  WithdrawResult,
} from './dispatch-types';
import { apiUpload, type UploadOptions } from './upload';

/** Filters of the outgoing list. */
export interface DispatchFilters {
  /** Only dispatches in this state, or '' for drafts, sent and recalled dispatches together. */
  status: DispatchStatus | '';
  /** Only dispatches with a copy not accepted in time (chưa tiếp nhận, quá hạn). */
  overdue: boolean;
  page: number;
  pageSize: number;
}

export interface NewDispatch {
  document: File;
  attachments: File[];
  metadata: DispatchMetadata;
  /** Group codes, organization codes and mail addresses, as the clerk entered them. */
  recipients: string[];
}

export interface DraftFiles {
  document: File | null;
  attachments: File[];
}

export interface DraftContent {
  metadata: DraftMetadata;
  recipients: string[];
  /** Files that replace all of the saved draft's files, or null to keep the saved ones. */
  files: DraftFiles | null;
}

export function fetchDispatches(filters: DispatchFilters, signal?: AbortSignal): Promise<DispatchPage> {
  const params = new URLSearchParams({ page: String(filters.page), pageSize: String(filters.pageSize) });
  if (filters.status !== '') {
    params.set('status', filters.status);
  }
  if (filters.overdue) {
    params.set('overdue', 'true');
  }

  return apiRequest<DispatchPage>(`/dispatches?${params.toString()}`, { signal });
}

export function fetchDispatch(id: string, signal?: AbortSignal): Promise<DispatchDetail> {
  return apiRequest<DispatchDetail>(`/dispatches/${encodeURIComponent(id)}`, { signal });
}

/** Recognises an uploaded document, so that the compose form starts from its metadata. */
export function analyzeDocument(file: File, signal?: AbortSignal): Promise<AnalyzedDocument> {
  const form = new FormData();
  form.append('document', file);

  return apiUpload<AnalyzedDocument>('/dispatches/analyze', form, { signal });
}

/** Expands groups and resolves codes and addresses as a send would, without sending. */
export function previewRecipients(recipients: string[], signal?: AbortSignal): Promise<RecipientPreview> {
  return apiRequest<RecipientPreview>('/dispatches/recipients/preview', { method: 'POST', body: { recipients }, signal });
}

/** Builds the multipart body that sending, saving a draft and replacing a draft share. */
function dispatchForm(metadata: DispatchMetadata | DraftMetadata, recipients: string[], files: DraftFiles | null): FormData {
  const form = new FormData();
  form.append('metadata', JSON.stringify(metadata));
  form.append('recipients', JSON.stringify(recipients));
  if (files?.document) {
    form.append('document', files.document);
  }
  for (const attachment of files?.attachments ?? []) {
    form.append('attachments', attachment);
  }

  return form;
}

export function sendDispatch(dispatch: NewDispatch, options: UploadOptions = {}): Promise<SentDispatch> {
  const form = dispatchForm(dispatch.metadata, dispatch.recipients, dispatch);

  return apiUpload<SentDispatch>('/dispatches', form, options);
}

/** Saves a new draft (Bản nháp), which may lack recipients, files and any metadata. */
export function createDraft(draft: DraftContent, options: UploadOptions = {}): Promise<CreatedDraft> {
  const form = dispatchForm(draft.metadata, draft.recipients, draft.files);
  form.append('draft', 'true');

  return apiUpload<CreatedDraft>('/dispatches', form, options);
}

/** Replaces the metadata and recipients of a saved draft, and its files when the content has any. */
export function updateDraft(id: string, draft: DraftContent, options: UploadOptions = {}): Promise<DispatchDetail> {
  const form = dispatchForm(draft.metadata, draft.recipients, draft.files);

  return apiUpload<DispatchDetail>(`/dispatches/${encodeURIComponent(id)}`, form, { ...options, method: 'PUT' });
}

/** Sends a saved draft as it is stored. The server checks the whole draft only now. */
export function sendDraft(id: string): Promise<SentDispatch> {
  return apiRequest<SentDispatch>(`/dispatches/${encodeURIComponent(id)}/send`, { method: 'POST', body: {} });
}

/** Deletes a draft. The server rejects it with 409 once the draft was sent. */
export function deleteDraft(id: string): Promise<void> {
  return apiRequest<void>(`/dispatches/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function withdrawDispatch(id: string, reason: string): Promise<WithdrawResult> {
  return apiRequest<WithdrawResult>(`/dispatches/${encodeURIComponent(id)}/withdraw`, { method: 'POST', body: { reason } });
}

export function resendToRecipient(id: string, recipientId: string): Promise<DispatchDetail> {
  const path = `/dispatches/${encodeURIComponent(id)}/recipients/${encodeURIComponent(recipientId)}/resend`;

  return apiRequest<DispatchDetail>(path, { method: 'POST', body: {} });
}

export function dispatchFileUrl(id: string, position: number): string {
  return `${apiBase}/dispatches/${encodeURIComponent(id)}/files/${position}`;
}

/** Downloads a stored file of a dispatch, so that a changed draft can upload it again with the new files. */
export async function fetchDispatchFile(id: string, file: DispatchFile): Promise<File> {
  let response: Response;
  try {
    response = await fetch(dispatchFileUrl(id, file.position), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', i18next.t('errors.network'));
  }

  if (!response.ok) {
    throw await readError(response);
  }

  return new File([await response.blob()], file.filename, { type: file.contentType });
}

export function fetchRecipientOptions(signal?: AbortSignal): Promise<RecipientOptions> {
  return apiRequest<RecipientOptions>('/dispatches/recipients/options', { signal });
}
