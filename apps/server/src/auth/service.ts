import { checkPasswordComplexity, holdsTwoFactorSecret, requiresTwoFactor } from '@cradle/domain';
import type { Database } from '../db/client.js';
import { appendAudit } from '../audit/index.js';
import type { Keys } from '../crypto/keys.js';
import { decryptField, encryptField } from '../crypto/pii.js';
import { authError, authErrorAfter } from './errors.js';
import { generateTemporaryPassword, hashPassword, verifyPassword } from './password.js';
import { hashToken, newToken, type SessionUser } from './session.js';
import { generateTotpSecret, matchTotpStep, otpauthUri } from './totp.js';
import { verifyStepUp, type StepUpRefusal } from './step-up.js';
import { ADDRESS_SHARE, countAccountFailure, HARD_LOCK_FAILURES, unlockUser } from './lockout.js';
import { clearFailures, delaySeconds, pruneFailures, refundAttempt, STAFF_DELAYS, takeAttempt } from './throttle.js';
import {
  acceptTotpStep,
  deleteSession,
  findUserForSignIn,
  findUserForReset,
  findUserScope,
  insertSession,
  listUsersWithin,
  replacePassword,
  replaceTotpSecret,
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

const STEP_UP_REFUSALS = {
  notEnrolled: 'user.stepUpNotEnrolled',
  locked: 'user.stepUpLocked',
  invalid: 'user.stepUpInvalid',
} as const satisfies Record<StepUpRefusal, string>;

type ResetAction = 'user.resetPassword' | 'user.resetTwoFactor';

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

  const resetAudit = (
    admin: SessionUser,
    target: { username: string; jurisdictionCode: string },
    action: ResetAction,
    outcome: 'success' | 'denied',
    clientIp: string,
    userId?: number,
    reason?: string,
  ) => ({
    userId: admin.id,
    username: admin.username,
    jurisdictionCode: target.jurisdictionCode,
    action,
    targetType: 'user',
    targetId: userId === undefined ? null : String(userId),
    outcome,
    clientIp,
    details: { username: target.username, ...(reason ? { reason } : {}) },
  });

  /**
   * Who may reset whose credentials: a user within the administrator's jurisdiction (else not
   * found), never oneself, and for a county administrator never an administrator (a county
   * administrator taking over the system administrator's or a peer's account). Then the
   * administrator's own fresh TOTP code (step-up). Refusals are audited.
   */
  async function checkReset(admin: SessionUser, userId: number, totp: string, clientIp: string, action: ResetAction) {
    const found = await findUserForReset(database, userId);
    if (!found || !found.jurisdictionCode.startsWith(admin.jurisdictionCode)) throw authError('auth.userNotFound');
    const target = { ...found, id: Number(found.id) };
    const deny = async (code: 'user.resetSelf' | 'user.resetAdministrator' | 'user.noTwoFactor', reason: string) => {
      await appendAudit(database, resetAudit(admin, target, action, 'denied', clientIp, userId, reason));
      return authError(code);
    };
    if (target.id === admin.id) throw await deny('user.resetSelf', 'own account');
    if (!admin.roles.includes('systemAdmin') && requiresTwoFactor(target.roles))
      throw await deny('user.resetAdministrator', 'administrator account');
    if (action === 'user.resetTwoFactor' && !holdsTwoFactorSecret(target.roles, target.department))
      throw await deny('user.noTwoFactor', 'roles hold no TOTP secret');
    await verifyStepUp(
      database,
      keys,
      { user: admin, clientIp },
      totp,
      { action, targetType: 'user', targetId: String(userId) },
      (why) => authError(STEP_UP_REFUSALS[why]),
    );
    return target;
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

    /** The staff accounts within the administrator's jurisdiction, for the user list. */
    async listUsers(admin: SessionUser) {
      const rows = await listUsersWithin(database, admin.jurisdictionCode);
      return rows.map((r) => ({ ...r, id: Number(r.id), department: r.department ?? null }));
    },

    /**
     * A new one-time password, generated here and returned once (issue 12): the lock, the
     * failure count and the delays on every address cleared, every session of the user ended.
     */
    async resetPassword(admin: SessionUser, userId: number, totp: string, clientIp: string) {
      const target = await checkReset(admin, userId, totp, clientIp, 'user.resetPassword');
      // The policy (packages/domain) for this username: one containing it is drawn again.
      let password = generateTemporaryPassword();
      while (checkPasswordComplexity(password, target.username).length > 0) password = generateTemporaryPassword();
      const hash = await hashPassword(password);
      await database.transaction(async (tx) => {
        await replacePassword(tx, userId, hash);
        await clearFailures(tx, userSubject(target.username));
        await appendAudit(tx, resetAudit(admin, target, 'user.resetPassword', 'success', clientIp, userId));
      });
      return { temporaryPassword: password };
    },

    /**
     * A new TOTP secret, returned once for the administrator to hand over as the account's first
     * secret was (`user-add`): the old authenticator stops working, every session of the user ends.
     */
    async resetTwoFactor(admin: SessionUser, userId: number, totp: string, clientIp: string) {
      const target = await checkReset(admin, userId, totp, clientIp, 'user.resetTwoFactor');
      const secret = generateTotpSecret();
      await database.transaction(async (tx) => {
        await replaceTotpSecret(tx, userId, encryptField(keys.secretEncryption, 'totp', secret));
        await appendAudit(tx, resetAudit(admin, target, 'user.resetTwoFactor', 'success', clientIp, userId));
      });
      return { secret, otpauthUri: otpauthUri(secret, target.username) };
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
