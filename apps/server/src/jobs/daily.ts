import { chinaDateOf } from '@cradle/domain';
import type { Conn } from '../db/client.js';
import { insertJob } from './repo.js';
import type { JobRunner } from './runner.js';

/** A job queued once a day for the whole deployment (the overdue checks, the daily warnings). */
export interface DailyJob {
  kind: string;
  /** The deployment's scope: the job crosses every jurisdiction under it. */
  scopeCode: string;
  payload: unknown;
  /** The first run after start-up; the kinds differ so they do not all start in the same minute. */
  firstAfterMs: number;
  /** What the log says could not be queued ("the overdue-visit check"). */
  what: string;
  intervalMs?: number;
}

/**
 * Queues `job` once a day under the key `daily:<China date>` (a tick while that day's job is still
 * queued or running adds none: jobs' unique key), then kicks the runner. Returns the stop function.
 */
export function startDailyJob(
  database: Conn,
  jobs: Pick<JobRunner, 'kick'>,
  now: () => Date,
  log: { error(obj: object, msg: string): void },
  job: DailyJob,
): () => void {
  const tick = () => {
    const key = `daily:${chinaDateOf(now())}`;
    insertJob(database, { kind: job.kind, key, jurisdictionCode: job.scopeCode, payload: job.payload })
      .then(() => jobs.kick(job.kind))
      .catch((error: unknown) => log.error({ error }, `could not queue ${job.what}`));
  };
  const first = setTimeout(tick, job.firstAfterMs);
  const timer = setInterval(tick, job.intervalMs ?? 86_400_000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
