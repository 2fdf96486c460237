import { createContext } from 'react';

import type { User } from '../api/types';

/**
 * The signed-in user, provided by `RequireSession`. Screens read it from here and not from the session
 * query, because after a 401 that query turns null while they are still rendering, before the guard
 * switches to the login page.
 */
export const CurrentUserContext = createContext<User | null>(null);
