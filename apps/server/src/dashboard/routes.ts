import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Dashboard, DashboardQuery } from '@cradle/contract';
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
};
