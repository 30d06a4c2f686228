import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { PageLoading } from '../../components/PageLoading';
import { useErrorText } from '../../lib/errors';
import { PORTAL_SIGN_IN, useResident } from '../../lib/portalAuth';

/** Renders children for a signed-in resident, else sends them to the portal's sign-in and back afterwards. */
export function RequireResident({ children }: { children: ReactNode }) {
  const { state, retry } = useResident();
  const location = useLocation();
  const { t } = useTranslation();
  const errorText = useErrorText();

  if (state.status === 'loading') return <PageLoading />;
  if (state.status === 'anonymous')
    return <Navigate to={PORTAL_SIGN_IN} replace state={{ from: location.pathname + location.search }} />;
  if (state.status === 'unknown') {
    return (
      <Result
        status="warning"
        title={errorText(state.error)}
        extra={<Button onClick={retry}>{t('common.retry')}</Button>}
      />
    );
  }
  return children;
}
