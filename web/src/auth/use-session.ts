import { useQuery } from '@tanstack/react-query';

import { fetchSession } from '../api/auth';
import { queryKeys } from '../api/query-keys';

/** Loads the signed-in user and CSRF token. `data` is null when no user is signed in. */
export function useSession() {
  return useQuery({
    queryKey: queryKeys.session,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}
