import type { Conn } from '../db/client.js';
import { insertJob, startDailyJob, type JobRunner } from '../jobs/index.js';

// Asking for an evaluation of the early-warning rules (issue 13: "a change shows within a
// minute"): whatever changes a figure — a reported value, a life event, an import — queues one
// in its own transaction, and kicks the runner after the commit. Each change is its own job row
// (no key), so a change committed while an evaluation runs is never folded into it and lost; the
// kind claims up to 100 at once after WARNINGS_KICK_DELAY_MS, so a burst of changes is evaluated
// once per county (the debounce). A daily job (key `daily:<date>`) evaluates every county.

export const WARNINGS_KIND = 'monitoring.warnings';

/** Changes within this many milliseconds share one evaluation: well inside the minute issue 13 allows. */
export const WARNINGS_KICK_DELAY_MS = 5_000;

export interface WarningsPayload {
  /** The region whose figures changed; its county is evaluated. `all`: every county under it. */
  regionCode: string;
  all?: true;
}

/**
 * Queues an evaluation for the county of `regionCode`, in the caller's transaction. The job is
 * filed under the region itself, not its county: a township's scoped transaction may write jobs
 * of its own subtree only (row-level security), and the kind reads the county from the payload.
 */
export async function queueWarningEvaluation(tx: Conn, regionCode: string): Promise<void> {
  const payload: WarningsPayload = { regionCode };
  await insertJob(tx, { kind: WARNINGS_KIND, jurisdictionCode: regionCode, payload });
}

/** After the commit: claim the queued evaluations soon. */
export function kickWarnings(jobs: Pick<JobRunner, 'kick'>): void {
  jobs.kick(WARNINGS_KIND);
}

/**
 * Once a day (issue 13: "and once a day"), an evaluation of every county under the deployment's
 * scope, so rules that move with the calendar (a year without a report, a new month) are judged
 * without a change to prompt them. Returns the stop function.
 */
export function startDailyWarnings(
  database: Conn,
  jobs: Pick<JobRunner, 'kick'>,
  scopeCode: string,
  now: () => Date,
  log: { error(obj: object, msg: string): void },
  intervalMs = 86_400_000,
): () => void {
  const job = {
    kind: WARNINGS_KIND,
    scopeCode,
    payload: { regionCode: scopeCode, all: true } satisfies WarningsPayload,
    firstAfterMs: 60_000,
    what: 'the daily warnings',
    intervalMs,
  };
  return startDailyJob(database, jobs, now, log, job);
}
