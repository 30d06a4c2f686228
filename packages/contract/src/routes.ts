import { Type } from 'typebox';
import { IdParam, XlsxFile } from './common.js';
import { NoContent, route } from './route.js';
import { AuditPage, AuditQuery, ChainCheck } from './audit.js';
import { LoginBody, Session } from './auth.js';
import { CredentialResetBody, PasswordReset, StaffUserList, TwoFactorReset } from './users.js';
import { SystemInfo } from './system.js';
import { Region, RegionChildren, RegionCodeParam } from './regions.js';
import { Dashboard, DashboardQuery } from './dashboard.js';
import * as M from './monitoring-scorecard.js';
import { PersonDetail, PersonExportQuery, PersonPage, PersonSearchQuery, RevealBody, Revealed } from './registry.js';
import { ImportJobDetail, ImportJobList, ImportJobParam } from './registry-import.js';
import * as B from './benefits.js';
import * as V from './batch-review.js';
import { BankReturnView } from './payment-files.js';
import * as R from './registration.js';
import * as N from './bundle.js';
import { NotificationList } from './notifications.js';
import * as L from './life-events.js';
import { monitoringEntryRoutes } from './monitoring-entry.js';
import { specialFamilyRoutes } from './special-families.js';
import { CalendarDayBody, CalendarDayParams, CalendarList, CalendarQuery } from './calendar.js';
import * as P from './projection.js';
import { childcareRoutes } from './childcare-routes.js';
import { childcareSupervisionRoutes } from './childcare-supervision-routes.js';
import { institutionAwardRoutes } from './institution-awards-routes.js';
import { supervisionRoutes } from './supervision-routes.js';
import { annualReportRoutes } from './annual-reports.js';
import { selfEvaluationRoutes } from './self-evaluation.js';

