import { staffRoutes as r, type AuditFilterQuery, type AuditQuery } from '@cradle/contract';
import { staff } from './client';
import { downloadXlsx } from './xlsx';

export const fetchAudit = (query: AuditQuery, signal?: AbortSignal) => staff.call(r.audit, { query }, { signal });

export const verifyAuditChain = () => staff.call(r.verifyAudit, {});

/** The entries under the current filters as XLSX (the export is audited). */
export const downloadAuditXlsx = (filter: AuditFilterQuery) =>
  downloadXlsx('/api/audit.xlsx', filter, 'cradle-audit.xlsx');
