import { useContext } from 'react';

import type { User } from '../api/types';
import { CurrentUserContext } from './current-user-context';

/** Returns the signed-in user, for screens rendered behind `RequireSession`. */
export function useCurrentUser(): User {
  const user = useContext(CurrentUserContext);

  if (!user) {
    throw new Error('useCurrentUser was called outside RequireSession');
  }

  return user;
}
