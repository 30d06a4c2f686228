import { unlink } from 'node:fs/promises';
import {
  failAndAudit,
  IMPORT_KIND,
  importFailure,
  runImportJob,
  type ImportDeps,
  type ImportPayload,
} from '../../registry/index.js';
import { jobsQueue, type Claimed } from '../repo.js';
import type { JobKind } from '../runner.js';

/**
 * Imports an uploaded file (registry/import). At most `concurrency` at once in a process: each
 * holds a batch of rows, its prepared statements and a worker thread's work, and 24 uploads
 * at once reached 3.7 GB; the rest wait, queued, in the console's list. One attempt: a failed
 * import is on its job for the user, who imports the file again (which completes it). An import
 * whose process died fails when its lease runs out, with its closing audit entry.
 */
export function importKind(deps: ImportDeps, concurrency = 2): JobKind {
  const payloadOf = (job: Claimed) => job.payload as ImportPayload;
  return {
    kind: IMPORT_KIND,
    queue: jobsQueue(IMPORT_KIND),
    concurrency,
    maxAttempts: 1,
    leaseMs: 300_000,
    async run([job]) {
      const { importJobId, ...input } = payloadOf(job!);
      try {
        await runImportJob(deps, importJobId, input);
      } finally {
        await unlink(input.filePath).catch(() => undefined);
      }
    },
    async onFailed(owner, jobs, error) {
      const failure = importFailure(error === 'interrupted' ? 'import.interrupted' : 'internal').failure;
      await failAndAudit(owner, failure, { ids: jobs.map((j) => payloadOf(j).importJobId) });
      for (const job of jobs) await unlink(payloadOf(job).filePath).catch(() => undefined);
    },
  };
}
