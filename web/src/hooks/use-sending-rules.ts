import { useQuery } from '@tanstack/react-query';

import { fetchSendingRules } from '../api/dispatches';
import { queryKeys } from '../api/query-keys';

/** Loads the rules every dispatch is checked against, which administrators change rarely. */
export function useSendingRules() {
  return useQuery({
    queryKey: queryKeys.sendingRules,
    queryFn: ({ signal }) => fetchSendingRules(signal),
    staleTime: 10 * 60 * 1000,
  });
}
