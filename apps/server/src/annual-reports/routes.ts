import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Role } from '@cradle/domain';
import {
  AnnualReportBody,
  AnnualReportDecision,
  AnnualReportDetail,
  AnnualReportList,
  AnnualReportQuery,
  AnnualReportSettings,
  AnnualReportSettingsBody,
  IdParam,
  OpenAnnualReportsAnswer,
  OpenAnnualReportsBody,
  SummaryFormat,
  SummaryQuery,
} from '@cradle/contract';
import { requestLang } from '../errors.js';
import { xlsxRoute } from '../exports/index.js';
import type { SessionUser } from '../auth/index.js';
import type { AnnualReportService } from './service.js';
import type { createCountySummary } from './summary-service.js';

// Who: the county office opens a year, reviews and sets the deadline; a township's workers write
// and submit its report (row-level security: only their own); leaders read and print the summary.
const READERS = { roles: ['countyAdmin', 'townshipWorker', 'leader'] as Role[] };
const COUNTY = { roles: ['countyAdmin'] as Role[] };
const TOWNSHIP = { roles: ['townshipWorker'] as Role[] };
const SUMMARY = { roles: ['countyAdmin', 'leader'] as Role[] };
const tags = ['annual-reports'];

export const annualReportRoutes: FastifyPluginAsyncTypebox<{
  reports: AnnualReportService;
  summary: ReturnType<typeof createCountySummary>;
}> = async (app, { reports, summary }) => {
  const actor = (req: { user: SessionUser | null; ip: string }) => ({ user: req.user!, clientIp: req.ip });

  app.get(
    '/api/annual-reports',
    {
      config: READERS,
      schema: {
        tags,
        summary: "A year's township reports",
        querystring: AnnualReportQuery,
        response: { 200: AnnualReportList },
      },
    },
    (req) => reports.list(actor(req), req.query.year),
  );
  xlsxRoute(app, '/api/annual-reports/export.xlsx', {
    config: READERS,
    tags,
    summary: "A year's township reports as XLSX (audited)",
    querystring: AnnualReportQuery,
    name: { zh: '乡镇年度人口工作报告', en: 'annual-reports' },
    workbook: (a, q, lang) => reports.exportXlsx(a, q.year, lang),
  });
  app.post(
    '/api/annual-reports/open',
    {
      config: COUNTY,
      schema: {
        tags,
        summary: "Open a year's reports for every township, figures pre-filled and frozen",
        body: OpenAnnualReportsBody,
        response: { 200: OpenAnnualReportsAnswer },
      },
    },
    (req) => reports.open(actor(req), req.body.year),
  );
  app.get(
    '/api/annual-reports/:id',
    {
      config: READERS,
      schema: {
        tags,
        summary: 'A report with its figures (audited)',
        params: IdParam,
        response: { 200: AnnualReportDetail },
      },
    },
    (req) => reports.detail(actor(req), req.params.id),
  );
  app.put(
    '/api/annual-reports/:id',
    {
      config: TOWNSHIP,
      schema: {
        tags,
        summary: 'Save the draft',
        params: IdParam,
        body: AnnualReportBody,
        response: { 200: AnnualReportDetail },
      },
    },
    (req) => reports.save(actor(req), req.params.id, req.body.body),
  );
  app.post(
    '/api/annual-reports/:id/submit',
    {
      config: TOWNSHIP,
      schema: {
        tags,
        summary: 'Submit the report to the county',
        params: IdParam,
        body: AnnualReportBody,
        response: { 200: AnnualReportDetail },
      },
    },
    (req) => reports.submit(actor(req), req.params.id, req.body.body),
  );
  app.post(
    '/api/annual-reports/:id/decision',
    {
      config: COUNTY,
      schema: {
        tags,
        summary: 'Accept a submitted report, or send it back with the reason',
        params: IdParam,
        body: AnnualReportDecision,
        response: { 200: AnnualReportDetail },
      },
    },
    (req) => reports.decide(actor(req), req.params.id, req.body),
  );
  app.get(
    '/api/annual-report-settings',
    {
      config: READERS,
      schema: { tags, summary: 'The deadline that applies here', response: { 200: AnnualReportSettings } },
    },
    (req) => reports.settings(actor(req), requestLang(req)),
  );
  app.put(
    '/api/annual-report-settings',
    {
      config: COUNTY,
      schema: {
        tags,
        summary: "Set the county's deadline (month and day each year)",
        body: AnnualReportSettingsBody,
        response: { 200: AnnualReportSettings },
      },
    },
    (req) => reports.setSettings(actor(req), req.body.dueMonthDay, requestLang(req)),
  );
  app.get(
    '/api/annual-summary/:format',
    {
      config: SUMMARY,
      schema: {
        tags,
        summary: "The county's yearly summary to its leadership (PDF or DOCX; audited)",
        params: SummaryFormat,
        querystring: SummaryQuery,
        produces: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        response: { 200: Type.Any() },
      },
    },
    async (req, reply) => {
      const { format } = req.params;
      const file = await summary(actor(req), req.query.year, format, requestLang(req));
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', `attachment; filename="annual-summary-${req.query.year}.${format}"`)
        .send(file.content);
    },
  );
};
