import type { Lang } from '@cradle/domain';
import { unlink } from 'node:fs/promises';
import { withScope, type Scope } from '../../db/scope.js';
import { errorReportHeader, errorReportRows } from './error-report.js';
import { importFailure } from './failures.js';
import { auditJobEnd, auditJobStart } from './job-audit.js';
import { errorsAfter, failUnfinishedJobs, findJob, insertJob, listJobs } from './jobs-repo.js';
import type { ImportRowError } from './row-errors.js';
import { runImportJob, type ImportDeps, type ProgressListener } from './run-job.js';
import type { ImportInput, ImportJob } from './types.js';

export interface ImportJobDetail {
  job: ImportJob;
  /** The first 1,000 row errors in sheet order; the full list is in the error report. */
  errors: ImportRowError[];
}

export interface ImportService {
  /** Queues the job and returns its id at once; the import runs in the background and deletes the uploaded file when done. */
  start(input: ImportInput): Promise<number>;
  /** Imports and waits; the file is left in place (the command line imports the user's own file). */
  run(input: ImportInput & { onProgress?: ProgressListener }): Promise<ImportJob>;
  /** Null when the job does not exist or is outside the scope. */
  get(scope: Scope, jobId: number): Promise<ImportJobDetail | null>;
  /** The latest 20 jobs in the scope, newest first. */
  list(scope: Scope): Promise<ImportJob[]>;
  /** Every row error as CSV (UTF-8 with BOM), or null when the job is not visible. */
  errorsCsv(scope: Scope, jobId: number, lang: Lang): Promise<string | null>;
  /** The same report in pieces, for streaming a large one to a file or a response. */
  errorsCsvChunks(scope: Scope, jobId: number, lang: Lang): AsyncGenerator<string>;
  /** Resolves when no background job is running (for shutdown and tests). */
  idle(): Promise<void>;
  /** At start-up: marks jobs a previous process left queued or running as failed. Returns how many. */
  failInterrupted(): Promise<number>;
}

const ERROR_PAGE_ROWS = 10_000;

export function createImportService(deps: ImportDeps): ImportService {
  const running = new Set<Promise<unknown>>();
  const log = deps.logger ?? console;

  async function queue(input: ImportInput): Promise<number> {
    return withScope(deps.database, { jurisdictionCode: input.user.jurisdictionCode }, async (tx) => {
      const jobId = await insertJob(tx, input.user, input.fileName, input.format);
      await auditJobStart(tx, jobId, input);
      return jobId;
    });
  }

  async function* errorsCsvChunks(scope: Scope, jobId: number, lang: Lang): AsyncGenerator<string> {
    const job = await withScope(deps.database, scope, (tx) => findJob(tx, jobId));
    if (!job) return;
    yield errorReportHeader(lang);
    for (let after = 0; ;) {
      const page = await withScope(deps.database, scope, (tx) => errorsAfter(tx, jobId, after, ERROR_PAGE_ROWS));
      if (page.length === 0) return;
      yield errorReportRows(page, lang);
      after = page[page.length - 1]!.rowNo;
    }
  }

  return {
    async start(input) {
      const jobId = await queue(input).catch(async (err: unknown) => {
        await unlink(input.filePath).catch(() => undefined);
        throw err;
      });
      const task = runImportJob(deps, jobId, input)
        .catch((err: unknown) => log.error({ err, jobId }, 'import job could not be finished'))
        .finally(() => unlink(input.filePath).catch(() => undefined));
      running.add(task);
      void task.finally(() => running.delete(task));
      return jobId;
    },

    async run({ onProgress, ...input }) {
      return runImportJob(deps, await queue(input), input, onProgress);
    },

    async get(scope, jobId) {
      return withScope(deps.database, scope, async (tx) => {
        const job = await findJob(tx, jobId);
        if (!job) return null;
        return { job, errors: (await errorsAfter(tx, jobId, 0, 1000)).slice(0, 1000) };
      });
    },

    list: (scope) => withScope(deps.database, scope, (tx) => listJobs(tx, 20)),

    async errorsCsv(scope, jobId, lang) {
      let out: string | null = null;
      for await (const chunk of errorsCsvChunks(scope, jobId, lang)) out = (out ?? '') + chunk;
      return out;
    },

    errorsCsvChunks,

    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },

    async failInterrupted() {
      // As the owner across all jurisdictions; each job still gets the closing entry its run never wrote.
      return deps.database.transaction(async (tx) => {
        const jobs = await failUnfinishedJobs(tx, importFailure('import.interrupted').failure);
        for (const job of jobs) {
          await auditJobEnd(tx, job, {
            userId: job.userId,
            username: job.username,
            jurisdictionCode: job.jurisdictionCode,
            clientIp: null,
          });
        }
        return jobs.length;
      });
    },
  };
}
