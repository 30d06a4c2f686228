import {
  staffRoutes as r,
  type AnnualReportDecision,
  type EvaluationItemBody,
  type SelfEvaluationView,
} from '@cradle/contract';
import { staff } from './client';
import { downloadExport } from './exports';

export const fetchAnnualReports = (year: number, signal?: AbortSignal) =>
  staff.call(r.annualReports, { query: { year } }, { signal });
export const exportAnnualReports = (year: number) => downloadExport(r.annualReportsExport, { query: { year } });
export const openAnnualReports = (year: number) => staff.call(r.openAnnualReports, { body: { year } });
export const fetchAnnualReport = (id: number, signal?: AbortSignal) =>
  staff.call(r.annualReport, { params: { id } }, { signal });
export const saveAnnualReport = (id: number, body: string) =>
  staff.call(r.saveAnnualReport, { params: { id }, body: { body } });
export const submitAnnualReport = (id: number, body: string) =>
  staff.call(r.submitAnnualReport, { params: { id }, body: { body } });
export const decideAnnualReport = (id: number, body: AnnualReportDecision) =>
  staff.call(r.decideAnnualReport, { params: { id }, body });
export const fetchAnnualReportSettings = (signal?: AbortSignal) => staff.call(r.annualReportSettings, {}, { signal });
export const saveAnnualReportSettings = (dueMonthDay: string) =>
  staff.call(r.setAnnualReportSettings, { body: { dueMonthDay } });
/** The county's summary as a file (PDF or DOCX). */
export async function downloadSummary(year: number, format: 'pdf' | 'docx') {
  const { blob } = await staff.download('GET', `/api/annual-summary/${format}?year=${year}`);
  return { blob, fileName: `annual-summary-${year}.${format}` };
}

export const fetchSelfEvaluation = (year: number, signal?: AbortSignal) =>
  staff.call(r.selfEvaluation, { query: { year } }, { signal });
export const openSelfEvaluation = (year: number) => staff.call(r.openSelfEvaluation, { body: { year } });
export const updateEvaluationItem = (id: number, code: string, body: EvaluationItemBody) =>
  staff.call(r.updateEvaluationItem, { params: { id, code }, body });
export function uploadEvidence(id: number, code: string, file: File): Promise<SelfEvaluationView> {
  const form = new FormData();
  form.append('file', file);
  return staff.upload<SelfEvaluationView>(`/api/self-evaluations/${id}/items/${code}/evidence`, form);
}
export const createRectification = (id: number) =>
  staff.request<{ created: number; taskIds: number[] }>('POST', `/api/self-evaluations/${id}/rectification`);
export async function downloadEvaluationPdf(id: number, year: number) {
  const { blob } = await staff.download('GET', `/api/self-evaluations/${id}/report.pdf`);
  return { blob, fileName: `self-evaluation-${year}.pdf` };
}
