import { useQuery } from '@tanstack/react-query';

import { fetchSession } from '../api/auth';
import { queryKeys } from '../api/query-keys';

/** The signed-in user and CSRF token; `data` is null when nobody is signed in. */
export function useSession() {
  return useQuery({
    queryKey: queryKeys.session,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}
