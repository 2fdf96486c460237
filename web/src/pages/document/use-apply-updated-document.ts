import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

import { queryKeys } from '../../api/query-keys';
import type { DocumentDetail, DocumentItem } from '../../api/types';

/**
 * Returns a callback that puts a document returned by accept, reject or a correction into the cache
 * at once, then refetches everything derived from it (events, lists, the register).
 */
export function useApplyUpdatedDocument(id: string): (updated: DocumentItem) => void {
  const queryClient = useQueryClient();

  return useCallback(
    (updated: DocumentItem) => {
      queryClient.setQueryData<DocumentDetail>(queryKeys.document(id), (old) => (old ? { ...old, ...updated } : old));

      void queryClient.invalidateQueries({ queryKey: queryKeys.document(id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.documentLists });
      void queryClient.invalidateQueries({ queryKey: ['register'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.flagged });
    },
    [id, queryClient],
  );
}
