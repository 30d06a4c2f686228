import type { ErrorBody } from '@cradle/contract';
import { currentLanguage } from '../i18n/language';
import { ApiError } from './client';

// The resident portal's own client: its CSRF token is the resident session's (not the staff
// console's), and a lost session sends the family to the portal's sign-in, never to /login.
let residentCsrf: string | null = null;
export function setResidentCsrfToken(token: string | null): void {
  residentCsrf = token;
}

const SESSION_LOST = new Set(['portal.signInRequired', 'portal.sessionExpired']);
let onSessionLost: () => void = () => undefined;
/** Set by the portal's provider; a public page (receipt verification) leaves it doing nothing. */
export function setResidentSessionLostHandler(handler: () => void): void {
  onSessionLost = handler;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function headersFor(method: string, json: boolean, accept = 'application/json'): Headers {
  const headers = new Headers({ Accept: accept, 'Accept-Language': currentLanguage() });
  if (json) headers.set('Content-Type', 'application/json');
  if (UNSAFE.has(method) && residentCsrf) headers.set('x-csrf-token', residentCsrf);
  return headers;
}

async function errorOf(res: Response): Promise<ApiError> {
  let body: ErrorBody = { code: `http.${res.status}`, message: '' };
  try {
    const parsed = (await res.json()) as Partial<ErrorBody>;
    if (typeof parsed.code === 'string')
      body = { code: parsed.code, message: parsed.message ?? '', details: parsed.details };
  } catch {
    // Not JSON (a proxy's page): keep the generic code.
  }
  const error = new ApiError(res.status, body);
  if (res.status === 401 && SESSION_LOST.has(error.code)) {
    residentCsrf = null;
    onSessionLost();
  }
  return error;
}

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { credentials: 'same-origin', ...init });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, { code: 'network', message: '' });
  }
}

async function request<T>(path: string, method: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const isForm = body instanceof FormData;
  const hasJson = body !== undefined && !isForm;
  const res = await send(path, {
    method,
    headers: headersFor(method, hasJson),
    body: isForm ? body : hasJson ? JSON.stringify(body) : undefined,
    signal,
  });
  if (!res.ok) throw await errorOf(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** A file (the receipt PDF) as a blob; an error answer is JSON and becomes an ApiError. */
async function download(path: string): Promise<Blob> {
  const res = await send(path, { method: 'GET', headers: headersFor('GET', false, '*/*') });
  if (!res.ok) throw await errorOf(res);
  return res.blob();
}

export const portalApi = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>(path, 'GET', undefined, signal),
  post: <T>(path: string, body?: unknown) => request<T>(path, 'POST', body),
  upload: <T>(path: string, form: FormData) => request<T>(path, 'POST', form),
  download,
};
