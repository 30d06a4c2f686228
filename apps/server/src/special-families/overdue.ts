import type { Conn } from '../db/client.js';
import { startDailyJob, type JobRunner } from '../jobs/index.js';

// Overdue visits (issue 16: "a visit goes overdue and its contact is notified"). Lists and the
// detail judge a visit overdue as they read it (due before today, not recorded); once a day a job
// flags each newly overdue visit once and, in the same statement, writes an in-app message to each
// of the file's contacts who has an account and to its township's workers, and a text message to
// each contact without one who has a phone on file (the outbox; SMS through SmsSender). Run as the
// owner: it crosses every jurisdiction of the deployment. The message names the file, no person.

export const OVERDUE_KIND = 'specialFamilies.overdueVisits';

/** Flags planned visits due before `today` on confirmed files; returns how many were newly overdue. */
export async function flagOverdueVisits(conn: Conn, today: string): Promise<number> {
  const rows = await conn.query<{ n: number }>(
    `WITH due AS (
       UPDATE special_family_visits v SET overdue_at = now()
         FROM special_family_files f
        WHERE f.id = v.file_id AND f.status = 'confirmed' AND v.visit_date IS NULL AND v.overdue_at IS NULL
          AND v.due_date < $1::date
       RETURNING v.file_id, v.region_code, v.due_date
     ), recipients AS (
       SELECT d.*, c.user_id, NULL::text AS role FROM due d
         JOIN special_family_contacts c ON c.file_id = d.file_id AND c.user_id IS NOT NULL AND c.ended_at IS NULL
       UNION ALL
       SELECT d.*, NULL::bigint, 'townshipWorker' FROM due d
     ), sent AS (
       INSERT INTO notifications (user_id, role, region_code, channel, topic, subject_kind, subject_id, body_zh, body_en, status, sent_at)
       SELECT user_id, role, region_code, 'inApp', 'specialFamily.visitOverdue', 'specialFamilyFile', file_id,
              '特殊家庭档案 ' || file_id || ' 的走访已逾期（应于 ' || due_date || ' 前走访），请尽快走访并登记',
              'The visit to special-family file ' || file_id || ' is overdue (due by ' || due_date || '); visit and record it soon',
              'sent', now()
         FROM recipients
       RETURNING 1
     ), texted AS (
       -- A contact without an account (a family doctor) gets a text message at the phone on file:
       -- the outbox's SMS job reads the phone from the contact (jobs/repo.ts smsOutboxQueue).
       INSERT INTO notifications (region_code, channel, topic, subject_kind, subject_id, body_zh, body_en, status)
       SELECT d.region_code, 'sms', 'specialFamily.visitOverdue', 'specialFamilyContact', c.id,
              '【Cradle】特殊家庭档案 ' || d.file_id || ' 的走访已逾期（应于 ' || d.due_date || ' 前走访），请尽快走访。',
              'Cradle: the visit to special-family file ' || d.file_id || ' is overdue (due by ' || d.due_date || ').',
              'pending'
         FROM due d JOIN special_family_contacts c ON c.file_id = d.file_id
        WHERE c.user_id IS NULL AND c.phone_cipher IS NOT NULL AND c.ended_at IS NULL
       RETURNING 1
     )
     SELECT (SELECT count(*)::int FROM due) AS n, (SELECT count(*) FROM sent) AS sent, (SELECT count(*) FROM texted) AS texted`,
    [today],
  );
  return Number(rows[0]?.n ?? 0);
}

/** Once a day, a job that flags the day's overdue visits (key `daily:<date>`: once per day). */
export function startDailyOverdueVisits(
  database: Conn,
  jobs: Pick<JobRunner, 'kick'>,
  scopeCode: string,
  now: () => Date,
  log: { error(obj: object, msg: string): void },
  intervalMs = 86_400_000,
): () => void {
  const job = {
    kind: OVERDUE_KIND,
    scopeCode,
    payload: {},
    firstAfterMs: 90_000,
    what: 'the overdue-visit check',
    intervalMs,
  };
  return startDailyJob(database, jobs, now, log, job);
}
