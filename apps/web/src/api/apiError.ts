import type { ErrorBody } from '@cradle/contract';

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

/** The server's `{code, message, details}`, or `http.<status>` when the answer is not one (a proxy's page). */
export async function errorOf(res: Response): Promise<ApiError> {
  let body: ErrorBody = { code: `http.${res.status}`, message: '' };
  try {
    const parsed = (await res.json()) as Partial<ErrorBody>;
    if (typeof parsed.code === 'string')
      body = { code: parsed.code, message: parsed.message ?? '', details: parsed.details };
  } catch {
    // Not JSON: keep the generic code.
  }
  return new ApiError(res.status, body);
}

export const networkError = () => new ApiError(0, { code: 'network', message: '' });
