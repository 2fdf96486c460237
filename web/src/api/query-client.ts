import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';

import { ApiError, isUnauthorized } from './api-error';
import { setCsrfToken } from './csrf-token';
import { queryKeys } from './query-keys';

// A 401 from any call ends the session; the route guard then shows the login page.
function handleError(error: unknown): void {
  if (!isUnauthorized(error)) {
    return;
  }

  setCsrfToken(null);
  queryClient.setQueryData(queryKeys.session, null);
}

function shouldRetry(failureCount: number, error: unknown): boolean {
  // Client errors (bad filter, not found, signed out) will not succeed on a second try.
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
    return false;
  }

  return failureCount < 2;
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: handleError }),
  mutationCache: new MutationCache({ onError: handleError }),
  defaultOptions: {
    queries: {
      retry: shouldRetry,
      staleTime: 30_000,
      refetchOnWindowFocus: true,
    },
    mutations: {
      retry: false,
    },
  },
});
