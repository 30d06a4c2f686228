import type { Conn } from '../db/client.js';

/**
 * Growing delays instead of lockouts (issue 11). Failures are counted per subject and client
 * address in `sign_in_failures`; the first `free` cost nothing, then each further attempt must
 * wait 2^k seconds after the last failure (2, 4, 8, … up to `capSeconds`). A guesser slows to
 * about one try per cap, while the same account from another address (the real user at the
 * office) is untouched. Failures older than `windowHours` are forgotten.
 */
export interface DelayPolicy {
  free: number;
  capSeconds: number;
  windowHours: number;
}

// Staff: five free failures per (username, address) — a forgotten Caps Lock — then 2 s, 4 s, …
// capped at 5 minutes, so one address gets about 12 guesses an hour; forgotten after a day.
export const STAFF_DELAYS: DelayPolicy = { free: 5, capSeconds: 300, windowHours: 24 };
// Residents: per phone, from any address; a code's own five tries are free (portal/identity.ts),
// the delays start as the next code is guessed at. A number gets five codes an hour: an hour's window.
export const RESIDENT_DELAYS: DelayPolicy = { free: 5, capSeconds: 300, windowHours: 1 };

/** Seconds to wait after `failures` failures: 0 for the free ones, then 2^k, capped. */
export function delaySeconds(policy: DelayPolicy, failures: number): number {
  if (failures < policy.free) return 0;
  return Math.min(2 ** (failures - policy.free + 1), policy.capSeconds);
}

// The delay, in SQL, as delaySeconds computes it, of the row `r` (`f` or the table itself);
// $2 free, $3 cap.
const waitSql = (r: string) => `CASE WHEN ${r}.failures < $2 THEN 0
  ELSE greatest(0, ceil(extract(epoch FROM ${r}.last_failed_at
    + make_interval(secs => least(power(2, ${r}.failures - $2 + 1), $3)) - now())))::int END`;
const WAIT_SQL = waitSql('sign_in_failures');

/** Seconds this subject must still wait before another attempt from this address; 0 when none. */
export async function findWait(conn: Conn, policy: DelayPolicy, subject: string, clientIp: string): Promise<number> {
  const [row] = await conn.query<{ wait: number }>(
    `SELECT ${WAIT_SQL} AS wait FROM sign_in_failures
      WHERE subject = $1 AND client_ip = $5 AND last_failed_at > now() - make_interval(hours => $4)`,
    [subject, policy.free, policy.capSeconds, policy.windowHours, clientIp],
  );
  return Number(row?.wait ?? 0);
}

/**
 * Counts one failure in one statement (parallel guesses cannot overwrite each other's count);
 * a count past the window starts again at one. Returns the count and the wait it now imposes.
 */
export async function countFailure(
  conn: Conn,
  policy: DelayPolicy,
  subject: string,
  clientIp: string,
): Promise<{ failures: number; wait: number }> {
  const [row] = await conn.query<{ failures: number; wait: number }>(
    `INSERT INTO sign_in_failures AS f (subject, client_ip, failures, last_failed_at) VALUES ($1, $5, 1, now())
     ON CONFLICT (subject, client_ip) DO UPDATE SET
       failures = CASE WHEN f.last_failed_at > now() - make_interval(hours => $4) THEN f.failures + 1 ELSE 1 END,
       last_failed_at = now()
     RETURNING f.failures, ${waitSql('f')} AS wait`,
    [subject, policy.free, policy.capSeconds, policy.windowHours, clientIp],
  );
  return { failures: Number(row!.failures), wait: Number(row!.wait) };
}

/**
 * Takes an attempt for a sign-in, atomically: when the address must wait, counts nothing and
 * returns the wait; otherwise counts the attempt as a failure in advance and returns the count,
 * so parallel attempts see each other (a burst from one address cannot slip past the delays).
 * A success then clears the count; an attempt that was neither (a missing second factor) refunds.
 */
export async function takeAttempt(
  conn: Conn,
  policy: DelayPolicy,
  subject: string,
  clientIp: string,
): Promise<{ wait: number; failures: number }> {
  const [taken] = await conn.query<{ failures: number }>(
    `INSERT INTO sign_in_failures AS f (subject, client_ip, failures, last_failed_at) VALUES ($1, $5, 1, now())
     ON CONFLICT (subject, client_ip) DO UPDATE SET
       failures = CASE WHEN f.last_failed_at > now() - make_interval(hours => $4) THEN f.failures + 1 ELSE 1 END,
       last_failed_at = now()
     WHERE f.last_failed_at <= now() - make_interval(hours => $4) OR ${waitSql('f')} = 0
     RETURNING f.failures`,
    [subject, policy.free, policy.capSeconds, policy.windowHours, clientIp],
  );
  if (taken) return { wait: 0, failures: Number(taken.failures) };
  return { wait: Math.max(1, await findWait(conn, policy, subject, clientIp)), failures: 0 };
}

/** Gives back an attempt taken in advance that was no failure. */
export async function refundAttempt(conn: Conn, subject: string, clientIp: string): Promise<void> {
  await conn.query(
    'UPDATE sign_in_failures SET failures = greatest(failures - 1, 0) WHERE subject = $1 AND client_ip = $2',
    [subject, clientIp],
  );
}

/** Forgets a subject's failures: from one address after a success there, or all (an unlock). */
export async function clearFailures(conn: Conn, subject: string, clientIp?: string): Promise<void> {
  if (clientIp === undefined) await conn.query('DELETE FROM sign_in_failures WHERE subject = $1', [subject]);
  else await conn.query('DELETE FROM sign_in_failures WHERE subject = $1 AND client_ip = $2', [subject, clientIp]);
}

/** Drops rows past every window, so guessed usernames do not pile up; run now and then. */
export async function pruneFailures(conn: Conn): Promise<void> {
  await conn.query("DELETE FROM sign_in_failures WHERE last_failed_at < now() - interval '1 day'");
}
