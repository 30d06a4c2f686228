import type {
  RegistrationBulkCompleteResult,
  RegistrationQueue,
  RegistrationQueueQuery,
  StaffRegistrationDetail,
} from '@cradle/contract';
import { api, withQuery } from './client';

/** The township's 生育登记 queue (a county administrator or leader sees the county's). */
export function fetchRegistrationQueue(
  query: RegistrationQueueQuery,
  signal?: AbortSignal,
): Promise<RegistrationQueue> {
  const { conflicts, ...rest } = query;
  return api.get<RegistrationQueue>(
    withQuery('/api/childbirth-registrations', {
      ...rest,
      conflicts: conflicts === undefined ? undefined : String(conflicts),
    }),
    signal,
  );
}

export function fetchRegistration(id: number, signal?: AbortSignal): Promise<StaffRegistrationDetail> {
  return api.get<StaffRegistrationDetail>(`/api/childbirth-registrations/${id}`, signal);
}

/** A note is required when the registration has registry conflicts: how they were settled. */
export function completeRegistration(id: number, note?: string): Promise<StaffRegistrationDetail> {
  return api.post<StaffRegistrationDetail>(`/api/childbirth-registrations/${id}/complete`, note ? { note } : {});
}

export function requestRegistrationInfo(id: number, message: string): Promise<StaffRegistrationDetail> {
  return api.post<StaffRegistrationDetail>(`/api/childbirth-registrations/${id}/request-info`, { message });
}

/** The server completes what it may and says why it skipped the rest (conflicts need a note each). */
export function bulkCompleteRegistrations(ids: number[]): Promise<RegistrationBulkCompleteResult> {
  return api.post<RegistrationBulkCompleteResult>('/api/childbirth-registrations/bulk-complete', { ids });
}

export function registrationReceiptUrl(id: number): string {
  return `/api/childbirth-registrations/${id}/receipt.pdf`;
}

/** A file the family attached (its download is audited). */
export function attachmentUrl(id: number): string {
  return `/api/attachments/${id}`;
}
