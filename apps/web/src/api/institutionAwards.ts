import { staffRoutes as r } from '@cradle/contract';
import { staff } from './client';
import { downloadExport } from './exports';

// Awards and subsidies paid to childcare institutions (issue 14); a cycle is started with
// startPaymentCycle (api/benefits.ts) as any other.
export const fetchInstitutionAwards = (scheme: string, period: string, signal?: AbortSignal) =>
  staff.call(r.institutionAwards, { query: { scheme, period } }, { signal });
export const fetchInstitutionPayments = (id: number, signal?: AbortSignal) =>
  staff.call(r.institutionPayments, { params: { id } }, { signal });
export const exportInstitutionPayments = (id: number) =>
  downloadExport(r.institutionPaymentsExport, { params: { id } });
