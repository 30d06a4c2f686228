import type { Conn } from '../db/client.js';

// Five failures lock the account for fifteen minutes (issue 2, Access and audit).
const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;

/**
 * Counts one failed password or code against a user, in one statement so parallel attempts
 * cannot overwrite each other's count; returns whether the account is now locked. Sign-in and
 * the step-up before an export share it, so a session cannot be used to guess codes.
 */
export async function countFailure(conn: Conn, userId: number): Promise<boolean> {
  const rows = await conn.query<{ locked: boolean }>(
    `UPDATE users SET
       failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
       locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
     WHERE id = $1 RETURNING coalesce(locked_until > now(), false) AS locked`,
    [userId, MAX_FAILURES, LOCK_MINUTES],
  );
  return Boolean(rows[0]?.locked);
}
