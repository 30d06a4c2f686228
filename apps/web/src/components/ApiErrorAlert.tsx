import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../lib/errors';

/** Inline error for a failed load, with a retry when the caller can reload. */
export function ApiErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => unknown }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={errorText(error)}
      style={{ marginBottom: 16 }}
      action={
        onRetry ? (
          <Button
            size="small"
            onClick={() => {
              void onRetry();
            }}
          >
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
