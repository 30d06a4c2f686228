import {
  staffRoutes as r,
  type PlanDefinition,
  type PlanDraftBody,
  type ReportedEntryBody,
  type ReportedValueQuery,
  type WarningQuery,
} from '@cradle/contract';
import { staff } from './client';
import { downloadExport } from './exports';

// Monitoring's entry routes (issue 13): a county's plans, reported values, early warnings.

export const fetchPlanDrafts = (signal?: AbortSignal) => staff.call(r.planDrafts, {}, { signal });
export const createPlanDraft = (body: PlanDraftBody) => staff.call(r.createPlanDraft, { body });
export const updatePlanDraft = (id: number, body: PlanDefinition) =>
  staff.call(r.updatePlanDraft, { params: { id }, body });
export const movePlanDraft = (id: number, step: 'submit' | 'publish' | 'withdraw') =>
  staff.call(step === 'submit' ? r.submitPlanDraft : step === 'publish' ? r.publishPlanDraft : r.withdrawPlanDraft, {
    params: { id },
  });

export const fetchReportedValues = (query: ReportedValueQuery, signal?: AbortSignal) =>
  staff.call(r.reportedValues, { query }, { signal });
export const exportReportedValues = (query: ReportedValueQuery) => downloadExport(r.reportedValuesExport, { query });
export const enterReportedValue = (body: ReportedEntryBody) => staff.call(r.enterReportedValue, { body });
export const correctReportedValue = (body: ReportedEntryBody) => staff.call(r.correctReportedValue, { body });
export const fetchReportedHistory = (
  query: { indicator: string; region: string; period: string },
  signal?: AbortSignal,
) => staff.call(r.reportedValueHistory, { query }, { signal });

export const fetchWarnings = (query: WarningQuery, signal?: AbortSignal) =>
  staff.call(r.warnings, { query }, { signal });
export const exportWarnings = (query: WarningQuery) => downloadExport(r.warningsExport, { query });
export const acknowledgeWarning = (id: number, note: string) =>
  staff.call(r.acknowledgeWarning, { params: { id }, body: { note } });
