import type {
  BatchView,
  BudgetView,
  EligibilityView,
  PaymentStatus,
  SchemeDetail,
  SchemeSummary,
  VersionDraftBody,
  VersionView,
} from '@cradle/contract';
import { api, withQuery } from './client';

/** A batch's payment statuses in the order a payment moves through them. */
export const PAYMENT_STATUSES: readonly PaymentStatus[] = ['pending', 'exported', 'paid', 'failed', 'returned'];

const seg = encodeURIComponent;

export function fetchSchemes(signal?: AbortSignal): Promise<SchemeSummary[]> {
  return api.get<SchemeSummary[]>('/api/schemes', signal);
}

export function fetchScheme(code: string, signal?: AbortSignal): Promise<SchemeDetail> {
  return api.get<SchemeDetail>(`/api/schemes/${seg(code)}`, signal);
}

export function draftVersion(code: string, draft: VersionDraftBody): Promise<VersionView> {
  return api.post<VersionView>(`/api/schemes/${seg(code)}/versions`, draft);
}

export function submitVersion(code: string, id: number): Promise<VersionView> {
  return api.post<VersionView>(`/api/schemes/${seg(code)}/versions/${id}/submit`);
}

export function publishVersion(code: string, id: number): Promise<VersionView> {
  return api.post<VersionView>(`/api/schemes/${seg(code)}/versions/${id}/publish`);
}

/** Audited on the server: call it when the user asks, not on every render. */
export function fetchEligibility(
  query: { personId: number; scheme: string; period: string },
  signal?: AbortSignal,
): Promise<EligibilityView> {
  return api.get<EligibilityView>(withQuery('/api/eligibility', query), signal);
}

export function startPaymentCycle(scheme: string, period: string): Promise<BatchView> {
  return api.post<BatchView>('/api/payment-cycles', { scheme, period });
}

/** The jurisdiction's latest batches, newest first. */
export function fetchPaymentBatches(signal?: AbortSignal): Promise<BatchView[]> {
  return api.get<BatchView[]>('/api/payment-batches', signal);
}

/** Paid, committed and the next 12 months; with a draft version id, as if that draft were published. */
export function fetchBudget(
  code: string,
  draftVersionId: number | undefined,
  signal?: AbortSignal,
): Promise<BudgetView> {
  return api.get<BudgetView>(withQuery(`/api/schemes/${seg(code)}/budget`, { draftVersionId }), signal);
}

export function fetchPaymentBatch(id: number, signal?: AbortSignal): Promise<BatchView> {
  return api.get<BatchView>(`/api/payment-batches/${id}`, signal);
}
