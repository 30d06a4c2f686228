import type { Conn } from '../db/client.js';
import type { jobs } from '../db/schema.js';

// SQL for claiming, renewing and finishing jobs. Times come from the database's clock (now()) so
// runners on several machines agree; a test passes its own clock as `at` instead. One set of statements serves every queue: the
// jobs table, and tables that are their own queue because they carry the same claim columns
// (status, attempts, claimed_at, next_attempt_at, last_error): the notification outbox.

export type JobRow = typeof jobs.$inferSelect;

/** Where a kind's jobs are: a table with the claim columns, and which of its rows belong to the kind. */
export interface Queue {
  table: 'jobs' | 'notifications';
  /** SQL condition on the table (alias x) selecting the kind's rows; a literal, never user input. */
  where: string;
  /** Status of a claimed row ('running' in jobs, 'sending' in the outbox). */
  running: string;
  /** Status of a row whose work is done ('done' in jobs, 'sent' in the outbox). */
  done: string;
  /** Column stamped when the work ends: finished_at on done or failed; sent_at only on sent. */
  stamp: { column: string; onFailure: boolean };
  /** More columns a claim returns with each row (alias x), so the handler needs no second read. */
  returning: string;
}

export const jobsQueue = (kind: string): Queue => ({
  table: 'jobs',
  where: `x.kind = '${kind.replace(/'/g, "''")}'`,
  running: 'running',
  done: 'done',
  stamp: { column: 'finished_at', onFailure: true },
  returning: 'x.key, x.jurisdiction_code AS "jurisdictionCode", x.payload',
});

/** A claimed row: its id, the attempt it is on (which also fences a late finish), and the queue's extra columns. */
export type Claimed = Pick<JobRow, 'id' | 'attempts'> & Record<string, unknown>;

export interface NewJob {
  kind: string;
  key?: string | null;
  jurisdictionCode: string;
  payload: unknown;
}

/**
 * Queues a job in the caller's transaction (so it exists if and only if the change that asked for
 * it commits). An unfinished job of the same kind and key is kept instead: returns null then.
 */
export async function insertJob(tx: Conn, job: NewJob): Promise<number | null> {
  const rows = await tx.query<{ id: number }>(
    `INSERT INTO jobs (kind, key, jurisdiction_code, payload) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT (kind, key) WHERE status IN ('pending', 'running') DO NOTHING RETURNING id`,
    [job.kind, job.key ?? null, job.jurisdictionCode, JSON.stringify(job.payload)],
  );
  return rows[0] ? Number(rows[0].id) : null;
}

/** Claims up to limit due rows, oldest first, skipping rows another runner has locked. */
export async function claim(conn: Pick<Conn, 'query'>, q: Queue, limit: number, at: Date | null): Promise<Claimed[]> {
  const rows = await conn.query<Claimed>(
    `WITH next AS (
       SELECT id FROM ${q.table} x
        WHERE ${q.where} AND x.status = 'pending' AND (x.next_attempt_at IS NULL OR x.next_attempt_at <= coalesce($2::timestamptz, now()))
        ORDER BY x.id LIMIT $1 FOR UPDATE SKIP LOCKED)
     UPDATE ${q.table} x SET status = '${q.running}', claimed_at = coalesce($2::timestamptz, now()), attempts = x.attempts + 1
       FROM next WHERE x.id = next.id
     RETURNING x.id, x.attempts, ${q.returning}`,
    [limit, at],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), attempts: Number(r.attempts) }));
}

/** Renews the lease of rows this runner still holds. */
export async function renew(
  conn: Pick<Conn, 'query'>,
  q: Queue,
  held: readonly Claimed[],
  at: Date | null,
): Promise<void> {
  if (held.length === 0) return;
  await conn.query(
    `UPDATE ${q.table} x SET claimed_at = coalesce($3::timestamptz, now()) FROM unnest($1::bigint[], $2::int[]) AS h(id, attempts)
      WHERE x.id = h.id AND x.attempts = h.attempts AND x.status = '${q.running}'`,
    [held.map((c) => c.id), held.map((c) => c.attempts), at],
  );
}

/** What became of one claimed row: done (error null), to be tried again in retryInMs, or failed (retryInMs null). */
export interface Outcome {
  job: Claimed;
  error: string | null;
  retryInMs: number | null;
}

/**
 * Records outcomes in one statement. Only the claim that is still current is written: a row
 * taken over after its lease ran out has a higher attempt number, and the late finish is
 * ignored. Returns the ids written.
 */
