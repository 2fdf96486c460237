import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { fetchDocumentTypes } from '../api/document-types';
import { queryKeys } from '../api/query-keys';

export interface TypeOption {
  value: string;
  label: string;
}

interface DocumentTypeCatalogue {
  /** Select options named in the screen language, with the code in brackets. */
  options: TypeOption[];
  /** The type's name in the screen language; the code itself when the catalogue does not list it. */
  nameOf: (code: string) => string;
  isLoading: boolean;
}

/** Loads the server's document type catalogue and treats it as fresh for an hour. */
export function useDocumentTypes(): DocumentTypeCatalogue {
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: queryKeys.documentTypes,
    queryFn: ({ signal }) => fetchDocumentTypes(signal),
    staleTime: 60 * 60 * 1000,
  });

  const english = i18n.resolvedLanguage === 'en';
  const types = query.data ?? [];
  const names = new Map(types.map((type) => [type.code, english ? type.nameEn : type.name]));

  return {
    options: types.map((type) => ({ value: type.code, label: `${names.get(type.code)} (${type.code})` })),
    nameOf: (code) => names.get(code) ?? code,
    isLoading: query.isLoading,
  };
}
