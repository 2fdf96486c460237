import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { fetchDocument } from '../../api/documents';
import { queryKeys } from '../../api/query-keys';
import { useLanguage } from '../../i18n/use-language';

/** Loads one document; the server marks it read, so the cached lists are refreshed after the first load. */
export function useDocument(id: string) {
  const queryClient = useQueryClient();
  const language = useLanguage();
  const query = useQuery({
    queryKey: queryKeys.localizedDocument(id, language),
    queryFn: ({ signal }) => fetchDocument(id, signal),
  });

  const loaded = query.isSuccess;
  useEffect(() => {
    if (loaded) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.documentLists });
    }
  }, [id, loaded, queryClient]);

  return query;
}
