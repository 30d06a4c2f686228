import { chinaDateOf } from '@cradle/domain';
import type { Database } from '../../db/client.js';
import { flagOverdueRectifications, RECTIFICATION_OVERDUE_KIND } from '../../childcare/index.js';
import { jobsQueue } from '../repo.js';
import type { JobKind } from '../runner.js';

/**
 * Flags overdue childcare rectifications and notifies the institution and the county
 * (childcare/overdue.ts): one statement, each item flagged once, so a rerun notifies nobody twice.
 */
export function childcareOverdueKind(
  database: Database,
  now: () => Date,
  log: { error(obj: object, msg: string): void },
): JobKind {
  return {
    kind: RECTIFICATION_OVERDUE_KIND,
    queue: jobsQueue(RECTIFICATION_OVERDUE_KIND),
    concurrency: 1,
    maxAttempts: 3,
    leaseMs: 300_000,
    async run() {
      await flagOverdueRectifications(database, chinaDateOf(now()));
    },
    async onFailed(_tx, jobs, error) {
      log.error({ jobs: jobs.map((j) => j.id), error }, 'overdue-rectification check failed');
    },
  };
}
