import { apiBase, apiRequest } from './client';
import type {
  AnalyzedDocument,
  DispatchDetail,
  DispatchMetadata,
  DispatchPage,
  RecipientOptions,
  RecipientPreview,
  SendingRules,
  SentDispatch,
  WithdrawResult,
} from './dispatch-types';
import { apiUpload, type UploadOptions } from './upload';

/** Filters of the outgoing list. */
export interface DispatchFilters {
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

export function fetchDispatches(filters: DispatchFilters, signal?: AbortSignal): Promise<DispatchPage> {
  const params = new URLSearchParams({ page: String(filters.page), pageSize: String(filters.pageSize) });
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

export function sendDispatch(dispatch: NewDispatch, options: UploadOptions = {}): Promise<SentDispatch> {
  const form = new FormData();
  form.append('metadata', JSON.stringify(dispatch.metadata));
  form.append('recipients', JSON.stringify(dispatch.recipients));
  form.append('document', dispatch.document);
  for (const attachment of dispatch.attachments) {
    form.append('attachments', attachment);
  }

  return apiUpload<SentDispatch>('/dispatches', form, options);
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

export function fetchRecipientOptions(signal?: AbortSignal): Promise<RecipientOptions> {
  return apiRequest<RecipientOptions>('/dispatches/recipients/options', { signal });
}

export async function fetchSendingRules(signal?: AbortSignal): Promise<SendingRules> {
  const body = await apiRequest<{ rules: SendingRules }>('/sending-rules', { signal });

  return body.rules;
}
