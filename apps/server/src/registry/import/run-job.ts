import type { Database } from '../../db/client.js';
import { withScope } from '../../db/scope.js';
import type { Pii } from '../../crypto/pii.js';
import { checkBatch, loadBatch, type BatchJob, type CheckedBatch } from './batch.js';
import { KEPT_ERROR_ROWS } from './error-cap.js';
import { newLoadState } from './load.js';
import { BlindIndexFirstRows } from './blind-index-set.js';
import { ImportFailureError, importFailure, type ImportFailure } from './failures.js';
import { actorOf, auditJobEnd } from './job-audit.js';
import { findJob, finishJob, insertErrors, markRunning, updateProgress } from './jobs-repo.js';
import { inBatches, pipelined } from './pipelined.js';
import { openImportFile } from './reader.js';
import { zeroCounts, type ImportInput, type ImportJob } from './types.js';
import { analyzeAfterImport, deferCounts, flushCounts, refreshQuality, withScopeRetryingRace } from './upkeep.js';
import { DEFAULT_FILE_LIMITS, type FileLimits } from '../../spreadsheet/index.js';

/**
 * Rows per batch (one transaction each). Larger batches cut the per-batch statements
 * (measured on PostgreSQL, 200k rows: 5,000 → 6.6× COPY, 20,000 → 5.0×); PGlite runs one
 * transaction at a time, so there smaller batches keep the console responsive during an import.
 */
export function defaultBatchRows(database: Database): number {
  return database.kind === 'postgres' ? 20_000 : 5_000;
}

export interface ImportDeps {
  database: Database;
  pii: Pii;
  regionExists: (code: string) => boolean;
  logger?: Pick<Console, 'error'>;
  /** Rows read per batch (one transaction each); defaultBatchRows() unless a test needs small batches. */
  batchRows?: number;
  /** What one file may make the process hold; DEFAULT_FILE_LIMITS unless a test needs small ones. */
  fileLimits?: Partial<FileLimits>;
  /** Invalid rows whose errors a job stores; KEPT_ERROR_ROWS unless a test needs a small cap. */
  keptErrorRows?: number;
}

export type ProgressListener = (job: ImportJob) => void;

/**
 * Runs one queued job to its end and returns it as stored. Never throws for a bad file: the
 * failure goes on the job. Batches commit one by one, so a job that fails midway keeps the
 * batches before; importing the same file again completes it, as the upsert makes that a no-op
 * for rows already in.
 */
export async function runImportJob(
  deps: ImportDeps,
  jobId: number,
  input: ImportInput,
  onProgress?: ProgressListener,
): Promise<ImportJob> {
  const scope = { jurisdictionCode: input.user.jurisdictionCode };
  const log = deps.logger ?? console;
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
    const source = await openImportFile(input.filePath, input.format, { ...DEFAULT_FILE_LIMITS, ...deps.fileLimits });
    totalRows = source.totalRows;
    await withScope(deps.database, scope, async (tx) => {
      await insertErrors(tx, jobId, source.warnings);
      await updateProgress(tx, jobId, totalRows, counts);
    });
    report();
    const ctx = {
      pii: deps.pii,
      regionExists: deps.regionExists,
      jurisdictionCode: scope.jurisdictionCode,
      today: new Date(),
      seen: new BlindIndexFirstRows(),
    };
    const job: BatchJob = {
      jobId,
      present: source.present,
      actor: actorOf(input),
      load: newLoadState(),
      keptErrorRows: keptErrorRows(deps),
    };
    const load = async (batch: CheckedBatch) => {
      const expected = totalRows === null ? null : Math.max(totalRows, counts.processedRows + batch.processed);
      const loaded = await withScopeRetryingRace(deps.database, scope, async (tx) => {
        await deferCounts(tx);
        return loadBatch(tx, job, batch, counts, expected);
      });
      counts = loaded.counts;
      totalRows = expected;
      await refreshQuality(deps.database, loaded.updatedIds);
      report();
    };
    await pipelined(
      inBatches(source.rows, deps.batchRows ?? defaultBatchRows(deps.database)),
      (rows) => checkBatch(rows, ctx),
      load,
    );
  } catch (e) {
    failure = failureOf(e, log, jobId);
  }
  const job = await withScope(deps.database, scope, async (tx) => {
    const done = await finishJob(
      tx,
      jobId,
      failure ? 'failed' : 'done',
      failure ? totalRows : counts.processedRows,
      counts,
      failure,
      keptErrorRows(deps),
    );
    await auditJobEnd(tx, done, actorOf(input));
    return done;
  });
  // After the job is stored as ended: statistics are upkeep, their failure is no failure of the import.
  await analyzeAfterImport(deps.database, counts.inserted + counts.updated).catch((err: unknown) =>
    log.error({ err, jobId }, 'ANALYZE after import failed'),
  );
  onProgress?.(job);
  // The monitoring counts of what the batches committed, failed job or not (upkeep.ts deferCounts),
  // after the user sees the import ended, which no longer waits for them; the scorecard shows them
  // when this ends (how long, for 100,000 persons: docs/architecture.md, "Monitoring"). A stop
  // before it: the next start-up counts them (service.ts failInterrupted).
  await flushCounts(deps.database).catch((err: unknown) =>
    log.error({ err, jobId }, 'counts flush after import failed'),
  );
  return job;
}

export const keptErrorRows = (deps: Pick<ImportDeps, 'keptErrorRows'>) => deps.keptErrorRows ?? KEPT_ERROR_ROWS;

function failureOf(e: unknown, log: Pick<Console, 'error'>, jobId: number): ImportFailure {
  if (e instanceof ImportFailureError) {
    // The user sees the failure; the parser's own words are for whoever reads the log.
    if (e.cause !== undefined)
      log.error({ err: e.cause, jobId, code: e.failure.code }, 'import file could not be read');
    return e.failure;
  }
  log.error({ err: e, jobId }, 'import job failed');
  return importFailure('internal').failure;
}
