import type { User } from '../api/types';
import { useSession } from './use-session';

/** Returns the signed-in user, for screens rendered behind `RequireSession`. */
export function useCurrentUser(): User {
  const { data } = useSession();

  if (!data) {
    throw new Error('useCurrentUser was called outside RequireSession');
  }

  return data.user;
}
