import { AREA_OWNERS } from '@cradle/domain';
import type { Conn } from '../db/client.js';
import { startDailyJob, type JobRunner } from '../jobs/index.js';

// Overdue rectifications (issue 14: "a failed fire inspection's rectification turns overdue").
// Lists judge an item overdue as they read it (open, due before today); once a day a job flags
// each newly overdue item once and, in the same statement, writes an in-app message to the
// institution's own account, to the county's childcare office (countyAdmin), and to the queue of
// each department that owns the item's area (area-owners.ts: a fire item to fire and rescue)
// through the outbox. Run as the owner: it crosses every jurisdiction of the deployment.

export const RECTIFICATION_OVERDUE_KIND = 'childcare.overdueRectifications';

/** Flags open rectifications due before `today`; returns how many were newly overdue. */
export async function flagOverdueRectifications(conn: Conn, today: string): Promise<number> {
  const rows = await conn.query<{ n: number }>(
    `WITH due AS (
       UPDATE childcare_rectifications r SET overdue_at = now()
        WHERE r.state = 'open' AND r.overdue_at IS NULL AND r.due_on < $1::date
       RETURNING r.id, r.inspection_id, r.institution_id, r.region_code, r.due_on
     ), named AS (
       SELECT d.id, d.institution_id, d.region_code, d.due_on, i.name, i.owner_user_id, n.area
         FROM due d JOIN childcare_institutions i ON i.id = d.institution_id
         JOIN childcare_inspections n ON n.id = d.inspection_id
     ), owners AS (
       SELECT o.area, o.department FROM jsonb_to_recordset($2::jsonb) AS o(area text, department text)
     ), recipients AS (
       SELECT n.*, n.owner_user_id AS user_id, NULL::text AS role, NULL::text AS department FROM named n
       UNION ALL
       SELECT n.*, NULL::bigint, 'countyAdmin', NULL FROM named n
       UNION ALL
       SELECT n.*, NULL::bigint, NULL, o.department FROM named n JOIN owners o ON o.area = n.area
     ), sent AS (
       INSERT INTO notifications (user_id, role, department, region_code, channel, topic, subject_kind, subject_id, body_zh, body_en, status, sent_at)
       SELECT user_id, role, department, region_code, 'inApp', 'childcare.rectificationOverdue', 'childcareInstitution', institution_id,
              name || ' 的整改事项已逾期（应于 ' || due_on || ' 前完成），请尽快整改并报告',
              'A rectification at ' || name || ' is overdue (due by ' || due_on || '); rectify it and report',
              'sent', now()
         FROM recipients
       RETURNING 1
     )
     SELECT (SELECT count(*)::int FROM due) AS n, (SELECT count(*) FROM sent) AS sent`,
    [
      today,
      JSON.stringify(AREA_OWNERS.flatMap((o) => o.departments.map((department) => ({ area: o.area, department })))),
    ],
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
