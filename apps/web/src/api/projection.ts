import { staffRoutes as r, type BudgetForecastQuery, type ProjectionQuery } from '@cradle/contract';
import { staff } from './client';
import { downloadExport } from './exports';

export const fetchProjection = (query: ProjectionQuery, signal?: AbortSignal) =>
  staff.call(r.projection, { query }, { signal });

/** The table by year of every scenario as XLSX (figures only; audited). */
export const exportProjection = (query: ProjectionQuery) => downloadExport(r.projectionExport, { query });

export const fetchBudgetForecast = (query: BudgetForecastQuery, signal?: AbortSignal) =>
  staff.call(r.budgetForecast, { query }, { signal });
