import type { Message } from '@cradle/domain';
import type { ImportRowError } from './row-errors.js';

/**
 * Invalid rows whose errors a job keeps: the first 10,000, every error of each; the rest are
 * only counted (invalid_rows stays exact). Ten thousand rows is more than anyone corrects by
 * hand from one report, and at most ~90,000 stored errors (nine checks can fail a row): a file
 * of a million bad rows once stored 9 million and froze the server building their report.
 * Counted per row, not per error, so a row is reported whole or not at all.
 */
export const KEPT_ERROR_ROWS = 10_000;

/**
 * The errors of the first `budget` invalid rows among `errors` (warnings about the file, on the
 * header row, always kept), in row order; `budget` is what the job's earlier batches left.
 */
export function keepFirstRows(errors: readonly ImportRowError[], budget: number): ImportRowError[] {
  const sorted = [...errors].sort((a, b) => a.rowNo - b.rowNo);
  const kept: ImportRowError[] = [];
  let rows = 0;
  let lastRow = -1;
  for (const e of sorted) {
    if (e.field !== 'file' && e.rowNo !== lastRow) {
      if (rows >= budget) break;
      rows++;
      lastRow = e.rowNo;
    }
    kept.push(e);
  }
  return kept;
}

/**
 * Row 0, before any sheet row, holds one marker once a job has more bad rows than it keeps: the
 * job's count of omitted rows needs it (jobs-repo.ts), and the error list, which starts after
 * row 0, never shows it. Stored as an error so that no migration was needed.
 */
export const OMITTED_MARKER_ROW = 0;

export function omittedMarker(cap: number): ImportRowError {
  return { rowNo: OMITTED_MARKER_ROW, field: 'file', code: 'errors.omitted', message: omittedErrorsMessage(0, cap) };
}

/** How many more invalid rows a job may store, given its invalid rows so far (all stored up to the cap). */
export function errorRowsLeft(invalidRowsBefore: number, cap: number): number {
  return Math.max(0, cap - invalidRowsBefore);
}

export function omittedErrorsMessage(rows: number, cap: number): Message {
  return {
    zh: `另有 ${rows} 行错误未列出：每个导入任务只保留前 ${cap} 行错误；请先改正以上各行，再重新导入`,
    en: `${rows} more rows with errors not listed: an import keeps the errors of its first ${cap} bad rows; correct the rows above and import again`,
  };
}
