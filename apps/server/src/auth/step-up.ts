import type { Database } from '../db/client.js';
import type { Keys } from '../crypto/keys.js';
import { decryptField } from '../crypto/pii.js';
import { appendAudit } from '../audit/index.js';
import { countFailure } from './lockout.js';
import type { SessionUser } from './session.js';
import { matchTotpStep } from './totp.js';

/** Why a step-up was refused; the caller names it in its own words (its module's errors). */
export type StepUpRefusal = 'notEnrolled' | 'locked' | 'invalid';

/**
 * Step-up two-factor for one sensitive action within a session: a fresh code of the user's own
 * TOTP secret. A code is good once, at sign-in or here alike (users.totp_last_step), and wrong
 * codes count towards the same lock as wrong sign-ins, so the session cannot be used to guess.
 * Runs as the owner: users are not a scoped table. A refusal is audited as `audit` says and
 * thrown as `refuse` makes it.
 */
export async function verifyStepUp(
  database: Database,
  keys: Pick<Keys, 'secretEncryption'>,
  a: { user: SessionUser; clientIp: string },
  code: string,
  audit: { action: string; targetType: string; targetId: string },
  refuse: (why: StepUpRefusal) => Error,
): Promise<void> {
  const u = (
    await database.query<{ totp_secret_cipher: Buffer | null; locked: boolean }>(
      'SELECT totp_secret_cipher, coalesce(locked_until > now(), false) AS locked FROM users WHERE id = $1',
      [a.user.id],
    )
  )[0];
  const deny = (reason: string) =>
    appendAudit(database, {
      userId: a.user.id,
      username: a.user.username,
      jurisdictionCode: a.user.jurisdictionCode,
      ...audit,
      outcome: 'denied',
      clientIp: a.clientIp,
      details: { reason },
    });
  if (!u?.totp_secret_cipher) {
    await deny('no TOTP secret');
    throw refuse('notEnrolled');
  }
  if (u.locked) {
    await deny('locked');
    throw refuse('locked');
  }
  const step = matchTotpStep(decryptField(keys.secretEncryption, 'totp', u.totp_secret_cipher), code);
  const fresh =
    step !== null &&
    (
      await database.query(
        'UPDATE users SET totp_last_step = $2, failed_logins = 0 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id',
        [a.user.id, step],
      )
    ).length > 0;
  if (fresh) return;
  const locked = await countFailure(database, a.user.id);
  await deny(`${step === null ? 'wrong TOTP code' : 'reused TOTP code'}${locked ? '; locked' : ''}`);
  throw refuse(locked ? 'locked' : 'invalid');
}
