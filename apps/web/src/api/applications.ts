import type { ApplicationBody, ApplicationDetail, ApplicationSummary } from '@cradle/contract';
import { api } from './client';

export function submitApplication(request: ApplicationBody): Promise<ApplicationDetail> {
  return api.post<ApplicationDetail>('/api/applications', request);
}

/** What waits for the user's review level in their jurisdiction (a county also sees public notices). */
export function fetchApplicationQueue(signal?: AbortSignal): Promise<ApplicationSummary[]> {
  return api.get<ApplicationSummary[]>('/api/applications', signal);
}

export function fetchApplication(id: number, signal?: AbortSignal): Promise<ApplicationDetail> {
  return api.get<ApplicationDetail>(`/api/applications/${id}`, signal);
}

export function approveApplication(id: number): Promise<ApplicationDetail> {
  return api.post<ApplicationDetail>(`/api/applications/${id}/approve`);
}

export function rejectApplication(id: number, reason: string): Promise<ApplicationDetail> {
  return api.post<ApplicationDetail>(`/api/applications/${id}/reject`, { reason });
}

export function appealApplication(id: number): Promise<ApplicationDetail> {
  return api.post<ApplicationDetail>(`/api/applications/${id}/appeal`);
}

export function closeApplicationNotice(id: number): Promise<ApplicationDetail> {
  return api.post<ApplicationDetail>(`/api/applications/${id}/close-notice`);
}
