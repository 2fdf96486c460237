import type { DocumentFilters } from './documents';

// Keys of the TanStack Query cache; a prefix such as `documents` invalidates every list at once.
export const queryKeys = {
  session: ['session'] as const,
  documentTypes: ['document-types'] as const,
  documentLists: ['documents'] as const,
  documentList: (filters: DocumentFilters) => ['documents', filters] as const,
  document: (id: string) => ['document', id] as const,
  register: (year: number) => ['register', 'incoming', year] as const,
  flagged: ['flagged'] as const,
};
