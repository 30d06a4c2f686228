import { api, withQuery } from './client';
import type {
  Budget,
  Eligibility,
  PaymentBatch,
  SchemeDetail,
  SchemeSummary,
  SchemeVersion,
  VersionDraft,
} from './types';

const seg = encodeURIComponent;

export function fetchSchemes(signal?: AbortSignal): Promise<SchemeSummary[]> {
  return api.get<SchemeSummary[]>('/api/schemes', signal);
}

export function fetchScheme(code: string, signal?: AbortSignal): Promise<SchemeDetail> {
  return api.get<SchemeDetail>(`/api/schemes/${seg(code)}`, signal);
}

export function draftVersion(code: string, draft: VersionDraft): Promise<SchemeVersion> {
  return api.post<SchemeVersion>(`/api/schemes/${seg(code)}/versions`, draft);
}

export function submitVersion(code: string, id: number): Promise<SchemeVersion> {
  return api.post<SchemeVersion>(`/api/schemes/${seg(code)}/versions/${id}/submit`);
}

export function publishVersion(code: string, id: number): Promise<SchemeVersion> {
  return api.post<SchemeVersion>(`/api/schemes/${seg(code)}/versions/${id}/publish`);
}

/** Audited on the server: call it when the user asks, not on every render. */
export function fetchEligibility(
  query: { personId: number; scheme: string; period: string },
  signal?: AbortSignal,
): Promise<Eligibility> {
  return api.get<Eligibility>(withQuery('/api/eligibility', query), signal);
}

export function startPaymentCycle(scheme: string, period: string): Promise<PaymentBatch> {
  return api.post<PaymentBatch>('/api/payment-cycles', { scheme, period });
}

/** The jurisdiction's latest batches, newest first. */
export function fetchPaymentBatches(signal?: AbortSignal): Promise<PaymentBatch[]> {
  return api.get<PaymentBatch[]>('/api/payment-batches', signal);
}

/** Paid, committed and the next 12 months; with a draft version id, as if that draft were published. */
export function fetchBudget(code: string, draftVersionId: number | undefined, signal?: AbortSignal): Promise<Budget> {
  return api.get<Budget>(withQuery(`/api/schemes/${seg(code)}/budget`, { draftVersionId }), signal);
}

export function fetchPaymentBatch(id: number, signal?: AbortSignal): Promise<PaymentBatch> {
  return api.get<PaymentBatch>(`/api/payment-batches/${id}`, signal);
}
