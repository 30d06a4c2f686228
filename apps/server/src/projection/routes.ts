import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Role } from '@cradle/domain';
import { BudgetForecastQuery, BudgetForecastView, ProjectionQuery, ProjectionView } from '@cradle/contract';
import { xlsxRoute } from '../exports/index.js';
import type { ProjectionService } from './service.js';

// Who plans with a projection (issue 13): the county and above, its leaders, a township for its
// own township (the jurisdiction bounds the region). Aggregates only, no person.
const PLANNERS: readonly Role[] = ['systemAdmin', 'countyAdmin', 'leader', 'townshipWorker'];
// The budget forecast is money: as the 12-month budget, the county and its leaders (not a township).
const BUDGET_READERS: readonly Role[] = ['systemAdmin', 'countyAdmin', 'leader'];

export const projectionRoutes: FastifyPluginAsyncTypebox<{ projection: ProjectionService }> = async (
  app,
  { projection },
) => {
  const tags = ['projection'];
  app.get(
    '/api/projection',
    {
      config: { roles: PLANNERS },
      schema: {
        tags,
        summary: 'Population projection of a region of your jurisdiction: low, medium, high (and a typed TFR path)',
        querystring: ProjectionQuery,
        response: { 200: ProjectionView },
      },
    },
    (req) => projection.project(req.user!, req.query),
  );
  xlsxRoute(app, '/api/projection/export.xlsx', {
    config: { roles: PLANNERS },
    tags,
    summary: "The projection's table by year and scenario as XLSX (figures only; audited)",
    querystring: ProjectionQuery,
    name: { zh: '人口预测', en: 'projection' },
    workbook: (a, q, lang) => projection.exportTable(a.user, a.clientIp, q, lang),
  });
  app.get(
    '/api/projection/budget',
    {
      config: { roles: BUDGET_READERS },
      schema: {
        tags,
        summary: "Each children's scheme's cost for the next 10 years from the projection (optionally a draft version)",
        querystring: BudgetForecastQuery,
        response: { 200: BudgetForecastView },
      },
    },
    (req) => projection.budget(req.user!, req.query),
  );
};
