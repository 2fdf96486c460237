import { i18next } from '../i18n/i18n';
import { ApiError } from './api-error';
import { apiBase, buildHeaders, readError } from './client';

export interface UploadOptions {
  /** POST when not given. PUT replaces a saved draft. */
  method?: 'POST' | 'PUT';
  /** Receives the share of the request body sent so far, from 0 to 1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * Posts a multipart form to the API and returns the parsed JSON body. It uses XMLHttpRequest
 * because fetch reports no upload progress. A non-2xx response raises `ApiError`, as in `apiRequest`.
 */
export function apiUpload<T>(path: string, form: FormData, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const method = options.method ?? 'POST';
    const request = new XMLHttpRequest();
    request.open(method, apiBase + path);
    // Without a content type of its own the browser writes the multipart boundary into it.
    buildHeaders(method, false).forEach((value, name) => request.setRequestHeader(name, value));

    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        options.onProgress?.(event.loaded / event.total);
      }
    };
    request.onload = () => void readBody<T>(request).then(resolve, reject);
    request.onerror = () => reject(new ApiError(0, 'network', i18next.t('errors.network')));
    request.onabort = () => reject(new DOMException('The upload was aborted', 'AbortError'));

    if (options.signal?.aborted) {
      reject(new DOMException('The upload was aborted', 'AbortError'));

      return;
    }
    options.signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(form);
  });
}

async function readBody<T>(request: XMLHttpRequest): Promise<T> {
  // Status 0 means no response arrived, as when a proxy drops the connection.
  if (request.status === 0) {
    throw new ApiError(0, 'network', i18next.t('errors.network'));
  }

  if (request.status === 204) {
    return undefined as T;
  }

  const response = new Response(request.responseText, { status: request.status });
  if (!response.ok) {
    throw await readError(response);
  }

  return (await response.json()) as T;
}
