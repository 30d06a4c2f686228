import { requiresTwoFactor } from '@cradle/domain';
import type { Database } from '../db/client.js';
import { appendAudit } from '../audit/index.js';
import type { Keys } from '../crypto/keys.js';
import { decryptField } from '../crypto/pii.js';
import { authError } from './errors.js';
import { hashPassword, verifyPassword } from './password.js';
import { hashToken, newToken, type SessionUser } from './session.js';
import { matchTotpStep } from './totp.js';
import { countFailure } from './lockout.js';
import {
  acceptTotpStep,
  deleteSession,
  findUserForSignIn,
  insertSession,
  resetFailuresUnlessLocked,
  type SignInUser,
} from './repo.js';

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
    u: SignInUser | undefined,
    username: string,
    outcome: 'success' | 'failure' | 'denied',
    ip: string,
    reason?: string,
  ) =>
    appendAudit(database, {
      userId: u ? Number(u.id) : null,
      username: u?.username ?? username,
      // An unknown username is recorded under the deployment's scope, so administrators see it.
      jurisdictionCode: u?.jurisdictionCode ?? scopeCode,
      action: 'auth.login',
      targetType: 'user',
      targetId: u ? String(u.id) : null,
      outcome,
      clientIp: ip,
      details: reason ? { reason } : null,
    });

  /** Counts a failure in one statement, so parallel attempts cannot overwrite each other's count. */
  async function recordFailure(u: SignInUser, ip: string, reason: string): Promise<boolean> {
    const lock = await countFailure(database, u.id);
    await audit(u, u.username, 'failure', ip, lock ? `${reason}; locked` : reason);
    return lock;
  }

  return {
    async login(input: LoginInput): Promise<LoginResult> {
      const u = await findUserForSignIn(database, input.username);
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
      if (u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now()) {
        await audit(u, u.username, 'denied', input.clientIp, 'locked');
        throw authError('auth.locked', { lockedUntil: new Date(u.lockedUntil).toISOString() });
      }
      if (!(await verifyPassword(u.passwordHash, input.password))) {
        throw authError(
          (await recordFailure(u, input.clientIp, 'wrong password')) ? 'auth.locked' : 'auth.invalidCredentials',
        );
      }
      if (requiresTwoFactor(u.roles)) {
        if (!input.totp) throw authError('auth.totpRequired');
        const secret = u.totpSecretCipher ? decryptField(keys.secretEncryption, 'totp', u.totpSecretCipher) : null;
        const step = secret ? matchTotpStep(secret, input.totp) : null;
        // A code is good once: the step must be later than the last one accepted (no replay).
        const fresh = step !== null && (await acceptTotpStep(database, u.id, step));
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
        if (!(await resetFailuresUnlessLocked(tx, u.id))) throw authError('auth.locked');
        await insertSession(tx, { tokenHash: hashToken(token), userId: u.id, csrfToken, clientIp: input.clientIp });
        await appendAudit(tx, {
          userId: Number(u.id),
          username: u.username,
          jurisdictionCode: u.jurisdictionCode,
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
          displayName: u.displayName,
          roles: u.roles,
          jurisdictionCode: u.jurisdictionCode,
          department: u.department,
        },
      };
    },

    async logout(user: SessionUser, tokenHash: string, clientIp: string): Promise<void> {
      await database.transaction(async (tx) => {
        await deleteSession(tx, tokenHash);
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
