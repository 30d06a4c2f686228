import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { periodWords, STAFF_ROLES, type Role } from '@cradle/domain';
import { AcknowledgeBody, IdParam, WarningPage, WarningQuery, WarningView } from '@cradle/contract';
import { auditedXlsxExport, chinaDateTime, column, wordColumn, offsetPages, xlsxRoute } from '../exports/index.js';
import type { Actor } from './plans-service.js';
import type { WarningService } from './warnings-service.js';

// Warnings are figures of regions, no person: the jurisdiction's users read them; the county's
// administrators, to whom they are sent, acknowledge them.
const ADMINS: readonly Role[] = ['systemAdmin', 'countyAdmin'];

const SEVERITY = { alert: { zh: '警报', en: 'Alert' }, warning: { zh: '预警', en: 'Warning' } };
const READING_BY = { seed: { zh: '方案原文', en: 'The plan’s' }, cradle: { zh: '系统解读', en: 'Cradle’s reading' } };

export const warningRoutes: FastifyPluginAsyncTypebox<{
  warnings: WarningService;
  database: Parameters<typeof auditedXlsxExport>[0];
}> = async (app, { warnings, database }) => {
  const actor = (req: { user: unknown; ip: string }): Actor => ({ user: req.user as Actor['user'], clientIp: req.ip });
  const tags = ['monitoring'];

  app.get(
    '/api/monitoring/warnings',
    {
      config: { roles: STAFF_ROLES },
      schema: {
        tags,
        summary: 'Raised early warnings, open or acknowledged, by region',
        querystring: WarningQuery,
        response: { 200: WarningPage },
      },
    },
    (req) => warnings.list(actor(req), req.query),
  );
  xlsxRoute(app, '/api/monitoring/warnings.xlsx', {
    config: { roles: STAFF_ROLES },
    tags,
    summary: 'The warnings as XLSX (audited)',
    querystring: WarningQuery,
    name: { zh: '预警', en: 'warnings' },
    workbook: (a, q, lang) =>
      auditedXlsxExport<WarningView>(database, a, lang, {
        action: 'monitoring.exportWarnings',
        filter: { state: q.state, region: q.region },
        sheetName: lang === 'en' ? 'Warnings' : '预警',
        columns: [
          wordColumn('级别', 'Severity', 8, (w) => SEVERITY[w.severity]),
          wordColumn('规则', 'Rule', 30, (w) => w.ruleName),
          wordColumn('指标', 'Indicator', 22, (w) => w.indicatorName),
          column('地区', 'Region', 16, (w) => w.regionName),
          wordColumn('期间', 'Period', 14, (w) => periodWords(w.period)),
          column('数值', 'Value', 10, (w) => (w.value === null ? '' : String(Math.round(w.value * 100) / 100))),
          column('分子', 'Numerator', 10, (w) => (w.numerator === null ? '' : String(w.numerator))),
          column('分母', 'Denominator', 10, (w) => (w.denominator === null ? '' : String(w.denominator))),
          wordColumn('依据', 'Whose figure', 12, (w) => READING_BY[w.readingBy]),
          column('预警时间', 'Raised at', 18, (w) => chinaDateTime(w.raisedAt)),
          column('处理人', 'Acknowledged by', 14, (w) => w.acknowledgedByName ?? ''),
          column('处理时间', 'Acknowledged at', 18, (w) => chinaDateTime(w.acknowledgedAt)),
          column('处理说明', 'Note', 30, (w) => w.acknowledgementNote ?? ''),
        ],
        pages: offsetPages((limit, offset) => warnings.listPage(a, q, limit, offset)),
      }),
  });
  app.post(
    '/api/monitoring/warnings/:id/acknowledge',
    {
      config: { roles: ADMINS },
      schema: {
        tags,
        summary: 'Acknowledge a warning with a note on what was done (audited)',
        params: IdParam,
        body: AcknowledgeBody,
        response: { 200: WarningView },
      },
    },
    (req) => warnings.acknowledge(actor(req), req.params.id, req.body.note),
  );
};
