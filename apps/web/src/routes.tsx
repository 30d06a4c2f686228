import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { PageLoading } from './components/PageLoading';
import { RequireAuth, RequireRole } from './components/RequireAuth';
import { AppShell } from './layout/AppShell';
import { isAdmin, mayWrite, useAuth } from './lib/auth';
import { LoginPage } from './pages/login/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';

// Pages load on demand; the dashboard's chunk is the only one that pulls in ECharts.
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const PersonSearchPage = lazy(() => import('./pages/persons/PersonSearchPage').then((m) => ({ default: m.PersonSearchPage })));
const PersonDetailPage = lazy(() => import('./pages/persons/PersonDetailPage').then((m) => ({ default: m.PersonDetailPage })));
const ImportPage = lazy(() => import('./pages/import/ImportPage').then((m) => ({ default: m.ImportPage })));
const AuditPage = lazy(() => import('./pages/audit/AuditPage').then((m) => ({ default: m.AuditPage })));

function LoginRoute() {
  const { state } = useAuth();
  if (state.status === 'loading') return <PageLoading />;
  if (state.status === 'signedIn') return <Navigate to="/" replace />;
  return <LoginPage />;
}

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="/login" element={<LoginRoute />} />
        <Route
          element={
            <RequireAuth>
              <AppShell />
            </RequireAuth>
          }
        >
          <Route index element={<DashboardPage />} />
          <Route path="persons" element={<PersonSearchPage />} />
          <Route path="persons/:id" element={<PersonDetailPage />} />
          <Route
            path="import"
            element={
              <RequireRole allow={mayWrite}>
                <ImportPage />
              </RequireRole>
            }
          />
          <Route
            path="audit"
            element={
              <RequireRole allow={isAdmin}>
                <AuditPage />
              </RequireRole>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
