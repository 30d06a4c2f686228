import type { Conn } from '../db/client.js';
import { startDailyJob, type JobRunner } from '../jobs/index.js';

// Overdue rectifications (issue 14: "a failed fire inspection's rectification turns overdue").
// Lists judge an item overdue as they read it (open, due before today); once a day a job flags
// each newly overdue item once and, in the same statement, writes an in-app message to the
// institution's own account and to the county's childcare office (countyAdmin) through the
// outbox. Run as the owner: it crosses every jurisdiction of the deployment.

export const RECTIFICATION_OVERDUE_KIND = 'childcare.overdueRectifications';

/** Flags open rectifications due before `today`; returns how many were newly overdue. */
export async function flagOverdueRectifications(conn: Conn, today: string): Promise<number> {
  const rows = await conn.query<{ n: number }>(
    `WITH due AS (
       UPDATE childcare_rectifications r SET overdue_at = now()
        WHERE r.state = 'open' AND r.overdue_at IS NULL AND r.due_on < $1::date
       RETURNING r.id, r.institution_id, r.region_code, r.due_on
     ), named AS (
       SELECT d.*, i.name, i.owner_user_id FROM due d JOIN childcare_institutions i ON i.id = d.institution_id
     ), recipients AS (
       SELECT n.*, n.owner_user_id AS user_id, NULL::text AS role FROM named n
       UNION ALL
       SELECT n.*, NULL::bigint, 'countyAdmin' FROM named n
     ), sent AS (
       INSERT INTO notifications (user_id, role, region_code, channel, topic, subject_kind, subject_id, body_zh, body_en, status, sent_at)
       SELECT user_id, role, region_code, 'inApp', 'childcare.rectificationOverdue', 'childcareInstitution', institution_id,
              name || ' 的整改事项已逾期（应于 ' || due_on || ' 前完成），请尽快整改并报告',
              'A rectification at ' || name || ' is overdue (due by ' || due_on || '); rectify it and report',
              'sent', now()
         FROM recipients
       RETURNING 1
     )
     SELECT (SELECT count(*)::int FROM due) AS n, (SELECT count(*) FROM sent) AS sent`,
    [today],
  );
  return Number(rows[0]?.n ?? 0);
}

/** Once a day, a job that flags the day's overdue rectifications (key `daily:<date>`). */
export function startDailyOverdueRectifications(
  database: Conn,
  jobs: Pick<JobRunner, 'kick'>,
  scopeCode: string,
  now: () => Date,
  log: { error(obj: object, msg: string): void },
  intervalMs = 86_400_000,
): () => void {
  const what = 'the overdue-rectification check';
  const job = { kind: RECTIFICATION_OVERDUE_KIND, scopeCode, payload: {}, firstAfterMs: 95_000, what, intervalMs };
  return startDailyJob(database, jobs, now, log, job);
}
