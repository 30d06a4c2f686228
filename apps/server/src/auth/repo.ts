import type { Conn } from '../db/client.js';
import { columnsOf, type RowOf } from '../db/rows.js';
import { users } from '../db/schema.js';

const SIGN_IN = [
  'id',
  'username',
  'displayName',
  'passwordHash',
  'roles',
  'jurisdictionCode',
  'department',
  'totpSecretCipher',
  'failedLogins',
  'lockedUntil',
  'active',
] as const;
export type SignInUser = RowOf<typeof users, (typeof SIGN_IN)[number]>;

/** What a sign-in checks. Columns named: a prepared SELECT * fails on a running server once a migration adds one. */
export async function findUserForSignIn(conn: Conn, username: string): Promise<SignInUser | undefined> {
  const rows = await conn.query<SignInUser>(`SELECT ${columnsOf(users, SIGN_IN)} FROM users WHERE username = $1`, [
    username,
  ]);
  return rows[0];
}

export async function usernameTaken(conn: Conn, username: string): Promise<boolean> {
  return (await conn.query('SELECT 1 FROM users WHERE username = $1', [username])).length > 0;
}

/** Records a TOTP step as used; false when it is not later than the last one accepted (a replay). */
export async function acceptTotpStep(conn: Conn, userId: number, step: number): Promise<boolean> {
  const rows = await conn.query(
    'UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id',
    [userId, step],
  );
  return rows.length > 0;
}

/** Clears the failure count unless the account is locked now; false when it is. */
export async function resetFailuresUnlessLocked(conn: Conn, userId: number): Promise<boolean> {
  const open = await conn.query(
    'UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1 AND (locked_until IS NULL OR locked_until <= now()) RETURNING id',
    [userId],
  );
  return open.length > 0;
}

export async function insertSession(
  conn: Conn,
  s: { tokenHash: string; userId: number; csrfToken: string; clientIp: string },
): Promise<void> {
  await conn.query('INSERT INTO sessions (token_hash, user_id, csrf_token, client_ip) VALUES ($1, $2, $3, $4)', [
    s.tokenHash,
    s.userId,
    s.csrfToken,
    s.clientIp,
  ]);
}

export async function deleteSession(conn: Conn, tokenHash: string): Promise<void> {
  await conn.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

export type NewUser = Pick<
  typeof users.$inferInsert,
  'username' | 'displayName' | 'passwordHash' | 'roles' | 'jurisdictionCode' | 'department' | 'totpSecretCipher'
>;

/** Inserts a user unless the name is taken (a second start of the demo leaves the first's users). */
export async function insertUser(conn: Conn, u: NewUser): Promise<void> {
  await conn.query(
    `INSERT INTO users (username, display_name, password_hash, roles, jurisdiction_code, department, totp_secret_cipher)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (username) DO NOTHING`,
    [
      u.username,
      u.displayName,
      u.passwordHash,
      u.roles,
      u.jurisdictionCode,
      u.department ?? null,
      u.totpSecretCipher ?? null,
    ],
  );
}

/** Whose account this is, for an administrator's action on it; nothing when there is none. */
export async function findUserScope(
  conn: Conn,
  userId: number,
): Promise<RowOf<typeof users, 'username' | 'jurisdictionCode'> | undefined> {
  const [row] = await conn.query<RowOf<typeof users, 'username' | 'jurisdictionCode'>>(
    `SELECT ${columnsOf(users, ['username', 'jurisdictionCode'])} FROM users WHERE id = $1`,
    [userId],
  );
  return row;
}

const LISTED = ['id', 'username', 'displayName', 'roles', 'jurisdictionCode', 'department', 'active'] as const;
export type ListedUser = RowOf<typeof users, (typeof LISTED)[number]> & { locked: boolean; twoFactor: boolean };

/** Staff accounts within a jurisdiction (its code as a prefix), for an administrator's list. */
export async function listUsersWithin(conn: Conn, jurisdictionCode: string): Promise<ListedUser[]> {
  return conn.query<ListedUser>(
    `SELECT ${columnsOf(users, LISTED)},
            coalesce(locked_until > now(), false) AS "locked",
            totp_secret_cipher IS NOT NULL AS "twoFactor"
       FROM users WHERE starts_with(jurisdiction_code, $1) ORDER BY jurisdiction_code, username`,
    [jurisdictionCode],
  );
}

/** The target of an administrator's reset; nothing when there is none. */
export async function findUserForReset(
  conn: Conn,
  userId: number,
): Promise<RowOf<typeof users, 'id' | 'username' | 'roles' | 'jurisdictionCode' | 'department'> | undefined> {
  const [row] = await conn.query<RowOf<typeof users, 'id' | 'username' | 'roles' | 'jurisdictionCode' | 'department'>>(
    `SELECT ${columnsOf(users, ['id', 'username', 'roles', 'jurisdictionCode', 'department'])} FROM users WHERE id = $1`,
    [userId],
  );
  return row;
}

/** A new password: the failure count and any lock cleared, every session of the user ended. */
export async function replacePassword(conn: Conn, userId: number, passwordHash: string): Promise<void> {
  await conn.query('UPDATE users SET password_hash = $2, failed_logins = 0, locked_until = NULL WHERE id = $1', [
    userId,
    passwordHash,
  ]);
  await conn.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

/** A new TOTP secret (encrypted), no step accepted yet, every session of the user ended. */
export async function replaceTotpSecret(conn: Conn, userId: number, cipher: Buffer): Promise<void> {
  await conn.query('UPDATE users SET totp_secret_cipher = $2, totp_last_step = NULL WHERE id = $1', [userId, cipher]);
  await conn.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}
