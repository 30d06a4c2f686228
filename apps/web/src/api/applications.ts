import { staffRoutes as r, type ApplicationBody } from '@cradle/contract';
import { staff } from './client';
import { downloadExport } from './exports';

export const submitApplication = (body: ApplicationBody) => staff.call(r.submitApplication, { body });

/** What waits for the user's review level in their jurisdiction (a county also sees public notices). */
export const fetchApplicationQueue = (signal?: AbortSignal) => staff.call(r.applications, { query: {} }, { signal });

/** The queue as XLSX (masked ID numbers; audited). */
export const exportApplicationQueue = () => downloadExport(r.applicationsExport, { query: {} });

export const fetchApplication = (id: number, signal?: AbortSignal) =>
  staff.call(r.application, { params: { id } }, { signal });

export const approveApplication = (id: number) => staff.call(r.approveApplication, { params: { id } });

export const rejectApplication = (id: number, reason: string) =>
  staff.call(r.rejectApplication, { params: { id }, body: { reason } });

export const appealApplication = (id: number) => staff.call(r.appealApplication, { params: { id } });

export const closeApplicationNotice = (id: number) => staff.call(r.closeApplicationNotice, { params: { id } });
