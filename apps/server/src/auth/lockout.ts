import type { Conn } from '../db/client.js';

// The hard lock, for a real attack only (issue 11): 100 failures across addresses since the
// account's last good sign-in, each address counting at most its first 10. One address waiting
// out its delays (auth/throttle.ts) never locks anyone out; it takes ten or more. The lock means
// the password may be known: the account's sessions end, and it lasts until an administrator
// lifts it (POST /api/users/:id/unlock) or, failing one, for a day (the next working day).
export const ADDRESS_SHARE = 10;
export const HARD_LOCK_FAILURES = 100;
export const HARD_LOCK_HOURS = 24;

/**
 * Counts `weight` failures towards the hard lock in one statement (parallel attempts cannot
 * overwrite each other's count); on reaching it locks the account and ends its sessions.
 * Returns whether this failure locked the account.
 */
export async function countAccountFailure(conn: Conn, userId: number, weight = 1): Promise<boolean> {
  const rows = await conn.query<{ locked_now: boolean }>(
    `WITH old AS (SELECT failed_logins FROM users WHERE id = $1 FOR UPDATE)
     UPDATE users u SET
       failed_logins = CASE WHEN old.failed_logins + $2 >= $3 THEN 0 ELSE old.failed_logins + $2 END,
       locked_until = CASE WHEN old.failed_logins + $2 >= $3 THEN now() + make_interval(hours => $4) ELSE u.locked_until END
     FROM old WHERE u.id = $1 RETURNING old.failed_logins + $2 >= $3 AS locked_now`,
    [userId, weight, HARD_LOCK_FAILURES, HARD_LOCK_HOURS],
  );
  const lockedNow = Boolean(rows[0]?.locked_now);
  if (lockedNow) await conn.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
  return lockedNow;
}

/**
 * A wrong step-up code inside a session (benefits/step-up.ts). Only the session's holder can
 * cause it, and the holder has the password already, so it counts a whole address's share:
 * ten wrong codes without a right one lock the account.
 */
export async function countFailure(conn: Conn, userId: number): Promise<boolean> {
  return countAccountFailure(conn, userId, ADDRESS_SHARE);
}

/** Lifts a hard lock and clears the count; the user's row, or nothing when there is no such user. */
export async function unlockUser(
  conn: Conn,
  userId: number,
): Promise<{ username: string; jurisdictionCode: string; wasLocked: boolean } | undefined> {
  const [row] = await conn.query<{ username: string; jurisdiction_code: string; was_locked: boolean }>(
    `UPDATE users u SET locked_until = NULL, failed_logins = 0 FROM users old
      WHERE u.id = $1 AND old.id = u.id
      RETURNING u.username, u.jurisdiction_code, coalesce(old.locked_until > now(), false) AS was_locked`,
    [userId],
  );
  return row && { username: row.username, jurisdictionCode: row.jurisdiction_code, wasLocked: row.was_locked };
}
