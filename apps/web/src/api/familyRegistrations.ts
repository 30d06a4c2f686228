import { staffRoutes as r, type RegistrationQueueQuery } from '@cradle/contract';
import { staff } from './client';
import { downloadExport } from './exports';

/** The township's 生育登记 queue (a county administrator or leader sees the county's). */
export const fetchRegistrationQueue = (query: RegistrationQueueQuery, signal?: AbortSignal) =>
  staff.call(r.registrations, { query }, { signal });

/** The queue with its filters as XLSX, every page of it (masked ID numbers; audited). */
export const exportRegistrationQueue = ({ page: _page, pageSize: _size, ...query }: RegistrationQueueQuery) =>
  downloadExport(r.registrationsExport, { query });

export const fetchRegistration = (id: number, signal?: AbortSignal) =>
  staff.call(r.registration, { params: { id } }, { signal });

/** A note is required when the registration has registry conflicts: how they were settled. */
export const completeRegistration = (id: number, note?: string) =>
  staff.call(r.completeRegistration, { params: { id }, body: note ? { note } : {} });

export const requestRegistrationInfo = (id: number, message: string) =>
  staff.call(r.requestRegistrationInfo, { params: { id }, body: { message } });

/** The server completes what it may and says why it skipped the rest (conflicts need a note each). */
export const bulkCompleteRegistrations = (ids: number[]) => staff.call(r.bulkCompleteRegistrations, { body: { ids } });

export function registrationReceiptUrl(id: number): string {
  return `/api/childbirth-registrations/${id}/receipt.pdf`;
}

/** A file the family attached (its download is audited). */
export function attachmentUrl(id: number): string {
  return `/api/attachments/${id}`;
}
