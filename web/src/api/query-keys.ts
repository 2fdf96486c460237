import type { Language } from '../i18n/language';
import type { DispatchFilters } from './dispatches';
import type { DocumentFilters } from './documents';

// Keys of the TanStack Query cache; a prefix such as `documents` invalidates every list at once.
// The server writes flag messages and type names in the request's language, so the keys of those
// responses end with the language. After a switch, screens then load the new language instead of
// showing the cached one.
export const queryKeys = {
  session: ['session'] as const,
  documentTypes: ['document-types'] as const,
  notifications: ['notifications'] as const,
  documentLists: ['documents'] as const,
  documentList: (filters: DocumentFilters, language: Language) => ['documents', filters, language] as const,
  /** Prefix of one document in every language. */
  document: (id: string) => ['document', id] as const,
  localizedDocument: (id: string, language: Language) => ['document', id, language] as const,
  registers: ['register'] as const,
  register: (year: number, language: Language) => ['register', 'incoming', year, language] as const,
  outgoingRegister: (year: number, language: Language) => ['register', 'outgoing', year, language] as const,
  flagged: ['flagged'] as const,
  localizedFlagged: (language: Language) => ['flagged', language] as const,
  dispatchLists: ['dispatches'] as const,
  dispatchList: (filters: DispatchFilters, language: Language) => ['dispatches', filters, language] as const,
  /** Prefix of one dispatch in every language. */
  dispatch: (id: string) => ['dispatch', id] as const,
  localizedDispatch: (id: string, language: Language) => ['dispatch', id, language] as const,
  /** A draft open in the compose form, kept apart from the language so that a switch does not reload the form. */
  draft: (id: string) => ['dispatch', id, 'draft'] as const,
  recipientPreview: (recipients: string[], language: Language) => ['recipient-preview', recipients, language] as const,
  sendingRules: ['sending-rules'] as const,
  recipientOptions: ['recipient-options'] as const,
  groups: ['groups'] as const,
  organizations: ['organizations'] as const,
  /** Prefix of every year of the working-day calendar in every language. */
  calendars: ['calendar'] as const,
  calendar: (year: number, language: Language) => ['calendar', year, language] as const,
};
