import {
  staffRoutes as r,
  type EligibilityQuery,
  type ObjectionBody,
  type PaymentStatus,
  type RosterFilter,
  type RosterQuery,
  type VersionDraftBody,
} from '@cradle/contract';
import { staff } from './client';
import { downloadXlsx } from './xlsx';

/** A batch's payment statuses in the order a payment moves through them. */
export const PAYMENT_STATUSES: readonly PaymentStatus[] = [
  'pending',
  'exported',
  'paid',
  'failed',
  'returned',
  'removed',
  'cancelled',
];

export const fetchSchemes = (signal?: AbortSignal) => staff.call(r.schemes, {}, { signal });

export const fetchScheme = (code: string, signal?: AbortSignal) =>
  staff.call(r.scheme, { params: { code } }, { signal });

export const draftVersion = (code: string, body: VersionDraftBody) =>
  staff.call(r.draftVersion, { params: { code }, body });

export const submitVersion = (code: string, id: number) => staff.call(r.submitVersion, { params: { code, id } });

export const publishVersion = (code: string, id: number) => staff.call(r.publishVersion, { params: { code, id } });

/** Audited on the server: call it when the user asks, not on every render. */
export const fetchEligibility = (query: EligibilityQuery, signal?: AbortSignal) =>
  staff.call(r.eligibility, { query }, { signal });

export const startPaymentCycle = (scheme: string, period: string) =>
  staff.call(r.startCycle, { body: { scheme, period } });

/** The jurisdiction's latest batches, newest first. */
export const fetchPaymentBatches = (signal?: AbortSignal) => staff.call(r.batches, {}, { signal });

/** The county administrator's expected take-up rate of a scheme paid on application. */
export const setTakeUpRate = (code: string, basisPoints: number, basis: string) =>
  staff.call(r.setTakeUpRate, { params: { code }, body: { basisPoints, basis } });

/** Paid, committed, the backlog and the next 12 months; with a draft version id, as if that draft were published. */
export const fetchBudget = (code: string, draftVersionId: number | undefined, signal?: AbortSignal) =>
  staff.call(r.budget, { params: { code }, query: { draftVersionId } }, { signal });

export const fetchPaymentBatch = (id: number, signal?: AbortSignal) =>
  staff.call(r.batch, { params: { id } }, { signal });

/** A batch's payees, one page under the filters. */
export const fetchBatchRoster = (id: number, query: RosterQuery, signal?: AbortSignal) =>
  staff.call(r.batchRoster, { params: { id }, query }, { signal });

/** A payee's eligibility trace for the batch's scheme and period (audited on the server). */
export const fetchBatchRowEligibility = (id: number, personId: number, signal?: AbortSignal) =>
  staff.call(r.batchRowEligibility, { params: { id, personId } }, { signal });

/** The public notice's roster (names masked) for the printable page. */
export const fetchNoticeRoster = (id: number, signal?: AbortSignal) =>
  staff.call(r.noticeRoster, { params: { id }, query: {} }, { signal });

export const publishBatchNotice = (id: number) => staff.call(r.publishBatchNotice, { params: { id } });

export const recordObjection = (id: number, body: ObjectionBody) =>
  staff.call(r.batchObjection, { params: { id }, body });

export const approveBatch = (id: number) => staff.call(r.approveBatch, { params: { id } });

export const cancelBatch = (id: number, reason: string) =>
  staff.call(r.cancelBatch, { params: { id }, body: { reason } });

/** The roster under its filters as XLSX (masked ID numbers; audited on the server). */
export const downloadRosterXlsx = (id: number, filter: RosterFilter) =>
  downloadXlsx(`/api/payment-batches/${id}/roster.xlsx`, filter, `cradle-roster-batch${id}.xlsx`);

export const downloadNoticeRosterXlsx = (id: number) =>
  downloadXlsx(`/api/payment-batches/${id}/notice-roster.xlsx`, {}, `cradle-notice-batch${id}.xlsx`);
