import {
  portalRoutes as p,
  staffRoutes as r,
  type ChildcareDocumentView,
  type ClosureBody,
  type FilingQueueExportQuery,
  type FilingQueueQuery,
  type FilingSubmitBody,
  type InstitutionExportQuery,
  type InstitutionQuery,
} from '@cradle/contract';
import { portal, staff } from './client';
import { downloadExport } from './exports';

// Childcare institutions and their filing (issue 14).
export const fetchOwnInstitutions = async (signal?: AbortSignal) =>
  (await staff.call(r.ownInstitutions, {}, { signal })).items;
export const submitFiling = (body: FilingSubmitBody) => staff.call(r.submitFiling, { body });
export const fileClosure = (id: number, body: ClosureBody) => staff.call(r.fileClosure, { params: { id }, body });
export function uploadChildcareDocument(file: File): Promise<ChildcareDocumentView> {
  const form = new FormData();
  form.append('file', file, file.name);
  return staff.upload<ChildcareDocumentView>('/api/childcare/documents', form);
}

export const fetchFilingQueue = (query: FilingQueueQuery, signal?: AbortSignal) =>
  staff.call(r.filingQueue, { query }, { signal });
export const exportFilingQueue = (query: FilingQueueExportQuery) => downloadExport(r.filingQueueExport, { query });
export const completeFiling = (id: number) => staff.call(r.completeFiling, { params: { id } });
export const sendBackFiling = (id: number, reason: string) =>
  staff.call(r.sendBackFiling, { params: { id }, body: { reason } });

export const fetchInstitutions = (query: InstitutionQuery, signal?: AbortSignal) =>
  staff.call(r.childcareInstitutions, { query }, { signal });
export const exportInstitutions = (query: InstitutionExportQuery) =>
  downloadExport(r.childcareInstitutionsExport, { query });
export const fetchInstitution = (id: number, signal?: AbortSignal) =>
  staff.call(r.childcareInstitution, { params: { id } }, { signal });

/** 信息公示: no sign-in. */
export const fetchPublicInstitutions = (county: string, signal?: AbortSignal) =>
  portal.call(p.childcareInstitutions, { query: { county } }, { signal });
