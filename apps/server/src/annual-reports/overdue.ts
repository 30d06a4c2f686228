import type { Conn } from '../db/client.js';
import { startDailyJob, type JobRunner } from '../jobs/index.js';

// Late annual reports (issue 15: "a township's 2025 report is overdue after its deadline and the
// township gets a notice"). Lists judge a report overdue as they read it; once a day a job flags
// each newly late report once and, in the same statement, writes an in-app message to the
// township's workers (the outbox). Run as the owner: it crosses every jurisdiction.

export const OVERDUE_REPORTS_KIND = 'annualReports.overdue';

/** Flags reports due before `today` and not in (open or sent back); returns how many were newly late. */
export async function flagOverdueReports(conn: Conn, today: string): Promise<number> {
  const rows = await conn.query<{ n: number }>(
    `WITH late AS (
       UPDATE annual_reports SET overdue_at = now()
        WHERE status IN ('open', 'sentBack') AND overdue_at IS NULL AND due_date < $1::date
       RETURNING id, year, region_code, due_date
     ), sent AS (
       INSERT INTO notifications (user_id, role, region_code, channel, topic, subject_kind, subject_id, body_zh, body_en, status, sent_at)
       SELECT NULL, 'townshipWorker', region_code, 'inApp', 'annualReport.overdue', 'annualReport', id,
              year || ' 年度人口工作报告已逾期（应于 ' || due_date || ' 前报送），请尽快填写并报送',
              'The ' || year || ' population-work report is overdue (due by ' || due_date || '); write and submit it soon',
              'sent', now()
         FROM late
       RETURNING 1
     )
     SELECT (SELECT count(*)::int FROM late) AS n, (SELECT count(*) FROM sent) AS sent`,
    [today],
  );
  return Number(rows[0]?.n ?? 0);
}

/** Once a day, a job that flags the day's late reports (key `daily:<date>`: once per day). */
export function startDailyOverdueReports(
  database: Conn,
  jobs: Pick<JobRunner, 'kick'>,
  scopeCode: string,
  now: () => Date,
  log: { error(obj: object, msg: string): void },
  intervalMs = 86_400_000,
): () => void {
  const job = {
    kind: OVERDUE_REPORTS_KIND,
    scopeCode,
    payload: {},
    firstAfterMs: 95_000,
    what: 'the overdue-report check',
    intervalMs,
  };
  return startDailyJob(database, jobs, now, log, job);
}
