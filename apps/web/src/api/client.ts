import type { ErrorBody } from '@cradle/contract';
import { currentLanguage } from '../i18n/language';

/** An error answer from the server; `message` is already in the user's language. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.details = body.details;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

// The session cookie is httpOnly; the CSRF token comes back from login and /auth/me and
// goes out on every state-changing request (double-submit).
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const SESSION_LOST = new Set(['auth.sessionExpired', 'auth.unauthenticated']);
let onSessionLost: () => void = () => {
  if (window.location.pathname !== '/login') window.location.assign('/login');
};
/** Lets the router handle a lost session instead of a full page load. */
export function setSessionLostHandler(handler: () => void): void {
  onSessionLost = handler;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function requestHeaders(method: string, json: boolean): Headers {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': currentLanguage() });
  if (json) headers.set('Content-Type', 'application/json');
  if (UNSAFE.has(method) && csrfToken) headers.set('x-csrf-token', csrfToken);
  return headers;
}

function fallbackBody(status: number): ErrorBody {
  return { code: `http.${status}`, message: '' };
}

async function parseError(res: Response): Promise<ApiError> {
  let body = fallbackBody(res.status);
  try {
    const parsed = (await res.json()) as Partial<ErrorBody>;
    if (typeof parsed.code === 'string')
      body = { code: parsed.code, message: parsed.message ?? '', details: parsed.details };
  } catch {
    // Not JSON (a proxy's HTML page, say): keep the generic code.
  }
  return new ApiError(res.status, body);
}

/** Turns an HTTP answer into data or an ApiError, and reacts to a lost session. */
export async function handleResponse<T>(res: Response): Promise<T> {
  if (res.ok) {
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }
  const error = await parseError(res);
  if (res.status === 401 && SESSION_LOST.has(error.code)) {
    csrfToken = null;
    onSessionLost();
  }
  throw error;
}

export type RequestOptions = { method?: string; body?: unknown; signal?: AbortSignal };

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const isForm = options.body instanceof FormData;
  const hasJson = options.body !== undefined && !isForm;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: requestHeaders(method, hasJson),
      body: isForm ? (options.body as FormData) : hasJson ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, { code: 'network', message: '' });
  }
  return handleResponse<T>(res);
}

/**
 * A file from a state-changing request (a payment file export): the body as a blob, with the
 * answer's headers; an error answer is JSON and becomes an ApiError as usual.
 */
export async function apiDownload(path: string, body: unknown): Promise<{ blob: Blob; headers: Headers }> {
  const headers = requestHeaders('POST', true);
  headers.set('Accept', '*/*');
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', credentials: 'same-origin', headers, body: JSON.stringify(body) });
  } catch {
    throw new ApiError(0, { code: 'network', message: '' });
  }
  if (!res.ok) return handleResponse<never>(res);
  return { blob: await res.blob(), headers: res.headers };
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => apiRequest<T>(path, { signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body }),
};

/** Builds a query string, leaving out empty values. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** Multipart upload with progress (fetch cannot report upload progress). */
export function apiUpload<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    requestHeaders('POST', false).forEach((value, key) => xhr.setRequestHeader(key, value));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, { code: 'network', message: '' }));
    xhr.onload = () => {
      const res = new Response(xhr.status === 204 ? null : xhr.responseText, {
        status: xhr.status,
        headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? 'application/json' },
      });
      handleResponse<T>(res).then(resolve, reject);
    };
    xhr.send(form);
  });
}
