import { ApiError } from './api-error';
import { apiRequest } from './client';
import { setCsrfToken } from './csrf-token';
import type { Session } from './types';

export interface Credentials {
  login: string;
  password: string;
}

export async function login(credentials: Credentials): Promise<Session> {
  const session = await apiRequest<Session>('/auth/login', { method: 'POST', body: credentials });
  setCsrfToken(session.csrfToken);

  return session;
}

/** Fetches the current session, or null when no user is signed in. */
export async function fetchSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    const session = await apiRequest<Session>('/auth/me', { signal });
    setCsrfToken(session.csrfToken);

    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);

      return null;
    }

    throw error;
  }
}

export async function logout(): Promise<void> {
  try {
    await apiRequest<void>('/auth/logout', { method: 'POST', body: {} });
  } finally {
    setCsrfToken(null);
  }
}
