import { isApiError } from '../api/client';

/**
 * How a followed resource (an import job, a payment batch) is asked for again: every pollMs until
 * done(it), and after a passing network hiccup or 5xx every retryMs without end; a refusal or a
 * missing resource stops. Spread into useQuery's options.
 */
export function pollUntil<T>(done: (value: T) => boolean, timing: { pollMs: number; retryMs: number }) {
  return {
    refetchInterval: (query: { state: { data: T | undefined } }) =>
      query.state.data !== undefined && done(query.state.data) ? false : timing.pollMs,
    retry: (_count: number, e: unknown) => !isApiError(e) || e.status === 0 || e.status >= 500,
    retryDelay: timing.retryMs,
  };
}
