import { requiresTwoFactor, type Role } from '@cradle/domain';
import type { Database } from '../db/client.js';
import { appendAudit } from '../audit/index.js';
import type { Keys } from '../crypto/keys.js';
import { decryptField } from '../crypto/pii.js';
import { authError } from './errors.js';
import { hashPassword, verifyPassword } from './password.js';
import { hashToken, newToken, type SessionUser } from './session.js';
import { matchTotpStep } from './totp.js';
import { countFailure } from './lockout.js';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  roles: Role[];
  jurisdiction_code: string;
  department: string | null;
  totp_secret_cipher: Buffer | null;
  failed_logins: number;
  locked_until: Date | null;
  active: boolean;
}

export interface LoginInput {
  username: string;
  password: string;
  totp?: string | undefined;
  clientIp: string;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  user: SessionUser;
}

let dummyHash: Promise<string> | undefined;

export function createAuthService(database: Database, keys: Keys, scopeCode: string) {
  const audit = (
    u: UserRow | undefined,
    username: string,
    outcome: 'success' | 'failure' | 'denied',
    ip: string,
    reason?: string,
  ) =>
    appendAudit(database, {
      userId: u ? Number(u.id) : null,
      username: u?.username ?? username,
      // An unknown username is recorded under the deployment's scope, so administrators see it.
      jurisdictionCode: u?.jurisdiction_code ?? scopeCode,
      action: 'auth.login',
      targetType: 'user',
      targetId: u ? String(u.id) : null,
      outcome,
      clientIp: ip,
      details: reason ? { reason } : null,
    });

  /** Counts a failure in one statement, so parallel attempts cannot overwrite each other's count. */
  async function recordFailure(u: UserRow, ip: string, reason: string): Promise<boolean> {
    const lock = await countFailure(database, u.id);
    await audit(u, u.username, 'failure', ip, lock ? `${reason}; locked` : reason);
    return lock;
  }

  return {
    async login(input: LoginInput): Promise<LoginResult> {
      // Columns named: a prepared SELECT * would fail on a running server once a migration adds one.
      const rows = await database.query<UserRow>(
        `SELECT id, username, display_name, password_hash, roles, jurisdiction_code, department, totp_secret_cipher, failed_logins, locked_until, active
           FROM users WHERE username = $1`,
        [input.username],
      );
      const u = rows[0];
      if (!u) {
        // Same work as a real check, so response time does not reveal which usernames exist.
        await verifyPassword(await (dummyHash ??= hashPassword('not-a-real-password-0A!')), input.password);
        await audit(undefined, input.username, 'failure', input.clientIp, 'unknown user');
        throw authError('auth.invalidCredentials');
      }
      if (!u.active) {
        await audit(u, u.username, 'denied', input.clientIp, 'inactive');
        throw authError('auth.inactive');
      }
      if (u.locked_until && new Date(u.locked_until).getTime() > Date.now()) {
        await audit(u, u.username, 'denied', input.clientIp, 'locked');
        throw authError('auth.locked', { lockedUntil: new Date(u.locked_until).toISOString() });
      }
      if (!(await verifyPassword(u.password_hash, input.password))) {
        throw authError(
          (await recordFailure(u, input.clientIp, 'wrong password')) ? 'auth.locked' : 'auth.invalidCredentials',
        );
      }
      if (requiresTwoFactor(u.roles)) {
        if (!input.totp) throw authError('auth.totpRequired');
        const secret = u.totp_secret_cipher ? decryptField(keys.secretEncryption, 'totp', u.totp_secret_cipher) : null;
        const step = secret ? matchTotpStep(secret, input.totp) : null;
        // A code is good once: the step must be later than the last one accepted (no replay).
        const fresh =
          step !== null &&
          (
            await database.query(
              'UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id',
              [u.id, step],
            )
          ).length > 0;
        if (!fresh) {
          throw authError(
            (await recordFailure(u, input.clientIp, step === null ? 'wrong TOTP code' : 'reused TOTP code'))
              ? 'auth.locked'
              : 'auth.totpInvalid',
          );
        }
      }
      const token = newToken();
      const csrfToken = newToken();
      await database.transaction(async (tx) => {
        // Re-checked here: parallel attempts may have locked the account during this one.
        const open = await tx.query(
          'UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1 AND (locked_until IS NULL OR locked_until <= now()) RETURNING id',
          [u.id],
        );
        if (open.length === 0) throw authError('auth.locked');
        await tx.query('INSERT INTO sessions (token_hash, user_id, csrf_token, client_ip) VALUES ($1, $2, $3, $4)', [
          hashToken(token),
          u.id,
          csrfToken,
          input.clientIp,
        ]);
        await appendAudit(tx, {
          userId: Number(u.id),
          username: u.username,
          jurisdictionCode: u.jurisdiction_code,
          action: 'auth.login',
          targetType: 'user',
          targetId: String(u.id),
          outcome: 'success',
          clientIp: input.clientIp,
        });
      });
      return {
        token,
        csrfToken,
        user: {
          id: Number(u.id),
          username: u.username,
          displayName: u.display_name,
          roles: u.roles,
          jurisdictionCode: u.jurisdiction_code,
          department: u.department,
        },
      };
    },

    async logout(user: SessionUser, tokenHash: string, clientIp: string): Promise<void> {
      await database.transaction(async (tx) => {
        await tx.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
        await appendAudit(tx, {
          userId: user.id,
          username: user.username,
          jurisdictionCode: user.jurisdictionCode,
          action: 'auth.logout',
          targetType: 'user',
          targetId: String(user.id),
          outcome: 'success',
          clientIp,
        });
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
