import type { ImportFailure } from './failures.js';
import type { ImportFormat } from './reader.js';

export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ImportCounts {
  /** Non-blank data rows read so far. */
  processedRows: number;
  /** Rows loaded (inserted, updated or unchanged). */
  validRows: number;
  /** Rows left out, each with one or more errors. */
  invalidRows: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ImportJob extends ImportCounts {
  id: number;
  userId: number | null;
  jurisdictionCode: string;
  fileName: string;
  format: ImportFormat;
  status: ImportStatus;
  /** Approximate while running (see scanCsvFile), exact once done; null when not yet known. */
  totalRows: number | null;
  failure: ImportFailure | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface ImportUser {
  /** Null for an operator at the command line who has no users row. */
  id: number | null;
  username: string;
  jurisdictionCode: string;
}

export interface ImportInput {
  filePath: string;
  /** As the user named it; shown in the job list and the audit log. */
  fileName: string;
  format: ImportFormat;
  user: ImportUser;
  clientIp: string | null;
}

export function zeroCounts(): ImportCounts {
  return { processedRows: 0, validRows: 0, invalidRows: 0, inserted: 0, updated: 0, unchanged: 0 };
}
