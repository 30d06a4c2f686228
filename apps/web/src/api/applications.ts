import { staffRoutes as r, type ApplicationBody } from '@cradle/contract';
import { staff } from './client';
import { downloadExport } from './exports';

export const submitApplication = (body: ApplicationBody) => staff.call(r.submitApplication, { body });

/** What waits for the user's review level in their jurisdiction (a county also sees public notices). */
export const fetchApplicationQueue = (signal?: AbortSignal) => staff.call(r.applications, { query: {} }, { signal });

/** The applications the user submitted, any status, newest first (a village worker following up). */
export const fetchMyApplications = (signal?: AbortSignal) =>
  staff.call(r.applications, { query: { mine: true } }, { signal });

/** The queue as XLSX (masked ID numbers; audited). */
export const exportApplicationQueue = (mine = false) =>
  downloadExport(r.applicationsExport, { query: mine ? { mine: true } : {} });

export const fetchApplication = (id: number, signal?: AbortSignal) =>
  staff.call(r.application, { params: { id } }, { signal });

/** Approve at the user's level, with an optional opinion (审核意见) kept in the history. */
export const approveApplication = (id: number, opinion?: string) =>
  staff.call(r.approveApplication, { params: { id }, body: opinion?.trim() ? { opinion: opinion.trim() } : {} });

export const rejectApplication = (id: number, reason: string) =>
  staff.call(r.rejectApplication, { params: { id }, body: { reason } });

export const appealApplication = (id: number) => staff.call(r.appealApplication, { params: { id } });

export const closeApplicationNotice = (id: number) => staff.call(r.closeApplicationNotice, { params: { id } });
