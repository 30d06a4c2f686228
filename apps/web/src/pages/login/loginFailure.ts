import { isApiError } from '../../api/client';

export type LoginOutcome =
  | { kind: 'needTotp' }
  | {
      kind: 'failed';
      severity: 'error' | 'warning';
      titleKey: 'login.failedTitle' | 'login.lockedTitle' | 'login.rateLimitedTitle';
      clearTotp: boolean;
    };

/** What the login form should do with a failed attempt; the server's message says why. */
export function classifyLoginError(error: unknown): LoginOutcome {
  if (!isApiError(error)) return { kind: 'failed', severity: 'error', titleKey: 'login.failedTitle', clearTotp: false };
  if (error.code === 'auth.totpRequired') return { kind: 'needTotp' };
  if (error.status === 423)
    return { kind: 'failed', severity: 'error', titleKey: 'login.lockedTitle', clearTotp: true };
  if (error.status === 429)
    return { kind: 'failed', severity: 'warning', titleKey: 'login.rateLimitedTitle', clearTotp: true };
  return {
    kind: 'failed',
    severity: 'error',
    titleKey: 'login.failedTitle',
    clearTotp: error.code === 'auth.totpInvalid',
  };
}
