import { validatePersonRow, type PersonRow } from '@cradle/domain';
import type { Conn } from '../../db/client.js';
import type { Pii } from '../../crypto/pii.js';
import { appendAudit } from '../../audit/index.js';
import type { BlindIndexFirstRows } from './blind-index-set.js';
import type { AuditActor } from './job-audit.js';
import { errorRowsLeft, keepFirstRows, omittedMarker } from './error-cap.js';
import { insertErrors, updateProgress } from './jobs-repo.js';
import { loadPrepared, type LoadState } from './load.js';
import { emptyPrepared, filterPrepared, prepareRows, type PreparedRows } from './prepare.js';
import type { SourceRow } from './reader.js';
import { yieldToEventLoop } from './pipelined.js';
import { duplicateInFileError, type ImportRowError } from './row-errors.js';
import type { ImportCounts, PresentColumns } from './types.js';

export interface CheckContext {
  pii: Pii;
  regionExists: (code: string) => boolean;
  jurisdictionCode: string;
  today: Date;
  /** Blind indexes of the file's rows so far, across batches. */
  seen: BlindIndexFirstRows;
}

/** A batch after the CPU work: rows validated, duplicates caught, the rest encrypted and hashed. */
export interface CheckedBatch {
  processed: number;
  /** Rows with errors found without the database. */
  invalid: number;
  errors: ImportRowError[];
  prepared: PreparedRows;
}

// A slice takes a few milliseconds of CPU. Between slices the event loop runs: the batch
// loading meanwhile sends its next statement, and the server's other requests are answered.
export const SLICE_ROWS = 200;

/**
 * Validates a batch here, slice by slice, then has the valid rows encrypted and indexed on the
 * PII worker thread, then drops repeats of an ID number seen earlier in the file (by its blind
 * index, which the worker computed: a repeat is rare, so sealing it for nothing costs little).
 */
export async function checkBatch(rows: readonly SourceRow[], ctx: CheckContext): Promise<CheckedBatch> {
  const out: CheckedBatch = { processed: rows.length, invalid: 0, errors: [], prepared: emptyPrepared() };
  const valid: PersonRow[] = [];
  const rowNos: number[] = [];
  const rowCtx = { regionExists: ctx.regionExists, jurisdictionCode: ctx.jurisdictionCode, today: ctx.today };
  for (let start = 0; start < rows.length; start += SLICE_ROWS) {
    if (start > 0) await yieldToEventLoop();
    for (const { rowNo, raw } of rows.slice(start, start + SLICE_ROWS)) {
      const result = validatePersonRow(raw, rowCtx);
      if (result.ok) {
        valid.push(result.value);
        rowNos.push(rowNo);
        continue;
      }
      out.invalid++;
      for (const e of result.errors) out.errors.push({ rowNo, ...e });
    }
  }
  const sealed = await prepareRows(valid, ctx.pii, rowNos);
  const repeats = new Set<number>();
  for (let i = 0; i < valid.length; i++) {
    const firstRowNo = ctx.seen.firstRowOrAdd(sealed.blindIndexes[i]!, rowNos[i]!);
    if (firstRowNo === 0) continue;
    repeats.add(i);
    out.invalid++;
    out.errors.push(duplicateInFileError(rowNos[i]!, firstRowNo));
  }
  out.prepared = repeats.size === 0 ? sealed : filterPrepared(sealed, (i) => !repeats.has(i));
  // In row order, as the file reads (a row's own errors keep their order: the sort is stable).
  out.errors.sort((a, b) => a.rowNo - b.rowNo);
  return out;
}

/** What every batch of one job shares. */
export interface BatchJob {
  jobId: number;
  present: PresentColumns;
  /** Carried from batch to batch (see loadPrepared). */
  load: LoadState;
  /** Who the job's audit entries name. */
  actor: AuditActor;
  /** Invalid rows whose errors are stored (KEPT_ERROR_ROWS, error-cap.ts). */
  keptErrorRows: number;
}

/**
 * The database half of a batch, in the caller's one withScope transaction: load the rows,
 * record the row errors (those of the job's first keptErrorRows bad rows), the job's new counts and an audit entry, so a batch is in the
 * registry — and in the audit log — whole or not at all. Returns the counts after the batch and
 * the ids of the persons it updated (see LoadResult.updatedIds).
 */
export async function loadBatch(
  tx: Conn,
  job: BatchJob,
  batch: CheckedBatch,
  before: ImportCounts,
  totalRows: number | null,
): Promise<{ counts: ImportCounts; updatedIds: number[] }> {
  const loaded = await loadPrepared(tx, batch.prepared, job.present, job.load);
  const invalid = batch.invalid + loaded.rejected.length;
  const budget = errorRowsLeft(before.invalidRows, job.keptErrorRows);
  if (budget > 0) await insertErrors(tx, job.jobId, keepFirstRows(batch.errors.concat(loaded.rejected), budget));
  // The batch that passes the cap marks the job as omitting rows (see omittedMarker).
  if (before.invalidRows <= job.keptErrorRows && invalid > budget)
    await insertErrors(tx, job.jobId, [omittedMarker(job.keptErrorRows)]);
  const after: ImportCounts = {
    processedRows: before.processedRows + batch.processed,
    validRows: before.validRows + loaded.inserted + loaded.updated + loaded.unchanged,
    invalidRows: before.invalidRows + invalid,
    inserted: before.inserted + loaded.inserted,
    updated: before.updated + loaded.updated,
    unchanged: before.unchanged + loaded.unchanged,
  };
  await updateProgress(tx, job.jobId, totalRows, after);
  // Counts only: a batch's audit entry must not become a copy of the data it loaded.
  await appendAudit(tx, {
    ...job.actor,
    action: 'registry.importBatch',
    targetType: 'importJob',
    targetId: String(job.jobId),
    outcome: 'success',
    details: {
      rows: batch.processed,
      inserted: loaded.inserted,
      updated: loaded.updated,
      unchanged: loaded.unchanged,
      invalid,
    },
  });
  return { counts: after, updatedIds: loaded.updatedIds };
}
