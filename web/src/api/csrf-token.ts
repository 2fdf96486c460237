// The token from login or /auth/me; every state-changing request repeats it in `x-csrf-token`.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}
