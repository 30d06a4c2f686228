import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { PageLoading } from './components/PageLoading';
import { AuthProvider } from './lib/auth';
import { cspNonce } from './lib/cspNonce';
import { useLang } from './lib/useLang';
import { AppRoutes } from './routes';

// The resident portal (/m) and the public receipt check (/verify) live outside the staff
// AuthProvider: it asks /api/auth/me and sends a lost session to /login, which a family must never see.
const PortalApp = lazy(() => import('./pages/portal/PortalApp').then((m) => ({ default: m.PortalApp })));
const VerifyPage = lazy(() => import('./pages/portal/verify/VerifyPage').then((m) => ({ default: m.VerifyPage })));

const THEME = { token: { colorPrimary: '#1677ff', borderRadius: 6 } };
// Ant Design's run-time <style> elements carry the page's nonce, or the policy refuses them.
const CSP = { nonce: cspNonce() };

export function App() {
  const lang = useLang();
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={THEME} csp={CSP}>
      <AntApp>
        <BrowserRouter>
          <Suspense fallback={<PageLoading />}>
            <Routes>
              <Route path="/m/*" element={<PortalApp />} />
              <Route path="/verify/:token" element={<VerifyPage />} />
              <Route
                path="*"
                element={
                  <AuthProvider>
                    <AppRoutes />
                  </AuthProvider>
                }
              />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
