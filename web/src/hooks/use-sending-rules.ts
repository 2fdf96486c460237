import { useQuery } from '@tanstack/react-query';

import { queryKeys } from '../api/query-keys';
import { fetchSendingRules } from '../api/sending-rules';

/** Loads the rules every dispatch is checked against, which administrators change rarely. */
export function useSendingRules() {
  return useQuery({
    queryKey: queryKeys.sendingRules,
    queryFn: ({ signal }) => fetchSendingRules(signal),
    select: (settings) => settings.rules,
    staleTime: 10 * 60 * 1000,
  });
}