export async function finish(
  conn: Pick<Conn, 'query'>,
  q: Queue,
  outcomes: readonly Outcome[],
  at: Date | null,
): Promise<number[]> {
  if (outcomes.length === 0) return [];
  const stampWhen = q.stamp.onFailure ? 'r.error IS NULL OR r.retry_ms IS NULL' : 'r.error IS NULL';
  const rows = await conn.query<{ id: number }>(
    `UPDATE ${q.table} x SET
       status = CASE WHEN r.error IS NULL THEN '${q.done}' WHEN r.retry_ms IS NULL THEN 'failed' ELSE 'pending' END,
       ${q.stamp.column} = CASE WHEN ${stampWhen} THEN coalesce($5::timestamptz, now()) END,
       last_error = r.error,
       next_attempt_at = coalesce($5::timestamptz, now()) + r.retry_ms * interval '1 millisecond'
     FROM unnest($1::bigint[], $2::int[], $3::text[], $4::float8[]) AS r(id, attempts, error, retry_ms)
     WHERE x.id = r.id AND x.attempts = r.attempts AND x.status = '${q.running}'
     RETURNING x.id`,
    [
      outcomes.map((o) => o.job.id),
      outcomes.map((o) => o.job.attempts),
      outcomes.map((o) => o.error),
      outcomes.map((o) => o.retryInMs),
      at,
    ],
  );
  return rows.map((r) => Number(r.id));
}

/** Gives claimed rows back untouched by this attempt (stop() before the work began or midway in resumable work). */
export async function release(conn: Pick<Conn, 'query'>, q: Queue, held: readonly Claimed[]): Promise<void> {
  if (held.length === 0) return;
  await conn.query(
    `UPDATE ${q.table} x SET status = 'pending', attempts = x.attempts - 1, claimed_at = NULL
       FROM unnest($1::bigint[], $2::int[]) AS h(id, attempts)
      WHERE x.id = h.id AND x.attempts = h.attempts AND x.status = '${q.running}'`,
    [held.map((c) => c.id), held.map((c) => c.attempts)],
  );
}

/**
 * Takes back claims whose lease ran out (their worker died): rows with attempts left go back to
 * pending, the others fail with STALE_ERROR. Returns the failed ones, for the kind's own record
 * in the same transaction.
 */
export async function takeBackStale(
  conn: Conn,
  q: Queue,
  at: Date | null,
  leaseMs: number,
  maxAttempts: number,
): Promise<{ requeued: number; failed: Claimed[] }> {
  const rows = await conn.query<Claimed & { requeued: boolean }>(
    `UPDATE ${q.table} x SET status = CASE WHEN x.attempts < $2 THEN 'pending' ELSE 'failed' END,
       claimed_at = NULL,
       last_error = CASE WHEN x.attempts < $2 THEN x.last_error ELSE $3 END
       ${q.stamp.onFailure ? `, ${q.stamp.column} = CASE WHEN x.attempts < $2 THEN NULL ELSE coalesce($1::timestamptz, now()) END` : ''}
     WHERE ${q.where} AND x.status = '${q.running}' AND x.claimed_at < coalesce($1::timestamptz, now()) - $4 * interval '1 millisecond'
     RETURNING x.id, x.attempts, x.attempts < $2 AS requeued, ${q.returning}`,
    [at, maxAttempts, STALE_ERROR, leaseMs],
  );
  const failed = rows.filter((r) => !r.requeued).map((r) => ({ ...r, id: Number(r.id), attempts: Number(r.attempts) }));
  return { requeued: rows.length - failed.length, failed };
}

export const STALE_ERROR = 'the worker stopped renewing its claim';

/** A job as stored, for tests and the operator's view. */
export async function findJob(conn: Conn, id: number): Promise<JobRow | null> {
  const rows = await conn.query<JobRow>(
    `SELECT id, kind, key, jurisdiction_code AS "jurisdictionCode", payload, status, attempts, claimed_at AS "claimedAt",
       next_attempt_at AS "nextAttemptAt", last_error AS "lastError", created_at AS "createdAt", finished_at AS "finishedAt"
     FROM jobs WHERE id = $1`,
    [id],
  );
  return rows[0] ? { ...rows[0], id: Number(rows[0].id) } : null;
}

/**
 * The notification outbox is its own queue: enqueueNotifications writes a pending row in the
 * transaction of the change it reports, so sending needs no job row of its own.
 */
export const smsOutboxQueue: Queue = {
  table: 'notifications',
  where: `x.channel = 'sms'`,
  running: 'sending',
  done: 'sent',
  stamp: { column: 'sent_at', onFailure: false },
  // A resident's phone, or a special-family contact's without an account (special-families/overdue.ts).
  returning: `x.body_zh AS "bodyZh", coalesce((SELECT r.phone_cipher FROM residents r WHERE r.id = x.resident_id),
    (SELECT c.phone_cipher FROM special_family_contacts c WHERE x.subject_kind = 'specialFamilyContact' AND c.id = x.subject_id)) AS "phoneCipher"`,
};
