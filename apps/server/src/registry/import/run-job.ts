import type { Database } from '../../db/client.js';
import { withScope } from '../../db/scope.js';
import type { Pii } from '../../crypto/pii.js';
import { appendAudit } from '../../audit/service.js';
import { checkBatch, loadBatch, type CheckedBatch } from './batch.js';
import { BlindIndexFirstRows } from './blind-index-set.js';
import { ImportFailureError, importFailure, type ImportFailure } from './failures.js';
import { findJob, finishJob, markRunning, updateProgress } from './jobs-repo.js';
import { inBatches, pipelined } from './pipelined.js';
import { openImportFile } from './reader.js';
import { zeroCounts, type ImportInput, type ImportJob } from './types.js';

export interface ImportDeps {
  database: Database;
  pii: Pii;
  regionExists(code: string): boolean;
  logger?: Pick<Console, 'error'>;
  /** Rows read per batch (one transaction each); 5,000 unless a test needs small batches. */
  batchRows?: number;
}

export type ProgressListener = (job: ImportJob) => void;

/**
 * Runs one queued job to its end and returns it as stored. Never throws for a bad file: the
 * failure goes on the job. Batches commit one by one, so a job that fails midway keeps the
 * batches before; importing the same file again completes it, as the upsert makes that a no-op
 * for rows already in.
 */
export async function runImportJob(deps: ImportDeps, jobId: number, input: ImportInput, onProgress?: ProgressListener): Promise<ImportJob> {
  const scope = { jurisdictionCode: input.user.jurisdictionCode };
  let counts = zeroCounts();
  let totalRows: number | null = null;
  let failure: ImportFailure | null = null;
  try {
    const queued = await withScope(deps.database, scope, async (tx) => {
      await markRunning(tx, jobId);
      return findJob(tx, jobId);
    });
    if (!queued) throw new Error(`import job ${jobId} is not visible in jurisdiction ${scope.jurisdictionCode}`);
    const report = () => onProgress?.({ ...queued, status: 'running', totalRows, ...counts });
    const source = await openImportFile(input.filePath, input.format);
    totalRows = source.totalRows;
    await withScope(deps.database, scope, (tx) => updateProgress(tx, jobId, totalRows, counts));
    report();
    const ctx = {
      pii: deps.pii,
      regionExists: deps.regionExists,
      jurisdictionCode: scope.jurisdictionCode,
      today: new Date(),
      seen: new BlindIndexFirstRows(),
    };
    const load = async (batch: CheckedBatch) => {
      const expected = totalRows === null ? null : Math.max(totalRows, counts.processedRows + batch.processed);
      counts = await withScope(deps.database, scope, (tx) => loadBatch(tx, jobId, batch, counts, expected));
      totalRows = expected;
      report();
    };
    await pipelined(inBatches(source.rows, deps.batchRows ?? 5000), (rows) => checkBatch(rows, ctx), load);
  } catch (e) {
    failure = failureOf(e, deps, jobId);
  }
  const job = await withScope(deps.database, scope, async (tx) => {
    const done = await finishJob(tx, jobId, failure ? 'failed' : 'done', failure ? totalRows : counts.processedRows, counts, failure);
    await appendAudit(tx, {
      userId: input.user.id,
      username: input.user.username,
      jurisdictionCode: scope.jurisdictionCode,
      action: 'registry.import',
      targetType: 'importJob',
      targetId: String(jobId),
      outcome: failure ? 'failure' : 'success',
      clientIp: input.clientIp,
      details: { fileName: input.fileName, format: input.format, totalRows: done.totalRows, ...counts, failureCode: failure?.code ?? null },
    });
    return done;
  });
  onProgress?.(job);
  return job;
}

function failureOf(e: unknown, deps: ImportDeps, jobId: number): ImportFailure {
  if (e instanceof ImportFailureError) return e.failure;
  (deps.logger ?? console).error({ err: e, jobId }, 'import job failed');
  return importFailure('internal').failure;
}
