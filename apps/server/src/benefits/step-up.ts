import type { Database } from '../db/client.js';
import type { Keys } from '../crypto/keys.js';
import { decryptField } from '../crypto/pii.js';
import { appendAudit } from '../audit/index.js';
import { matchTotpStep, countFailure } from '../auth/index.js';
import { PaymentFileError } from './payment-file-errors.js';
import type { Actor } from './versions-service.js';

/**
 * Step-up two-factor for one sensitive action within a session: a fresh code of the user's own
 * TOTP secret. A code is good once, at sign-in or here alike (users.totp_last_step), and wrong
 * codes count towards the same lock as wrong sign-ins, so the session cannot be used to guess.
 * Runs as the owner: users are not a scoped table. A refusal is audited as `audit` says.
 */
export async function verifyStepUp(
  database: Database,
  keys: Pick<Keys, 'secretEncryption'>,
  a: Actor,
  code: string,
  audit: { action: string; targetType: string; targetId: string },
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
    throw PaymentFileError('paymentFile.totpNotEnrolled');
  }
  if (u.locked) {
    await deny('locked');
    throw PaymentFileError('paymentFile.locked');
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
  throw PaymentFileError(locked ? 'paymentFile.locked' : 'paymentFile.totpInvalid');
}
