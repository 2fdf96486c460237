import { useQuery } from '@tanstack/react-query';

import { fetchDispatch } from '../../api/dispatches';
import { queryKeys } from '../../api/query-keys';
import { useLanguage } from '../../i18n/use-language';
import { isSettled } from './dispatch-state';

// Recipients read and accept their copies while the sender watches, so the page refreshes itself.
export const refreshIntervalMs = 5_000;

/** Loads one dispatch and reloads it every 5 seconds until no recipient's copy can change any more. */
export function useDispatch(id: string) {
  const language = useLanguage();

  return useQuery({
    queryKey: queryKeys.localizedDispatch(id, language),
    queryFn: ({ signal }) => fetchDispatch(id, signal),
    refetchInterval: (query) => {
      const dispatch = query.state.data;

      return dispatch && isSettled(dispatch) ? false : refreshIntervalMs;
    },
  });
}
