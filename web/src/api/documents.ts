import { apiBase, apiRequest } from './client';
import type { DocumentDetail, DocumentItem, DocumentPage, MetadataPatch } from './types';

/** Filters of the incoming list; empty strings mean "no filter". */
export interface DocumentFilters {
  q: string;
  type: string;
  status: string;
  urgency: string;
  /** `YYYY-MM-DD`, inclusive. */
  from: string;
  /** `YYYY-MM-DD`, inclusive. */
  to: string;
  page: number;
  pageSize: number;
}

export function fetchIncomingDocuments(filters: DocumentFilters, signal?: AbortSignal): Promise<DocumentPage> {
  const params = new URLSearchParams({ box: 'incoming' });

  for (const key of ['q', 'type', 'status', 'urgency', 'from', 'to'] as const) {
    const value = filters[key].trim();
    if (value !== '') {
      params.set(key, value);
    }
  }
  params.set('page', String(filters.page));
  params.set('pageSize', String(filters.pageSize));

  return apiRequest<DocumentPage>(`/documents?${params.toString()}`, { signal });
}

export function fetchDocument(id: string, signal?: AbortSignal): Promise<DocumentDetail> {
  return apiRequest<DocumentDetail>(`/documents/${encodeURIComponent(id)}`, { signal });
}

// The responses below may contain only the list fields, so callers merge them into the cached detail.

export function acceptDocument(id: string): Promise<DocumentItem> {
  return apiRequest<DocumentItem>(`/documents/${encodeURIComponent(id)}/accept`, { method: 'POST', body: {} });
}

export function rejectDocument(id: string, reason: string): Promise<DocumentItem> {
  return apiRequest<DocumentItem>(`/documents/${encodeURIComponent(id)}/reject`, { method: 'POST', body: { reason } });
}

export function correctMetadata(id: string, patch: MetadataPatch): Promise<DocumentItem> {
  return apiRequest<DocumentItem>(`/documents/${encodeURIComponent(id)}/metadata`, { method: 'PATCH', body: patch });
}

export function attachmentUrl(documentId: string, attachmentId: string, options: { inline: boolean }): string {
  const path = `${apiBase}/documents/${encodeURIComponent(documentId)}/attachments/${encodeURIComponent(attachmentId)}`;

  return options.inline ? `${path}?inline=1` : path;
}
