import { chinaDateOf } from '@cradle/domain';
import type { Database } from '../../db/client.js';
import { flagOverdueReports, OVERDUE_REPORTS_KIND } from '../../annual-reports/index.js';
import { jobsQueue } from '../repo.js';
import type { JobKind } from '../runner.js';

/**
 * Flags late township annual reports and notifies the townships (annual-reports/overdue.ts): one
 * statement, which flags each report once, so a rerun after a failure notifies nobody twice.
 */
export function annualReportOverdueKind(
  database: Database,
  now: () => Date,
  log: { error(obj: object, msg: string): void },
): JobKind {
  return {
    kind: OVERDUE_REPORTS_KIND,
    queue: jobsQueue(OVERDUE_REPORTS_KIND),
    concurrency: 1,
    maxAttempts: 3,
    leaseMs: 300_000,
    async run() {
      await flagOverdueReports(database, chinaDateOf(now()));
    },
    async onFailed(_tx, jobs, error) {
      log.error({ jobs: jobs.map((j) => j.id), error }, 'overdue-report check failed');
    },
  };
}