// Every route the console calls, by the console's name for it. The server registers the same
// paths with the same schemas (contract-routes.test.ts holds the two together); the console's
// client (apps/web/src/api/client.ts) types each call from its entry here.
export const staffRoutes = {
  systemInfo: route({ method: 'GET', path: '/api/system/info', response: SystemInfo }),
  login: route({ method: 'POST', path: '/api/auth/login', body: LoginBody, response: Session }),
  me: route({ method: 'GET', path: '/api/auth/me', response: Session }),
  logout: route({ method: 'POST', path: '/api/auth/logout', response: NoContent }),
  users: route({ method: 'GET', path: '/api/users', response: StaffUserList }),
  unlockUser: route({ method: 'POST', path: '/api/users/:id/unlock', params: IdParam, response: NoContent }),
  resetPassword: route({
    method: 'POST',
    path: '/api/users/:id/reset-password',
    params: IdParam,
    body: CredentialResetBody,
    response: PasswordReset,
  }),
  resetTwoFactor: route({
    method: 'POST',
    path: '/api/users/:id/reset-two-factor',
    params: IdParam,
    body: CredentialResetBody,
    response: TwoFactorReset,
  }),
  audit: route({ method: 'GET', path: '/api/audit', query: AuditQuery, response: AuditPage }),
  verifyAudit: route({ method: 'POST', path: '/api/audit/verify', response: ChainCheck }),
  region: route({ method: 'GET', path: '/api/regions/:code', params: RegionCodeParam, response: Region }),
  regionChildren: route({
    method: 'GET',
    path: '/api/regions/:code/children',
    params: RegionCodeParam,
    response: RegionChildren,
  }),
  dashboard: route({ method: 'GET', path: '/api/dashboard', query: DashboardQuery, response: Dashboard }),
  dashboardRegionsExport: route({
    method: 'GET',
    path: '/api/dashboard/regions.xlsx',
    query: DashboardQuery,
    response: XlsxFile,
  }),
  monitoringPlans: route({ method: 'GET', path: '/api/monitoring/plans', response: M.PlanList }),
  scorecard: route({
    method: 'GET',
    path: '/api/monitoring/scorecard',
    query: M.ScorecardQuery,
    response: M.Scorecard,
  }),
  scorecardExport: route({
    method: 'GET',
    path: '/api/monitoring/scorecard.xlsx',
    query: M.ScorecardQuery,
    response: XlsxFile,
  }),
  league: route({ method: 'GET', path: '/api/monitoring/league', query: M.ScorecardQuery, response: M.League }),
  leagueExport: route({
    method: 'GET',
    path: '/api/monitoring/league.xlsx',
    query: M.ScorecardQuery,
    response: XlsxFile,
  }),
  indicatorSeries: route({
    method: 'GET',
    path: '/api/monitoring/indicators/:code',
    params: M.IndicatorParam,
    query: M.IndicatorSeriesQuery,
    response: M.IndicatorSeries,
  }),
  persons: route({ method: 'GET', path: '/api/persons', query: PersonSearchQuery, response: PersonPage }),
  personsExport: route({
    method: 'GET',
    path: '/api/persons/export.xlsx',
    query: PersonExportQuery,
    response: XlsxFile,
  }),
  person: route({ method: 'GET', path: '/api/persons/:id', params: IdParam, response: PersonDetail }),
  revealId: route({
    method: 'POST',
    path: '/api/persons/:id/reveal',
    params: IdParam,
    body: RevealBody,
    response: Revealed,
  }),
  imports: route({ method: 'GET', path: '/api/imports', response: ImportJobList }),
  importsExport: route({ method: 'GET', path: '/api/imports/export.xlsx', response: XlsxFile }),
  importJob: route({ method: 'GET', path: '/api/imports/:id', params: ImportJobParam, response: ImportJobDetail }),
  schemes: route({ method: 'GET', path: '/api/schemes', response: Type.Array(B.SchemeSummary) }),
  scheme: route({ method: 'GET', path: '/api/schemes/:code', params: B.SchemeCodeParam, response: B.SchemeDetail }),
  budget: route({
    method: 'GET',
    path: '/api/schemes/:code/budget',
    params: B.SchemeCodeParam,
    query: B.BudgetQuery,
    response: B.BudgetView,
  }),
  setTakeUpRate: route({
    method: 'PUT',
    path: '/api/schemes/:code/take-up-rate',
    params: B.SchemeCodeParam,
    body: B.TakeUpRateBody,
    response: B.TakeUpRate,
  }),
  draftVersion: route({
    method: 'POST',
    path: '/api/schemes/:code/versions',
    params: B.SchemeCodeParam,
    body: B.VersionDraftBody,
    response: B.VersionView,
  }),
  submitVersion: route({
    method: 'POST',
    path: '/api/schemes/:code/versions/:id/submit',
    params: B.VersionParam,
    response: B.VersionView,
  }),
  publishVersion: route({
    method: 'POST',
    path: '/api/schemes/:code/versions/:id/publish',
    params: B.VersionParam,
    response: B.VersionView,
  }),
  eligibility: route({
    method: 'GET',
    path: '/api/eligibility',
    query: B.EligibilityQuery,
    response: B.EligibilityView,
  }),
  startCycle: route({ method: 'POST', path: '/api/payment-cycles', body: B.CycleBody, response: B.BatchView }),
  batches: route({ method: 'GET', path: '/api/payment-batches', response: Type.Array(B.BatchView) }),
  batch: route({ method: 'GET', path: '/api/payment-batches/:id', params: IdParam, response: B.BatchView }),
  batchRoster: route({
    method: 'GET',
    path: '/api/payment-batches/:id/roster',
    params: IdParam,
    query: V.RosterQuery,
    response: V.RosterPage,
  }),
  batchRowEligibility: route({
    method: 'GET',
    path: '/api/payment-batches/:id/roster/:personId/eligibility',
    params: V.RosterRowParam,
    response: B.EligibilityView,
  }),
  noticeRoster: route({
    method: 'GET',
    path: '/api/payment-batches/:id/notice-roster',
    params: IdParam,
    query: V.NoticeRosterQuery,
    response: V.NoticeRoster,
  }),
  publishBatchNotice: route({
    method: 'POST',
    path: '/api/payment-batches/:id/notice',
    params: IdParam,
    response: B.BatchView,
  }),
  batchObjection: route({
    method: 'POST',
    path: '/api/payment-batches/:id/objections',
    params: IdParam,
    body: V.ObjectionBody,
    response: B.BatchView,
  }),
  approveBatch: route({
    method: 'POST',
    path: '/api/payment-batches/:id/approve',
    params: IdParam,
    response: B.BatchView,
  }),
  cancelBatch: route({
    method: 'POST',
    path: '/api/payment-batches/:id/cancel',
    params: IdParam,
    body: V.CancelBatchBody,
    response: B.BatchView,
  }),
  bankReturn: route({
    method: 'POST',
    path: '/api/payment-batches/:id/bank-return',
    params: IdParam,
    response: BankReturnView,
  }),
  submitApplication: route({
    method: 'POST',
    path: '/api/applications',
    body: B.ApplicationBody,
    response: B.ApplicationDetail,
  }),
  applications: route({
    method: 'GET',
    path: '/api/applications',
    query: B.ApplicationListQuery,
    response: Type.Array(B.ApplicationSummary),
  }),
  applicationsExport: route({
    method: 'GET',
    path: '/api/applications/export.xlsx',
    query: B.ApplicationListQuery,
    response: XlsxFile,
  }),
  application: route({ method: 'GET', path: '/api/applications/:id', params: IdParam, response: B.ApplicationDetail }),
  approveApplication: route({
    method: 'POST',
    path: '/api/applications/:id/approve',
    params: IdParam,
    body: B.ApproveBody,
    response: B.ApplicationDetail,
  }),
  rejectApplication: route({
    method: 'POST',
    path: '/api/applications/:id/reject',
    params: IdParam,
    body: B.RejectBody,
    response: B.ApplicationDetail,
  }),
  appealApplication: route({
    method: 'POST',
    path: '/api/applications/:id/appeal',
    params: IdParam,
    response: B.ApplicationDetail,
  }),
  closeApplicationNotice: route({
    method: 'POST',
    path: '/api/applications/:id/close-notice',
    params: IdParam,
    response: B.ApplicationDetail,
  }),
  registrations: route({
    method: 'GET',
    path: '/api/childbirth-registrations',
    query: R.RegistrationQueueQuery,
    response: R.RegistrationQueue,
  }),
  registrationsExport: route({
    method: 'GET',
    path: '/api/childbirth-registrations/export.xlsx',
    query: R.RegistrationExportQuery,
    response: XlsxFile,
  }),
  registration: route({
    method: 'GET',
    path: '/api/childbirth-registrations/:id',
    params: IdParam,
    response: R.StaffRegistrationDetail,
  }),
  completeRegistration: route({
    method: 'POST',
    path: '/api/childbirth-registrations/:id/complete',
    params: IdParam,
    body: R.RegistrationCompleteBody,
    response: R.StaffRegistrationDetail,
  }),
  requestRegistrationInfo: route({
    method: 'POST',
    path: '/api/childbirth-registrations/:id/request-info',
    params: IdParam,
    body: R.MessageBody,
    response: R.StaffRegistrationDetail,
  }),
  bulkCompleteRegistrations: route({
    method: 'POST',
    path: '/api/childbirth-registrations/bulk-complete',
    body: R.RegistrationBulkCompleteBody,
    response: R.RegistrationBulkCompleteResult,
  }),
  tasks: route({ method: 'GET', path: '/api/bundle-tasks', query: N.TaskQueueQuery, response: N.TaskQueue }),
  tasksExport: route({
    method: 'GET',
    path: '/api/bundle-tasks/export.xlsx',
    query: N.TaskExportQuery,
    response: XlsxFile,
  }),
  task: route({ method: 'GET', path: '/api/bundle-tasks/:id', params: IdParam, response: N.TaskDetail }),
  completeTask: route({
    method: 'POST',
    path: '/api/bundle-tasks/:id/complete',
    params: IdParam,
    body: N.TaskCompleteBody,
    response: N.TaskDetail,
  }),
  returnTask: route({
    method: 'POST',
    path: '/api/bundle-tasks/:id/return',
    params: IdParam,
    body: N.ReturnBody,
    response: N.TaskDetail,
  }),
  bulkCompleteTasks: route({
    method: 'POST',
    path: '/api/bundle-tasks/bulk-complete',
    body: N.TaskBulkCompleteBody,
    response: N.TaskBulkCompleteResult,
  }),
  notifications: route({ method: 'GET', path: '/api/notifications', response: NotificationList }),
  calendar: route({ method: 'GET', path: '/api/calendar', query: CalendarQuery, response: CalendarList }),
  setCalendarDay: route({
    method: 'PUT',
    path: '/api/calendar/:date',
    params: CalendarDayParams,
    body: CalendarDayBody,
    response: NoContent,
  }),
  removeCalendarDay: route({
    method: 'DELETE',
    path: '/api/calendar/:date',
    params: CalendarDayParams,
    response: NoContent,
  }),
  projection: route({ method: 'GET', path: '/api/projection', query: P.ProjectionQuery, response: P.ProjectionView }),
  projectionExport: route({
    method: 'GET',
    path: '/api/projection/export.xlsx',
    query: P.ProjectionQuery,
    response: XlsxFile,
  }),
  budgetForecast: route({
    method: 'GET',
    path: '/api/projection/budget',
    query: P.BudgetForecastQuery,
    response: P.BudgetForecastView,
  }),
  lifeEvents: route({ method: 'GET', path: '/api/life-events', query: L.LifeEventQuery, response: L.LifeEventPage }),
  lifeEventsExport: route({
    method: 'GET',
    path: '/api/life-events/export.xlsx',
    query: L.LifeEventExportQuery,
    response: XlsxFile,
  }),
  recordLifeEvent: route({
    method: 'POST',
    path: '/api/life-events',
    body: L.LifeEventInput,
    response: L.LifeEventRecorded,
  }),
  lifeEventImports: route({ method: 'GET', path: '/api/life-event-imports', response: ImportJobList }),
  lifeEventImport: route({
    method: 'GET',
    path: '/api/life-event-imports/:id',
    params: ImportJobParam,
    response: ImportJobDetail,
  }),
  serviceAccounts: route({ method: 'GET', path: '/api/service-accounts', response: L.ServiceAccountList }),
  createServiceAccount: route({
    method: 'POST',
    path: '/api/service-accounts',
    body: L.ServiceAccountBody,
    response: L.ServiceAccountToken,
  }),
  rotateServiceAccount: route({
    method: 'POST',
    path: '/api/service-accounts/:id/rotate',
    params: L.ServiceAccountParam,
    response: L.ServiceAccountToken,
  }),
  revokeServiceAccount: route({
    method: 'POST',
    path: '/api/service-accounts/:id/revoke',
    params: L.ServiceAccountParam,
    response: L.ServiceAccountView,
  }),
  ...monitoringEntryRoutes,
  ...specialFamilyRoutes,
  ...childcareRoutes,
  ...childcareSupervisionRoutes,
  ...institutionAwardRoutes,
  ...supervisionRoutes,
  ...annualReportRoutes,
  ...selfEvaluationRoutes,
};
