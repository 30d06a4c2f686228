import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { departmentLabel, STAFF_ROLES, type Department, type Role } from '@cradle/domain';
import {
  ReportedEntryBody,
  ReportedEntryResult,
  ReportedHistory,
  ReportedHistoryQuery,
  ReportedValuePage,
  ReportedValueQuery,
} from '@cradle/contract';
import { auditedXlsxExport, chinaDateTime, column, wordColumn, offsetPages, xlsxRoute } from '../exports/index.js';
import type { Actor } from './plans-service.js';
import type { ReportedService } from './reported-service.js';

// Figures are aggregates with no person in them: everyone of the jurisdiction reads them (like
// the dashboard); the departments that report (the catalogue's sources) and the county enter them.
const REPORTERS: readonly Role[] = ['countyAdmin', 'departmentOperator'];
const REPORTING_DEPARTMENTS: readonly Department[] = ['healthCommission', 'education', 'civilAffairs'];

type Row = Awaited<ReturnType<ReportedService['listPage']>>[number];

export const reportedRoutes: FastifyPluginAsyncTypebox<{
  reported: ReportedService;
  database: Parameters<typeof auditedXlsxExport>[0];
}> = async (app, { reported, database }) => {
  const actor = (req: { user: unknown; ip: string }): Actor => ({ user: req.user as Actor['user'], clientIp: req.ip });
  const tags = ['monitoring'];
  const write = { roles: REPORTERS, departments: REPORTING_DEPARTMENTS };

  app.get(
    '/api/monitoring/reported-values',
    {
      config: { roles: STAFF_ROLES },
      schema: {
        tags,
        summary: 'Reported values in force, by indicator, region and period',
        querystring: ReportedValueQuery,
        response: { 200: ReportedValuePage },
      },
    },
    (req) => reported.list(actor(req), req.query),
  );
  xlsxRoute(app, '/api/monitoring/reported-values.xlsx', {
    config: { roles: STAFF_ROLES },
    tags,
    summary: 'The reported values in force as XLSX (audited)',
    querystring: ReportedValueQuery,
    name: { zh: '上报数据', en: 'reported-values' },
    workbook: (a, q, lang) =>
      auditedXlsxExport<Row>(database, a, lang, {
        action: 'monitoring.exportReportedValues',
        filter: { indicator: q.indicator, region: q.region, period: q.period },
        sheetName: lang === 'en' ? 'Reported values' : '上报数据',
        columns: [
          column('期间', 'Period', 10, (r) => r.period),
          column('地区', 'Region', 18, (r) => r.regionName),
          wordColumn('项目', 'Item', 28, (r) => r.itemName),
          column('数值', 'Value', 12, (r) => String(r.value)),
          wordColumn('报送部门', 'Department', 18, (r) => departmentLabel(r.department as Department)),
          column('版本', 'Version', 8, (r) => String(r.version)),
          column('更正原因', 'Reason', 30, (r) => r.reason ?? ''),
          column('报送人', 'Reported by', 18, (r) => r.reportedByName),
          column('报送时间', 'Reported at', 18, (r) => chinaDateTime(r.reportedAt)),
        ],
        pages: offsetPages((limit, offset) => reported.listPage(a, q, limit, offset)),
      }),
  });
  app.post(
    '/api/monitoring/reported-values',
    {
      config: write,
      schema: {
        tags,
        summary: 'Report an indicator’s numerator (and denominator) for a region and an ended period',
        body: ReportedEntryBody,
        response: { 200: ReportedEntryResult },
      },
    },
    (req) => reported.enter(actor(req), req.body),
  );
  app.post(
    '/api/monitoring/reported-values/corrections',
    {
      config: write,
      schema: {
        tags,
        summary: 'Correct a reported value: a new version with a reason, never an overwrite',
        body: ReportedEntryBody,
        response: { 200: ReportedEntryResult },
      },
    },
    (req) => reported.correct(actor(req), req.body),
  );
  app.get(
    '/api/monitoring/reported-values/history',
    {
      config: { roles: STAFF_ROLES },
      schema: {
        tags,
        summary: 'Every version of an indicator’s reported items for a region and period',
        querystring: ReportedHistoryQuery,
        response: { 200: ReportedHistory },
      },
    },
    (req) => reported.history(actor(req), req.query),
  );
};
