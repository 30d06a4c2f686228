import type { Me } from '@cradle/contract';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { useAuth } from '../lib/auth';
import { useErrorText } from '../lib/errors';
import { PageLoading } from './PageLoading';

/** Renders children for a signed-in user, else sends them to /login and back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state, retry } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  const errorText = useErrorText();

  if (state.status === 'loading') return <PageLoading />;
  if (state.status === 'anonymous')
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
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

/** Hides a page from users whose roles do not allow it; the server checks again. */
export function RequireRole({ allow, children }: { allow: (me: Me) => boolean; children: ReactNode }) {
  const { state } = useAuth();
  const { t } = useTranslation();
  if (state.status !== 'signedIn' || !allow(state.me)) {
    return (
      <Result
        status="403"
        title="403"
        subTitle={t('common.forbidden')}
        extra={
          <Link to="/">
            <Button type="primary">{t('common.backHome')}</Button>
          </Link>
        }
      />
    );
  }
  return children;
}
