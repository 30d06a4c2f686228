import type { RouteAnswer, RouteInput, RouteSpec } from '@cradle/contract';
import { currentLanguage } from '../i18n/language';
import { errorOf, networkError } from './apiError';

export { ApiError, isApiError } from './apiError';

// One client for the staff console and the resident portal. They differ only in their session:
// each has its own CSRF token (double-submit; the cookies are httpOnly) and its own answer to a
// lost session (staff go to /login, a family to the portal's sign-in).
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type ClientSession = {
  /** Error codes that mean the session is gone. */
  lostCodes: ReadonlySet<string>;
  onLost: () => void;
  csrfToken: string | null;
};

export type ApiClient = ReturnType<typeof createClient>;
export type CallOptions = { signal?: AbortSignal };

/** The path with its `:name` (and `*`) parameters filled in, and the query appended. */
export function pathOf(spec: RouteSpec, params?: object, query?: object): string {
  const p = (params ?? {}) as Record<string, string | number>;
  const path = spec.path
    .replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(p[name])))
    .replace('*', () => encodeURIComponent(String(p['*'])));
  return withQuery(path, (query ?? {}) as Record<string, string | number | boolean | undefined | null>);
}

/** Builds a query string, leaving out empty values. */
export function withQuery(path: string, params: Record<string, string | number | boolean | undefined | null>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

export function createClient(session: ClientSession) {
  function headers(method: string, json: boolean, accept = 'application/json'): Headers {
    const h = new Headers({ Accept: accept, 'Accept-Language': currentLanguage() });
    if (json) h.set('Content-Type', 'application/json');
    if (UNSAFE.has(method) && session.csrfToken) h.set('x-csrf-token', session.csrfToken);
    return h;
  }

  async function fail(res: Response): Promise<never> {
    const error = await errorOf(res);
    if (res.status === 401 && session.lostCodes.has(error.code)) {
      session.csrfToken = null;
      session.onLost();
    }
    throw error;
  }

  async function send(path: string, init: RequestInit): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(path, { credentials: 'same-origin', ...init });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw networkError();
    }
    return res.ok ? res : fail(res);
  }

  /** Sends JSON (or a form) and reads JSON; 204 answers undefined. */
  async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const isForm = body instanceof FormData;
    const hasJson = body !== undefined && !isForm;
    const res = await send(path, {
      method,
      headers: headers(method, hasJson),
      body: isForm ? body : hasJson ? JSON.stringify(body) : undefined,
      signal,
    });
    return res.status === 204 ? (undefined as T) : ((await res.json()) as T);
  }

  return {
    session,
    setCsrfToken: (token: string | null) => {
      session.csrfToken = token;
    },
    setSessionLostHandler: (handler: () => void) => {
      session.onLost = handler;
    },
    /** Calls a route of the contract: input and answer typed from its schemas. */
    call<R extends RouteSpec>(spec: R, input: RouteInput<R>, options: CallOptions = {}): Promise<RouteAnswer<R>> {
      const { params, query, body } = input as { params?: object; query?: object; body?: unknown };
      return request<RouteAnswer<R>>(spec.method, pathOf(spec, params, query), body, options.signal);
    },
    request,
    /** A file as a blob with the answer's headers; an error answer is JSON and becomes an ApiError. */
    async download(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ blob: Blob; headers: Headers }> {
      const json = body !== undefined;
      const res = await send(path, {
        method,
        headers: headers(method, json, '*/*'),
        body: json ? JSON.stringify(body) : undefined,
      });
      return { blob: await res.blob(), headers: res.headers };
    },
    /** Multipart upload with progress (fetch cannot report upload progress). */
    upload<T>(path: string, form: FormData, onProgress: (fraction: number) => void = () => undefined): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', path);
        headers('POST', false).forEach((value, key) => xhr.setRequestHeader(key, value));
        xhr.upload.onprogress = (e) => {
          if (e.lengthComputable) onProgress(e.loaded / e.total);
        };
        xhr.onerror = () => reject(networkError());
        xhr.onload = () => {
          const res = new Response(xhr.status === 204 ? null : xhr.responseText, {
            status: xhr.status,
            headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? 'application/json' },
          });
          if (!res.ok) fail(res).catch(reject);
          else if (res.status === 204) resolve(undefined as T);
          else res.json().then((v) => resolve(v as T), reject);
        };
        xhr.send(form);
      });
    },
  };
}

/** The staff console's client. */
export const staff = createClient({
  lostCodes: new Set(['auth.sessionExpired', 'auth.unauthenticated']),
  onLost: () => {
    if (window.location.pathname !== '/login') window.location.assign('/login');
  },
  csrfToken: null,
});

/** The resident portal's client; a public page (receipt verification) leaves onLost doing nothing. */
export const portal = createClient({
  lostCodes: new Set(['portal.signInRequired', 'portal.sessionExpired']),
  onLost: () => undefined,
  csrfToken: null,
});

export const setCsrfToken = staff.setCsrfToken;
export const setSessionLostHandler = staff.setSessionLostHandler;
export const setResidentCsrfToken = portal.setCsrfToken;
export const setResidentSessionLostHandler = portal.setSessionLostHandler;
