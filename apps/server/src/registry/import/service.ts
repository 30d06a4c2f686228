import type { Lang } from '@cradle/domain';
import { flushCounts } from './upkeep.js';
import { unlink } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { ExportActor } from '../../exports/index.js';
import { exportImportJobs } from './jobs-export.js';
import { withScope, type Scope } from '../../db/scope.js';
import { errorReportHeader, errorReportOmitted, errorReportRows } from './error-report.js';
import { importFailure } from './failures.js';
import { failAndAudit, auditJobStart } from './job-audit.js';
import { errorsAfter, findJob, insertJob, listJobs } from './jobs-repo.js';
import { insertJob as queueJob, type JobRunner } from '../../jobs/index.js';
import type { ImportRowError } from './row-errors.js';
import { yieldToEventLoop } from './pipelined.js';
import { keptErrorRows, runImportJob, type ImportDeps, type ProgressListener } from './run-job.js';
import { IMPORT_KIND, type ImportInput, type ImportJob, type ImportPayload } from './types.js';

export interface ImportJobDetail {
  job: ImportJob;
  /** The first 1,000 row errors in sheet order; the full list is in the error report. */
  errors: ImportRowError[];
}

export interface ImportService {
  /**
   * Queues the job and returns its id at once; the job runner imports it in the background (at most
   * a few at once, jobs/kinds/import.ts) and deletes the uploaded file when done.
   */
  start(input: ImportInput): Promise<number>;
  /** Imports and waits; the file is left in place (the command line imports the user's own file). */
  run(input: ImportInput & { onProgress?: ProgressListener }): Promise<ImportJob>;
  /** Null when the job does not exist or is outside the scope. */
  get(scope: Scope, jobId: number): Promise<ImportJobDetail | null>;
  /** The latest 20 jobs in the scope, newest first. */
  list(scope: Scope): Promise<ImportJob[]>;
  /** The same list as XLSX (audited). */
  exportList(actor: ExportActor, lang: Lang): Promise<Readable>;
  /** Every stored row error as CSV (UTF-8 with BOM), or null when the job is not visible; for tests and small jobs. */
  errorsCsv(scope: Scope, jobId: number, lang: Lang): Promise<string | null>;
  /** The same report in pieces, for streaming to a file or a response (empty when the job is not visible). */
  errorsCsvChunks(scope: Scope, jobId: number, lang: Lang): AsyncGenerator<string>;
  /** The report's pieces, or null when the job is not visible: the route answers 404 before it streams. */
  errorReport(scope: Scope, jobId: number, lang: Lang): Promise<AsyncGenerator<string> | null>;
  /**
   * At start-up: marks jobs left queued or running with no job in the queue (an import run inline
   * by a process that died) as failed. Returns how many. Queued ones resume from the job queue;
   * a running one whose process died is failed when its lease runs out (jobs/kinds/import.ts).
   */
  failInterrupted(): Promise<number>;
}

/**
 * Errors per page of the report (finishing the last row's). PGlite runs each page's query on
 * this thread: 1,000 took 70–200 ms there; other requests run between pages.
 */
const REPORT_PAGE_ERRORS = 500;

/** With `jobs`, start() queues imports for the runner; without, only run() imports (the command line). */
export function createImportService(deps: ImportDeps & { jobs?: Pick<JobRunner, 'kick'> }): ImportService {
  async function queue(input: ImportInput, background: boolean): Promise<number> {
    return withScope(deps.database, { jurisdictionCode: input.user.jurisdictionCode }, async (tx) => {
      const jobId = await insertJob(tx, input.user, input.fileName, input.format);
      await auditJobStart(tx, jobId, input);
      if (background) {
        const payload: ImportPayload = { importJobId: jobId, ...input };
        await queueJob(tx, {
          kind: IMPORT_KIND,
          key: String(jobId),
          jurisdictionCode: input.user.jurisdictionCode,
          payload,
        });
      }
      return jobId;
    });
  }

  const cap = keptErrorRows(deps);
  const visible = (scope: Scope, jobId: number) => withScope(deps.database, scope, (tx) => findJob(tx, jobId));

  /**
   * Keyset pages by row number, each its own short transaction, then the count of rows not
   * stored; the report is never held whole (a million bad rows once made a 900 MB string).
   */
  async function* reportOf(scope: Scope, jobId: number, lang: Lang): AsyncGenerator<string> {
    yield errorReportHeader(lang);
    for (let after = 0; ;) {
      const page = await withScope(deps.database, scope, (tx) => errorsAfter(tx, jobId, after, REPORT_PAGE_ERRORS));
      if (page.length === 0) break;
      yield errorReportRows(page, lang);
      after = page[page.length - 1]!.rowNo;
      await yieldToEventLoop();
    }
    // Read after the pages: a running job's count then covers at least the rows listed.
    const job = await withScope(deps.database, scope, (tx) => findJob(tx, jobId, cap));
    if (job && job.errorsOmitted > 0) yield errorReportOmitted(job.errorsOmitted, cap, lang);
  }

  async function* errorsCsvChunks(scope: Scope, jobId: number, lang: Lang): AsyncGenerator<string> {
    if (await visible(scope, jobId)) yield* reportOf(scope, jobId, lang);
  }

  return {
    async start(input) {
      if (!deps.jobs) throw new Error('imports run in the background only with a job runner');
      const jobId = await queue(input, true).catch(async (err: unknown) => {
        await unlink(input.filePath).catch(() => undefined);
        throw err;
      });
      deps.jobs.kick(IMPORT_KIND);
      return jobId;
    },

    async run({ onProgress, ...input }) {
      return runImportJob(deps, await queue(input, false), input, onProgress);
    },

    async get(scope, jobId) {
      return withScope(deps.database, scope, async (tx) => {
        const job = await findJob(tx, jobId, cap);
        if (!job) return null;
        return { job, errors: (await errorsAfter(tx, jobId, 0, 1000)).slice(0, 1000) };
      });
    },

    list: (scope) => withScope(deps.database, scope, (tx) => listJobs(tx, 20, cap)),

    exportList: async (actor, lang) =>
      exportImportJobs(
        deps.database,
        actor,
        await withScope(deps.database, actor.user, (tx) => listJobs(tx, 20, cap)),
        lang,
      ),

    async errorsCsv(scope, jobId, lang) {
      let out: string | null = null;
      for await (const chunk of errorsCsvChunks(scope, jobId, lang)) out = (out ?? '') + chunk;
      return out;
    },

    errorsCsvChunks,

    errorReport: async (scope, jobId, lang) => ((await visible(scope, jobId)) ? reportOf(scope, jobId, lang) : null),

    failInterrupted: async () => {
      const failed = await deps.database.transaction((owner) =>
        failAndAudit(owner, importFailure('import.interrupted').failure, { orphansOf: IMPORT_KIND }),
      );
      // What an interrupted import committed but had not yet counted (upkeep.ts deferCounts).
      await flushCounts(deps.database);
      return failed;
    },
  };
}
