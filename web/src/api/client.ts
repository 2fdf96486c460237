import { i18next } from '../i18n/i18n';
import { ApiError } from './api-error';
import { getCsrfToken } from './csrf-token';

export const apiBase = '/api/v1';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; field?: unknown };
}

/** Calls the JSON API and returns the parsed body. A non-2xx response raises `ApiError`. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers = buildHeaders(method, options.body !== undefined);

  let response: Response;
  try {
    response = await fetch(apiBase + path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }

    throw new ApiError(0, 'network', i18next.t('errors.network'));
  }

  if (!response.ok) {
    throw await readError(response);
  }

  if (response.status === 204) {
    return undefined as T;
  }

  return (await response.json()) as T;
}

/** Headers of every API call: JSON, the screen language and, on a state-changing call, the CSRF token. */
export function buildHeaders(method: Method, hasBody: boolean): Headers {
  const headers = new Headers({
    accept: 'application/json',
    'accept-language': i18next.resolvedLanguage ?? 'vi',
  });

  if (hasBody) {
    headers.set('content-type', 'application/json');
  }

  const csrfToken = getCsrfToken();
  if (method !== 'GET' && csrfToken !== null) {
    headers.set('x-csrf-token', csrfToken);
  }

  return headers;
}

/** Turns a non-2xx response into `ApiError`, with the server's message when the body carries one. */
export async function readError(response: Response): Promise<ApiError> {
  const fallback = new ApiError(response.status, 'http_error', i18next.t('errors.http', { status: response.status }));

  let body: ErrorBody;
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // A proxy or a crashed server may respond with HTML or an empty body.
    return fallback;
  }

  const error = body.error;
  if (error === undefined || typeof error.message !== 'string') {
    return fallback;
  }

  const code = typeof error.code === 'string' ? error.code : 'http_error';
  const field = typeof error.field === 'string' ? error.field : undefined;

  return new ApiError(response.status, code, error.message, field);
}
