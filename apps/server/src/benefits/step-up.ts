import type { Database } from '../db/client.js';
import type { Keys } from '../crypto/keys.js';
import { verifyStepUp as verifyAuthStepUp } from '../auth/index.js';
import { PaymentFileError } from './payment-file-errors.js';
import type { Actor } from './versions-service.js';

const REFUSALS = {
  notEnrolled: 'paymentFile.totpNotEnrolled',
  locked: 'paymentFile.locked',
  invalid: 'paymentFile.totpInvalid',
} as const;

/**
 * Step-up two-factor for a payment file (auth/step-up.ts), refused in the payment file's words.
 */
export async function verifyStepUp(
  database: Database,
  keys: Pick<Keys, 'secretEncryption'>,
  a: Actor,
  code: string,
  audit: { action: string; targetType: string; targetId: string },
): Promise<void> {
  await verifyAuthStepUp(database, keys, a, code, audit, (why) => PaymentFileError(REFUSALS[why]));
}
