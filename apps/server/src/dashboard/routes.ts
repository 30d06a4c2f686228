import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import { Dashboard, DashboardQuery, XlsxFile } from '@cradle/contract';
import { requestLang } from '../errors.js';
import { sendXlsx } from '../exports/index.js';
import type { DashboardService } from './service.js';

export const dashboardRoutes: FastifyPluginAsyncTypebox<{ dashboard: DashboardService }> = async (
  app,
  { dashboard },
) => {
  app.get(
    '/api/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'Population, births and data quality for a region of your jurisdiction',
        querystring: DashboardQuery,
        response: { 200: Dashboard },
      },
    },
    (req) => dashboard.get(req.user!, req.query.region),
  );
  app.get(
    '/api/dashboard/regions.xlsx',
    {
      schema: {
        tags: ['dashboard'],
        summary: "The dashboard's table of subordinate regions as XLSX (figures only; audited)",
        querystring: DashboardQuery,
        response: { 200: Type.Unsafe<Readable>(XlsxFile) },
      },
    },
    async (req, reply) => {
      const lang = requestLang(req);
      const workbook = await dashboard.exportRegions(req.user!, req.ip, req.query.region, lang);
      return sendXlsx(reply, lang, { zh: '下级区划', en: 'regions' }, workbook);
    },
  );
};
