import { chinaDateOf } from '@cradle/domain';
import type { Database } from '../../db/client.js';
import {
  countiesUnder,
  evaluateCounty,
  WARNINGS_KICK_DELAY_MS,
  WARNINGS_KIND,
  type WarningsPayload,
} from '../../monitoring/index.js';
import { jobsQueue } from '../repo.js';
import type { JobKind } from '../runner.js';

/**
 * Evaluates the early-warning rules (monitoring/warnings-service.ts) for the counties whose
 * figures changed. Up to 100 queued changes are claimed together after a 5-second delay, so a
 * burst (an import's events, a form's two figures) costs one evaluation per county; each county
 * in its own transaction, which raises a warning once and notifies in the same commit, so a rerun
 * after a failure or a takeover raises nothing twice.
 */
export function monitoringWarningsKind(
  database: Database,
  now: () => Date,
  log: { error(obj: object, msg: string): void },
): JobKind {
  return {
    kind: WARNINGS_KIND,
    queue: jobsQueue(WARNINGS_KIND),
    concurrency: 1,
    batch: 100,
    kickDelayMs: WARNINGS_KICK_DELAY_MS,
    maxAttempts: 3,
    leaseMs: 300_000,
    async run(jobs) {
      const counties = new Set<string>();
      for (const job of jobs) {
        const p = job.payload as WarningsPayload;
        for (const c of p.all ? await countiesUnder(database, p.regionCode) : [p.regionCode.slice(0, 6)])
          counties.add(c);
      }
      const today = chinaDateOf(now());
      for (const county of counties) await evaluateCounty(database, county, today);
    },
    async onFailed(_tx, jobs, error) {
      log.error({ jobs: jobs.map((j) => j.id), error }, 'warning evaluation failed');
    },
  };
}
