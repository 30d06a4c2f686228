import type { ImportFailure } from './failures.js';

export type ImportFormat = 'csv' | 'xlsx';

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
  /** Invalid rows whose errors were not stored: beyond the job's first KEPT_ERROR_ROWS (error-cap.ts). */
  errorsOmitted: number;
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

/** The columns a file may leave out. Required ones are in every file that gets past the header. */
export type OptionalColumn = 'ethnicity' | 'householdNo' | 'relationToHead' | 'phone';

/**
 * Which optional columns a file's header has. A column the file lacks keeps each matched
 * person's stored value; a column it has replaces it, a blank cell clearing it.
 */
export type PresentColumns = Readonly<Record<OptionalColumn, boolean>>;

export const ALL_COLUMNS_PRESENT: PresentColumns = {
  ethnicity: true,
  householdNo: true,
  relationToHead: true,
  phone: true,
};

export function presentColumns(fields: readonly (string | null)[]): PresentColumns {
  const has = (f: OptionalColumn) => fields.includes(f);
  return {
    ethnicity: has('ethnicity'),
    householdNo: has('householdNo'),
    relationToHead: has('relationToHead'),
    phone: has('phone'),
  };
}

/** The job that imports an upload (jobs/kinds/import.ts). */
export const IMPORT_KIND = 'registry.import';

/** What the queue holds for an upload: the import_jobs row and the file waiting in the upload folder. */
export type ImportPayload = ImportInput & { importJobId: number };
