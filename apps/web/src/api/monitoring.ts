import { staffRoutes as r, type IndicatorSeriesQuery, type ScorecardQuery } from '@cradle/contract';
import { staff } from './client';
import { downloadExport } from './exports';

// The monitoring figures (issue 13): plans, scorecard, league table, an indicator's series.
export const fetchMonitoringPlans = (signal?: AbortSignal) => staff.call(r.monitoringPlans, {}, { signal });
export const fetchScorecard = (query: ScorecardQuery, signal?: AbortSignal) =>
  staff.call(r.scorecard, { query }, { signal });
export const fetchLeague = (query: ScorecardQuery, signal?: AbortSignal) => staff.call(r.league, { query }, { signal });
export const fetchIndicatorSeries = (code: string, query: IndicatorSeriesQuery, signal?: AbortSignal) =>
  staff.call(r.indicatorSeries, { params: { code }, query }, { signal });
export const exportScorecard = (query: ScorecardQuery) => downloadExport(r.scorecardExport, { query });
export const exportLeague = (query: ScorecardQuery) => downloadExport(r.leagueExport, { query });
