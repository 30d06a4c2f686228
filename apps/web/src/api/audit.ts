import { api, withQuery } from './client';
import type { AuditPage, AuditQuery, AuditVerification } from './types';

export function fetchAudit(query: AuditQuery, signal?: AbortSignal): Promise<AuditPage> {
  return api.get<AuditPage>(withQuery('/api/audit', query), signal);
}

export function verifyAuditChain(): Promise<AuditVerification> {
  return api.post<AuditVerification>('/api/audit/verify');
}
