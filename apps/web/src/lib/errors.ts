import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';

/** The text to show for a failed request: the server's own (localized) message when it sent one. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (!isApiError(error)) return error instanceof Error && error.message ? error.message : t('errors.loadFailed');
      if (error.message) return error.message;
      if (error.code === 'network') return t('errors.network');
      if (error.status === 429) return t('errors.rateLimited');
      return t('errors.unexpected', { status: error.status });
    },
    [t],
  );
}
