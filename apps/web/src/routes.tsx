import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { PageLoading } from './components/PageLoading';
import { RequireAuth, RequireRole } from './components/RequireAuth';
import { AppShell } from './layout/AppShell';
import {
  isAdmin,
  isSystemAdmin,
  mayHandleApplications,
  mayRunPaymentCycles,
  mayViewBundleTasks,
  mayImport,
  mayProject,
  mayReadRegistry,
  mayRecordLifeEvents,
  mayViewChildbirthRegistrations,
  useAuth,
  mayViewMonitoring,
  mayReadSpecialFamilies,
  mayCheckFamilySize,
  isInstitutionOperator,
  mayReadChildcare,
  maySuperviseChildcare,
  mayReviewChildcare,
  mayReadSupervision,
  isSupervisionLiaison,
  mayReadAnnualReports,
  mayReadSelfEvaluation,
} from './lib/auth';
import type { Me } from '@cradle/contract';
import { LoginPage } from './pages/login/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';

// Pages load on demand; the dashboard's chunk is the only one that pulls in ECharts.
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const ScorecardPage = lazy(() =>
  import('./pages/monitoring/ScorecardPage').then((m) => ({ default: m.ScorecardPage })),
);
// The indicator page draws a chart: ECharts comes with its chunk, as with the dashboard's.
const IndicatorPage = lazy(() =>
  import('./pages/monitoring/IndicatorPage').then((m) => ({ default: m.IndicatorPage })),
);
const PersonSearchPage = lazy(() =>
  import('./pages/persons/PersonSearchPage').then((m) => ({ default: m.PersonSearchPage })),
);
const PersonDetailPage = lazy(() =>
  import('./pages/persons/PersonDetailPage').then((m) => ({ default: m.PersonDetailPage })),
);
const ImportPage = lazy(() => import('./pages/import/ImportPage').then((m) => ({ default: m.ImportPage })));
const UsersPage = lazy(() => import('./pages/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('./pages/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const SchemesPage = lazy(() => import('./pages/benefits/SchemesPage').then((m) => ({ default: m.SchemesPage })));
const SchemeDetailPage = lazy(() =>
  import('./pages/benefits/SchemeDetailPage').then((m) => ({ default: m.SchemeDetailPage })),
);
const ApplicationsPage = lazy(() =>
  import('./pages/benefits/ApplicationsPage').then((m) => ({ default: m.ApplicationsPage })),
);
const ApplicationDetailPage = lazy(() =>
  import('./pages/benefits/ApplicationDetailPage').then((m) => ({ default: m.ApplicationDetailPage })),
);
const NoticeRosterPage = lazy(() =>
  import('./pages/benefits/NoticeRosterPage').then((m) => ({ default: m.NoticeRosterPage })),
);
const PaymentCyclesPage = lazy(() =>
  import('./pages/benefits/PaymentCyclesPage').then((m) => ({ default: m.PaymentCyclesPage })),
);
// Special families (issue 16): the register and the family-size check.
const SpecialFamiliesPage = lazy(() =>
  import('./pages/special-families/SpecialFamiliesPage').then((m) => ({ default: m.SpecialFamiliesPage })),
);
const SpecialFamilyDetailPage = lazy(() =>
  import('./pages/special-families/SpecialFamilyDetailPage').then((m) => ({ default: m.SpecialFamilyDetailPage })),
);
const FamilySizeCheckPage = lazy(() =>
  import('./pages/special-families/FamilySizeCheckPage').then((m) => ({ default: m.FamilySizeCheckPage })),
);
// Plan supervision (issue 15): township annual reports and the 003 self-evaluation.
const AnnualReportsPage = lazy(() =>
  import('./pages/annual-reports/AnnualReportsPage').then((m) => ({ default: m.AnnualReportsPage })),
);
const AnnualReportDetailPage = lazy(() =>
  import('./pages/annual-reports/AnnualReportDetailPage').then((m) => ({ default: m.AnnualReportDetailPage })),
);
const SelfEvaluationPage = lazy(() =>
  import('./pages/self-evaluation/SelfEvaluationPage').then((m) => ({ default: m.SelfEvaluationPage })),
);
// Paper forms (issue 12): outside the console's layout, one sheet each.
const ApplicationPrintPage = lazy(() =>
  import('./pages/benefits/ApplicationPrintPage').then((m) => ({ default: m.ApplicationPrintPage })),
);
const PersonPrintPage = lazy(() =>
  import('./pages/persons/PersonPrintPage').then((m) => ({ default: m.PersonPrintPage })),
);
// 监测 (issue 13): the projection's chunk pulls in ECharts too, on demand.
const ProjectionPage = lazy(() =>
  import('./pages/projection/ProjectionPage').then((m) => ({ default: m.ProjectionPage })),
);
// Family services (issue 4): the working-day calendar and the staff queues.
const CalendarPage = lazy(() => import('./pages/calendar/CalendarPage').then((m) => ({ default: m.CalendarPage })));
const RegistrationsPage = lazy(() =>
  import('./pages/family/RegistrationsPage').then((m) => ({ default: m.RegistrationsPage })),
);
const RegistrationDetailPage = lazy(() =>
  import('./pages/family/RegistrationDetailPage').then((m) => ({ default: m.RegistrationDetailPage })),
);
const BundleTasksPage = lazy(() =>
  import('./pages/family/BundleTasksPage').then((m) => ({ default: m.BundleTasksPage })),
);
const BundleTaskDetailPage = lazy(() =>
  import('./pages/family/BundleTaskDetailPage').then((m) => ({ default: m.BundleTaskDetailPage })),
);

// Life events (issue 13): recorders and the registry's staff; service accounts for administrators.
const LifeEventsPage = lazy(() => import('./pages/events/LifeEventsPage').then((m) => ({ default: m.LifeEventsPage })));
const ServiceAccountsPage = lazy(() =>
  import('./pages/events/ServiceAccountsPage').then((m) => ({ default: m.ServiceAccountsPage })),
);
const mayReadLifeEvents = (me: Me) => mayRecordLifeEvents(me) || mayReadRegistry(me);
// Monitoring (issue 13): a county's plans, reported values and early warnings.
const PlansPage = lazy(() => import('./pages/monitoring/PlansPage').then((m) => ({ default: m.PlansPage })));
const ReportedValuesPage = lazy(() =>
  import('./pages/monitoring/ReportedValuesPage').then((m) => ({ default: m.ReportedValuesPage })),
);
// Childcare (issue 14): the institution's own filing, the county's review, the institutions.
const MyInstitutionsPage = lazy(() =>
  import('./pages/childcare/MyInstitutionsPage').then((m) => ({ default: m.MyInstitutionsPage })),
);
const FilingQueuePage = lazy(() =>
  import('./pages/childcare/FilingQueuePage').then((m) => ({ default: m.FilingQueuePage })),
);
const InstitutionsPage = lazy(() =>
  import('./pages/childcare/InstitutionsPage').then((m) => ({ default: m.InstitutionsPage })),
);
const InstitutionDetailPage = lazy(() =>
  import('./pages/childcare/InstitutionDetailPage').then((m) => ({ default: m.InstitutionDetailPage })),
);
const AwardsPage = lazy(() => import('./pages/childcare/AwardsPage').then((m) => ({ default: m.AwardsPage })));
const mayOpenInstitution = (me: Me) => mayReadChildcare(me) || isInstitutionOperator(me);
// Childcare supervision (issue 14): inspections, rectifications, ratings, incidents, closure.
const SupervisionPage = lazy(() =>
  import('./pages/childcare/SupervisionPage').then((m) => ({ default: m.SupervisionPage })),
);
const InstitutionSupervisionPage = lazy(() =>
  import('./pages/childcare/InstitutionSupervisionPage').then((m) => ({ default: m.InstitutionSupervisionPage })),
);
const mayOpenSupervision = (me: Me) => maySuperviseChildcare(me) || isInstitutionOperator(me);
/** An institution's account has no dashboard: its home is its filing. */
function HomeRoute() {
  const { state } = useAuth();
  if (state.status === 'signedIn' && isInstitutionOperator(state.me)) return <Navigate to="/childcare/mine" replace />;
  return <DashboardPage />;
}
// Plan supervision (issue 15): key tasks, the board, the unit directory and the joint meeting.
const KeyTasksPage = lazy(() => import('./pages/supervision/TasksPage').then((m) => ({ default: m.TasksPage })));
const KeyTaskDetailPage = lazy(() =>
  import('./pages/supervision/TaskDetailPage').then((m) => ({ default: m.TaskDetailPage })),
);
const TaskBoardPage = lazy(() => import('./pages/supervision/BoardPage').then((m) => ({ default: m.BoardPage })));
const UnitsPage = lazy(() => import('./pages/supervision/UnitsPage').then((m) => ({ default: m.UnitsPage })));
const MeetingsPage = lazy(() => import('./pages/supervision/MeetingsPage').then((m) => ({ default: m.MeetingsPage })));
const mayOpenKeyTask = (me: Me) => mayReadSupervision(me) || isSupervisionLiaison(me);
const WarningsPage = lazy(() => import('./pages/monitoring/WarningsPage').then((m) => ({ default: m.WarningsPage })));

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
          path="/payment-cycles/:id/notice"
          element={
            <RequireAuth>
              <RequireRole allow={mayRunPaymentCycles}>
                <NoticeRosterPage />
              </RequireRole>
            </RequireAuth>
          }
        />
        <Route
          path="/applications/:id/print"
          element={
            <RequireAuth>
              <RequireRole allow={mayHandleApplications}>
                <ApplicationPrintPage />
              </RequireRole>
            </RequireAuth>
          }
        />
        <Route
          path="/persons/:id/print"
          element={
            <RequireAuth>
              <RequireRole allow={mayReadRegistry}>
                <PersonPrintPage />
              </RequireRole>
            </RequireAuth>
          }
        />
        <Route
          element={
            <RequireAuth>
              <AppShell />
            </RequireAuth>
          }
        >
          <Route index element={<HomeRoute />} />
          <Route
            path="supervision/tasks"
            element={
              <RequireRole allow={mayReadSupervision}>
                <KeyTasksPage />
              </RequireRole>
            }
          />
          <Route
            path="supervision/mine"
            element={
              <RequireRole allow={isSupervisionLiaison}>
                <KeyTasksPage mine />
              </RequireRole>
            }
          />
          <Route
            path="supervision/tasks/:id"
            element={
              <RequireRole allow={mayOpenKeyTask}>
                <KeyTaskDetailPage />
              </RequireRole>
            }
          />
          <Route
            path="supervision/board"
            element={
              <RequireRole allow={mayReadSupervision}>
                <TaskBoardPage />
              </RequireRole>
            }
          />
          <Route
            path="supervision/units"
            element={
              <RequireRole allow={mayReadSupervision}>
                <UnitsPage />
              </RequireRole>
            }
          />
          <Route
            path="supervision/meetings"
            element={
              <RequireRole allow={mayReadSupervision}>
                <MeetingsPage />
              </RequireRole>
            }
          />
          <Route
            path="childcare/mine"
            element={
              <RequireRole allow={isInstitutionOperator}>
                <MyInstitutionsPage />
              </RequireRole>
            }
          />
          <Route
            path="childcare/filings"
            element={
              <RequireRole allow={mayReviewChildcare}>
                <FilingQueuePage />
              </RequireRole>
            }
          />
          <Route
            path="childcare/institutions"
            element={
              <RequireRole allow={mayReadChildcare}>
                <InstitutionsPage />
              </RequireRole>
            }
          />
          <Route
            path="childcare/supervision"
            element={
              <RequireRole allow={maySuperviseChildcare}>
                <SupervisionPage />
              </RequireRole>
            }
          />
          <Route
            path="childcare/supervision/:id"
            element={
              <RequireRole allow={mayOpenSupervision}>
                <InstitutionSupervisionPage />
              </RequireRole>
            }
          />
          <Route
            path="childcare/awards"
            element={
              <RequireRole allow={mayRunPaymentCycles}>
                <AwardsPage />
              </RequireRole>
            }
          />
          <Route
            path="childcare/institutions/:id"
            element={
              <RequireRole allow={mayOpenInstitution}>
                <InstitutionDetailPage />
              </RequireRole>
            }
          />
          <Route
            path="monitoring"
            element={
              <RequireRole allow={mayViewMonitoring}>
                <ScorecardPage />
              </RequireRole>
            }
          />
          <Route
            path="monitoring/indicators/:code"
            element={
              <RequireRole allow={mayViewMonitoring}>
                <IndicatorPage />
              </RequireRole>
            }
          />
          <Route
            path="persons"
            element={
              <RequireRole allow={mayReadRegistry}>
                <PersonSearchPage />
              </RequireRole>
            }
          />
          <Route
            path="persons/:id"
            element={
              <RequireRole allow={mayReadRegistry}>
                <PersonDetailPage />
              </RequireRole>
            }
          />
          <Route
            path="import"
            element={
              <RequireRole allow={mayImport}>
                <ImportPage />
              </RequireRole>
            }
          />
          <Route
            path="special-families"
            element={
              <RequireRole allow={mayReadSpecialFamilies}>
                <SpecialFamiliesPage />
              </RequireRole>
            }
          />
          <Route
            path="special-families/:id"
            element={
              <RequireRole allow={mayReadSpecialFamilies}>
                <SpecialFamilyDetailPage />
              </RequireRole>
            }
          />
          <Route
            path="annual-reports"
            element={
              <RequireRole allow={mayReadAnnualReports}>
                <AnnualReportsPage />
              </RequireRole>
            }
          />
          <Route
            path="annual-reports/:id"
            element={
              <RequireRole allow={mayReadAnnualReports}>
                <AnnualReportDetailPage />
              </RequireRole>
            }
          />
          <Route
            path="self-evaluation"
            element={
              <RequireRole allow={mayReadSelfEvaluation}>
                <SelfEvaluationPage />
              </RequireRole>
            }
          />
          <Route
            path="family-size-check"
            element={
              <RequireRole allow={mayCheckFamilySize}>
                <FamilySizeCheckPage />
              </RequireRole>
            }
          />
          <Route
            path="life-events"
            element={
              <RequireRole allow={mayReadLifeEvents}>
                <LifeEventsPage />
              </RequireRole>
            }
          />
          <Route
            path="service-accounts"
            element={
              <RequireRole allow={isAdmin}>
                <ServiceAccountsPage />
              </RequireRole>
            }
          />
          <Route
            path="users"
            element={
              <RequireRole allow={isAdmin}>
                <UsersPage />
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
          <Route
            path="projection"
            element={
              <RequireRole allow={mayProject}>
                <ProjectionPage />
              </RequireRole>
            }
          />
          <Route path="schemes" element={<SchemesPage />} />
          <Route path="monitoring/plans" element={<PlansPage />} />
          <Route path="monitoring/reported-values" element={<ReportedValuesPage />} />
          <Route path="monitoring/warnings" element={<WarningsPage />} />
          <Route path="schemes/:code" element={<SchemeDetailPage />} />
          <Route
            path="applications"
            element={
              <RequireRole allow={mayHandleApplications}>
                <ApplicationsPage />
              </RequireRole>
            }
          />
          <Route
            path="applications/:id"
            element={
              <RequireRole allow={mayHandleApplications}>
                <ApplicationDetailPage />
              </RequireRole>
            }
          />
          <Route
            path="payment-cycles"
            element={
              <RequireRole allow={mayRunPaymentCycles}>
                <PaymentCyclesPage />
              </RequireRole>
            }
          />
          <Route
            path="calendar"
            element={
              <RequireRole allow={isSystemAdmin}>
                <CalendarPage />
              </RequireRole>
            }
          />
          <Route
            path="childbirth-registrations"
            element={
              <RequireRole allow={mayViewChildbirthRegistrations}>
                <RegistrationsPage />
              </RequireRole>
            }
          />
          <Route
            path="childbirth-registrations/:id"
            element={
              <RequireRole allow={mayViewChildbirthRegistrations}>
                <RegistrationDetailPage />
              </RequireRole>
            }
          />
          <Route
            path="bundle-tasks"
            element={
              <RequireRole allow={mayViewBundleTasks}>
                <BundleTasksPage />
              </RequireRole>
            }
          />
          <Route
            path="bundle-tasks/:id"
            element={
              <RequireRole allow={mayViewBundleTasks}>
                <BundleTaskDetailPage />
              </RequireRole>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
