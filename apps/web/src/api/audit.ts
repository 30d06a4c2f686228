import { staffRoutes as r, type AuditQuery } from '@cradle/contract';
import { staff } from './client';

export const fetchAudit = (query: AuditQuery, signal?: AbortSignal) => staff.call(r.audit, { query }, { signal });

export const verifyAuditChain = () => staff.call(r.verifyAudit, {});
