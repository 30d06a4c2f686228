import { chinaDateOf } from '@cradle/domain';
import type { Database } from '../../db/client.js';
import { flagOverdueVisits, OVERDUE_KIND } from '../../special-families/index.js';
import { jobsQueue } from '../repo.js';
import type { JobKind, JobRunner } from '../runner.js';
import { SMS_KIND } from '../../notifications/index.js';

/**
 * Flags overdue special-family visits and notifies their contacts (special-families/overdue.ts):
 * one statement, which flags each visit once, so a rerun after a failure notifies nobody twice.
 */
export function specialFamilyOverdueKind(
  database: Database,
  now: () => Date,
  log: { error(obj: object, msg: string): void },
  /** To send the text messages the check wrote to contacts without an account, at once. */
  jobs?: Pick<JobRunner, 'kick'>,
): JobKind {
  return {
    kind: OVERDUE_KIND,
    queue: jobsQueue(OVERDUE_KIND),
    concurrency: 1,
    maxAttempts: 3,
    leaseMs: 300_000,
    async run() {
      await flagOverdueVisits(database, chinaDateOf(now()));
      jobs?.kick(SMS_KIND);
    },
    async onFailed(_tx, jobs, error) {
      log.error({ jobs: jobs.map((j) => j.id), error }, 'overdue-visit check failed');
    },
  };
}
