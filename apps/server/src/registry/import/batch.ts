import { validatePersonRow, type PersonRow } from '@cradle/domain';
import type { Conn } from '../../db/client.js';
import type { Pii } from '../../crypto/pii.js';
import { appendAudit } from '../../audit/service.js';
import type { BlindIndexFirstRows } from './blind-index-set.js';
import type { AuditActor } from './job-audit.js';
import { insertErrors, updateProgress } from './jobs-repo.js';
import { loadPrepared, type LoadState } from './load.js';
import { appendPrepared, emptyPrepared, prepareRows, type PreparedRows } from './prepare.js';
import type { SourceRow } from './reader.js';
import { yieldToEventLoop } from './pipelined.js';
import { duplicateInFileError, type ImportRowError } from './row-errors.js';
import type { ImportCounts, PresentColumns } from './types.js';

export interface CheckContext {
  pii: Pii;
  regionExists(code: string): boolean;
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

export async function checkBatch(rows: readonly SourceRow[], ctx: CheckContext): Promise<CheckedBatch> {
  const out: CheckedBatch = { processed: rows.length, invalid: 0, errors: [], prepared: emptyPrepared() };
  for (let start = 0; start < rows.length; start += SLICE_ROWS) {
    if (start > 0) await yieldToEventLoop();
    checkSlice(rows.slice(start, start + SLICE_ROWS), ctx, out);
  }
  return out;
}

function checkSlice(rows: readonly SourceRow[], ctx: CheckContext, out: CheckedBatch): void {
  const valid: PersonRow[] = [];
  const rowNos: number[] = [];
  const blindIndexes: Buffer[] = [];
  const rowCtx = { regionExists: ctx.regionExists, jurisdictionCode: ctx.jurisdictionCode, today: ctx.today };
  for (const { rowNo, raw } of rows) {
    const result = validatePersonRow(raw, rowCtx);
    if (!result.ok) {
      out.invalid++;
      for (const e of result.errors) out.errors.push({ rowNo, ...e });
      continue;
    }
    const blind = ctx.pii.idBlindIndex(result.value.idNumber);
    const firstRowNo = ctx.seen.firstRowOrAdd(blind, rowNo);
    if (firstRowNo !== 0) {
      out.invalid++;
      out.errors.push(duplicateInFileError(rowNo, firstRowNo));
      continue;
    }
    valid.push(result.value);
    rowNos.push(rowNo);
    blindIndexes.push(blind);
  }
  appendPrepared(out.prepared, prepareRows(valid, ctx.pii, { rowNos, blindIndexes }));
}

/** What every batch of one job shares. */
export interface BatchJob {
  jobId: number;
  present: PresentColumns;
  /** Carried from batch to batch (see loadPrepared). */
  load: LoadState;
  /** Who the job's audit entries name. */
  actor: AuditActor;
}

/**
 * The database half of a batch, in the caller's one withScope transaction: load the rows,
 * record every row error, the job's new counts and an audit entry, so a batch is in the
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
  await insertErrors(tx, job.jobId, batch.errors.concat(loaded.rejected));
  const invalid = batch.invalid + loaded.rejected.length;
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
    details: { rows: batch.processed, inserted: loaded.inserted, updated: loaded.updated, unchanged: loaded.unchanged, invalid },
  });
  return { counts: after, updatedIds: loaded.updatedIds };
}
