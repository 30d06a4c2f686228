import type { AuditPage, AuditQuery, ChainCheck } from '@cradle/contract';
import { api, withQuery } from './client';

export function fetchAudit(query: AuditQuery, signal?: AbortSignal): Promise<AuditPage> {
  return api.get<AuditPage>(withQuery('/api/audit', query), signal);
}

export function verifyAuditChain(): Promise<ChainCheck> {
  return api.post<ChainCheck>('/api/audit/verify');
}
