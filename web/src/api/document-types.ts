import { apiRequest } from './client';
import type { DocumentType } from './types';

export async function fetchDocumentTypes(signal?: AbortSignal): Promise<DocumentType[]> {
  const body = await apiRequest<{ items: DocumentType[] }>('/document-types', { signal });

  return body.items;
}
