import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

import { queryKeys } from '../../api/query-keys';
import type { DocumentDetail, DocumentItem } from '../../api/types';
import { useLanguage } from '../../i18n/use-language';

/**
 * Returns a callback that puts a document returned by accept, reject or a correction into the cache
 * at once, then refetches everything derived from it (events, lists, the register).
 */
export function useApplyUpdatedDocument(id: string): (updated: DocumentItem) => void {
  const queryClient = useQueryClient();
  const language = useLanguage();

  return useCallback(
    (updated: DocumentItem) => {
      queryClient.setQueryData<DocumentDetail>(queryKeys.localizedDocument(id, language), (old) => (old ? { ...old, ...updated } : old));

      void queryClient.invalidateQueries({ queryKey: queryKeys.document(id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.documentLists });
      void queryClient.invalidateQueries({ queryKey: queryKeys.registers });
      void queryClient.invalidateQueries({ queryKey: queryKeys.flagged });
    },
    [id, language, queryClient],
  );
}
