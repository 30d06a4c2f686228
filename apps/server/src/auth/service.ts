import { requiresTwoFactor } from '@cradle/domain';
import type { Database } from '../db/client.js';
import { appendAudit } from '../audit/index.js';
import type { Keys } from '../crypto/keys.js';
import { decryptField } from '../crypto/pii.js';
import { authError, authErrorAfter } from './errors.js';
import { hashPassword, verifyPassword } from './password.js';
import { hashToken, newToken, type SessionUser } from './session.js';
import { matchTotpStep } from './totp.js';
import { ADDRESS_SHARE, countAccountFailure, HARD_LOCK_FAILURES, unlockUser } from './lockout.js';
import { clearFailures, delaySeconds, pruneFailures, refundAttempt, STAFF_DELAYS, takeAttempt } from './throttle.js';
import {
  acceptTotpStep,
  deleteSession,
  findUserForSignIn,
  findUserScope,
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
let lastPrune = 0;

/** The throttle's subject for a typed username, known or not: a delay must not tell which. */
export const userSubject = (username: string) => `user:${username}`;

export function createAuthService(database: Database, keys: Keys, scopeCode: string) {
  const audit = (
    u: SignInUser | undefined,
    username: string,
    outcome: 'success' | 'failure' | 'denied',
    ip: string,
    reason?: string,
    action = 'auth.login',
  ) =>
    appendAudit(database, {
      userId: u ? Number(u.id) : null,
      username: u?.username ?? username,
      // An unknown username is recorded under the deployment's scope, so administrators see it.
      jurisdictionCode: u?.jurisdictionCode ?? scopeCode,
      action,
      targetType: 'user',
      targetId: u ? String(u.id) : null,
      outcome,
      clientIp: ip,
      details: reason ? { reason } : null,
    });

  /**
   * A failed attempt (already counted for its address by takeAttempt, as `failures`): for a real
   * account it counts towards the hard lock too (the address's first ADDRESS_SHARE only); audits
   * it, and the lock if this one set it. Returns the wait the next attempt from this address faces.
   */
  async function recordFailure(
    u: SignInUser | undefined,
    username: string,
    ip: string,
    failures: number,
    reason: string,
  ) {
    // Guessed usernames leave rows; at most once an hour, those past every window go.
    if (Date.now() - lastPrune > 3_600_000) {
      lastPrune = Date.now();
      await pruneFailures(database);
    }
    const locked = u !== undefined && failures <= ADDRESS_SHARE && (await countAccountFailure(database, u.id));
    await audit(u, username, 'failure', ip, reason);
    if (locked) await audit(u, username, 'denied', ip, `${HARD_LOCK_FAILURES} failures across addresses`, 'auth.lock');
    return delaySeconds(STAFF_DELAYS, failures);
  }

  return {
    async login(input: LoginInput): Promise<LoginResult> {
      const subject = userSubject(input.username);
      const u = await findUserForSignIn(database, input.username);
      // A waiting address is refused before the password is looked at, right or wrong: a
      // different answer for the right password would make the delay an oracle.
      const { wait, failures } = await takeAttempt(database, STAFF_DELAYS, subject, input.clientIp);
      if (wait > 0) {
        await audit(u, input.username, 'denied', input.clientIp, `delayed ${wait} s`);
        throw authErrorAfter('auth.delayed', wait);
      }
      // The hash runs for every name, known or not, so response time does not tell them apart.
      const hash = u?.passwordHash ?? (await (dummyHash ??= hashPassword('not-a-real-password-0A!')));
      const passwordOk = await verifyPassword(hash, input.password);
      const locked = u?.lockedUntil != null && new Date(u.lockedUntil).getTime() > Date.now();
      if (!u || !u.active || locked || !passwordOk) {
        // Unknown, disabled, locked or wrong: one answer, and the same count towards delays.
        const reason = !u ? 'unknown user' : !u.active ? 'inactive' : locked ? 'locked' : 'wrong password';
        throw authErrorAfter(
          'auth.invalidCredentials',
          await recordFailure(u, input.username, input.clientIp, failures, reason),
        );
      }
      if (requiresTwoFactor(u.roles)) {
        if (!input.totp) {
          // The password was right: asking for the second factor is no failure.
          await refundAttempt(database, subject, input.clientIp);
          throw authError('auth.totpRequired');
        }
        const secret = u.totpSecretCipher ? decryptField(keys.secretEncryption, 'totp', u.totpSecretCipher) : null;
        const step = secret ? matchTotpStep(secret, input.totp) : null;
        // A code is good once: the step must be later than the last one accepted (no replay).
        const fresh = step !== null && (await acceptTotpStep(database, u.id, step));
        if (!fresh) {
          const wait = await recordFailure(
            u,
            input.username,
            input.clientIp,
            failures,
            step === null ? 'wrong TOTP code' : 'reused TOTP code',
          );
          throw authErrorAfter('auth.totpInvalid', wait);
        }
      }
      const token = newToken();
      const csrfToken = newToken();
      await database.transaction(async (tx) => {
        // Re-checked here: parallel attempts may have locked the account during this one.
        if (!(await resetFailuresUnlessLocked(tx, u.id))) throw authError('auth.invalidCredentials');
        await clearFailures(tx, subject, input.clientIp);
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

    /**
     * Lifts a hard lock (and the delays on every address) for a user within the administrator's
     * jurisdiction, audited; one outside it is answered as not found.
     */
    async unlock(admin: SessionUser, userId: number, clientIp: string): Promise<void> {
      await database.transaction(async (tx) => {
        const target = await findUserScope(tx, userId);
        if (!target || !target.jurisdictionCode.startsWith(admin.jurisdictionCode))
          throw authError('auth.userNotFound');
        const done = (await unlockUser(tx, userId))!;
        await clearFailures(tx, userSubject(done.username));
        await appendAudit(tx, {
          userId: admin.id,
          username: admin.username,
          jurisdictionCode: done.jurisdictionCode,
          action: 'auth.unlock',
          targetType: 'user',
          targetId: String(userId),
          outcome: 'success',
          clientIp,
          details: { username: done.username, wasLocked: done.wasLocked },
        });
      });
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
