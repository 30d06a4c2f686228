import { ChildcareDisclosurePage } from './childcare/ChildcareDisclosurePage';
import { Button, ConfigProvider, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, Route, Routes, useLocation } from 'react-router-dom';
import { PageLoading } from '../../components/PageLoading';
import { ResidentProvider, useResident } from '../../lib/portalAuth';
import { BenefitsPage } from './benefits/BenefitsPage';
import { BindingPage } from './binding/BindingPage';
import { BundleDetailPage } from './bundle/BundleDetailPage';
import { BundleFormPage } from './bundle/BundleFormPage';
import { HomePage } from './home/HomePage';
import { NotificationsPage } from './notifications/NotificationsPage';
import { RegistrationDetailPage } from './registration/RegistrationDetailPage';
import { RegistrationFormPage } from './registration/RegistrationFormPage';
import { RequireResident } from './RequireResident';
import { returnTo } from './signIn/returnTo';
import { SignInPage } from './signIn/SignInPage';
import './portal.css';

/** Signed in (now, or already): on to where sign-in was asked for, or to binding for an unlinked account. */
function SignInRoute() {
  const { state } = useResident();
  const location = useLocation();
  if (state.status === 'loading') return <PageLoading />;
  if (state.status === 'signedIn') return <Navigate to={returnTo(location.state, state.me.resident.bound)} replace />;
  return <SignInPage />;
}

function PortalNotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('common.notFound')}
      extra={
        <Link to="/m">
          <Button type="primary">{t('portal.backHome')}</Button>
        </Link>
      }
    />
  );
}

/**
 * 掌上办, the resident portal under /m: its own session (ResidentProvider), outside the staff
 * console's AuthProvider, so a family is never sent to the staff login. Large controls for phones.
 */
export function PortalApp() {
  return (
    <ConfigProvider componentSize="large">
      <ResidentProvider>
        <Routes>
          <Route path="sign-in" element={<SignInRoute />} />
          {/* 信息公示 (issue 14): public, no sign-in. */}
          <Route path="childcare" element={<ChildcareDisclosurePage />} />
          <Route
            element={
              <RequireResident>
                <Outlet />
              </RequireResident>
            }
          >
            <Route index element={<HomePage />} />
            <Route path="binding" element={<BindingPage />} />
            <Route path="notifications" element={<NotificationsPage />} />
            <Route path="registrations/new" element={<RegistrationFormPage />} />
            <Route path="registrations/:id" element={<RegistrationDetailPage />} />
            <Route path="bundles/new" element={<BundleFormPage />} />
            <Route path="bundles/:id" element={<BundleDetailPage />} />
            <Route path="benefits" element={<BenefitsPage />} />
            <Route path="*" element={<PortalNotFound />} />
          </Route>
        </Routes>
      </ResidentProvider>
    </ConfigProvider>
  );
}
