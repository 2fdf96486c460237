import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

import type { DispatchDetail } from '../../api/dispatch-types';
import { queryKeys } from '../../api/query-keys';
import { useLanguage } from '../../i18n/use-language';

/**
 * Returns a callback that puts a dispatch returned by a recall or a resend into the cache at once,
 * then refetches it in the other language and the outgoing lists.
 */
export function useApplyUpdatedDispatch(id: string): (updated: DispatchDetail) => void {
  const queryClient = useQueryClient();
  const language = useLanguage();

  return useCallback(
    (updated: DispatchDetail) => {
      queryClient.setQueryData<DispatchDetail>(queryKeys.localizedDispatch(id, language), updated);

      void queryClient.invalidateQueries({ queryKey: queryKeys.dispatch(id), predicate: (query) => query.queryKey[2] !== language });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dispatchLists });
    },
    [id, language, queryClient],
  );
}
