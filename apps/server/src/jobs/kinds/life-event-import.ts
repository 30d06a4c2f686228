import { unlink } from 'node:fs/promises';
import {
  EVENT_IMPORT_KIND,
  formSender,
  runEventImport,
  type EventImportDeps,
  type EventImportPayload,
} from '../../events/index.js';
import { queueWarningEvaluation } from '../../monitoring/index.js';
import { failAndAudit, importFailure } from '../../registry/index.js';
import { jobsQueue, type Claimed } from '../repo.js';
import type { JobKind } from '../runner.js';

/**
 * Imports a file of life events (events/import-job.ts), one at a time per process: a file is
 * small, and each row is its own transaction. One attempt, as the persons import: a failed file
 * is on its job, and importing it again records only what is missing.
 */
export function lifeEventImportKind(deps: Omit<EventImportDeps, 'sender'>): JobKind {
  const payloadOf = (job: Claimed) => job.payload as EventImportPayload;
  return {
    kind: EVENT_IMPORT_KIND,
    queue: jobsQueue(EVENT_IMPORT_KIND),
    concurrency: 1,
    maxAttempts: 1,
    leaseMs: 300_000,
    async run([job]) {
      const p = payloadOf(job!);
      try {
        await runEventImport(
          {
            ...deps,
            sender: (x) =>
              formSender(
                { user: { ...x.user, roles: ['departmentOperator'] }, clientIp: x.clientIp ?? '' },
                'import',
                x.importJobId,
              ),
          },
          p,
        );
        // One evaluation of the early warnings for the whole file (events/record.ts queues none per row).
        await queueWarningEvaluation(deps.database, p.user.jurisdictionCode);
      } finally {
        await unlink(p.filePath).catch(() => undefined);
      }
    },
    async onFailed(owner, jobs, error) {
      const failure = importFailure(error === 'interrupted' ? 'import.interrupted' : 'internal').failure;
      await failAndAudit(owner, failure, { ids: jobs.map((j) => payloadOf(j).importJobId) });
      for (const job of jobs) await unlink(payloadOf(job).filePath).catch(() => undefined);
    },
  };
}
