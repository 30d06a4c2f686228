// The annual-reports module's public surface (see .dependency-cruiser.cjs): the service and
// routes for app.ts, the daily overdue job for the job kinds, and the printable document that the
// self-evaluation prints with.
export { createAnnualReportService, type AnnualReportService } from './service.js';
export { annualReportRoutes } from './routes.js';
export { createCountySummary } from './summary-service.js';
export type { FigureSources } from './figures.js';
export type { SummaryTask } from './summary.js';
export { flagOverdueReports, OVERDUE_REPORTS_KIND, startDailyOverdueReports } from './overdue.js';
export { renderDocumentPdf } from './document-pdf.js';
export type { PrintDocument } from './print-document.js';
export { summaryTasksFrom } from './summary-tasks.js';
