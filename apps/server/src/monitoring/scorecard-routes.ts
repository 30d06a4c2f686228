import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MONITORING_ROLES } from '@cradle/domain';
import {
  IndicatorParam,
  IndicatorSeries,
  IndicatorSeriesQuery,
  League,
  PlanList,
  Scorecard,
  ScorecardQuery,
} from '@cradle/contract';
import { xlsxRoute } from '../exports/index.js';
import type { ScorecardService } from './scorecard-service.js';

// The monitoring figures (issue 13): aggregates only, for leaders, administrators and township
// workers (MONITORING_ROLES); the jurisdiction limits every count.
const config = { roles: MONITORING_ROLES };

export const scorecardRoutes: FastifyPluginAsyncTypebox<{ scorecard: ScorecardService }> = async (
  app,
  { scorecard },
) => {
  app.get(
    '/api/monitoring/plans',
    {
      config,
      schema: {
        tags: ['monitoring'],
        summary: 'The plans governing your jurisdiction, with their targets',
        response: { 200: PlanList },
      },
    },
    (req) => scorecard.plans(req.user!),
  );
  app.get(
    '/api/monitoring/scorecard',
    {
      config,
      schema: {
        tags: ['monitoring'],
        summary: "A plan's targets for a region and year: value, status, trend, counts, interval, clause",
        querystring: ScorecardQuery,
        response: { 200: Scorecard },
      },
    },
    (req) => scorecard.scorecard(req.user!, req.query),
  );
  xlsxRoute(app, '/api/monitoring/scorecard.xlsx', {
    config,
    tags: ['monitoring'],
    summary: 'The scorecard as XLSX (figures only; audited)',
    querystring: ScorecardQuery,
    name: { zh: '指标看板', en: 'scorecard' },
    workbook: (a, q, lang) => scorecard.exportScorecard(a.user, a.clientIp, q, lang),
  });
  app.get(
    '/api/monitoring/league',
    {
      config,
      schema: {
        tags: ['monitoring'],
        summary: "A plan's targets for each child region (townships of a county, villages of a township)",
        querystring: ScorecardQuery,
        response: { 200: League },
      },
    },
    (req) => scorecard.league(req.user!, req.query),
  );
  xlsxRoute(app, '/api/monitoring/league.xlsx', {
    config,
    tags: ['monitoring'],
    summary: 'The league table as XLSX (figures only; audited)',
    querystring: ScorecardQuery,
    name: { zh: '排名表', en: 'league' },
    workbook: (a, q, lang) => scorecard.exportLeague(a.user, a.clientIp, q, lang),
  });
  app.get(
    '/api/monitoring/indicators/:code',
    {
      config,
      schema: {
        tags: ['monitoring'],
        summary: "An indicator's series for a region: values, counts, intervals, formula and source",
        params: IndicatorParam,
        querystring: IndicatorSeriesQuery,
        response: { 200: IndicatorSeries },
      },
    },
    (req) => scorecard.series(req.user!, req.params.code, req.query),
  );
};
