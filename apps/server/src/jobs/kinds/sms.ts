import type { Keys } from '../../crypto/keys.js';
import { decryptField } from '../../crypto/pii.js';
import { SMS_KIND, type SmsSender } from '../../notifications/index.js';
import { smsOutboxQueue } from '../repo.js';
import { exponentialBackoff, type JobKind } from '../runner.js';

/**
 * Sends the outbox's pending text messages, 100 a claim, after the claim committed: a slow
 * gateway holds no lock and no connection. Operator queues get in-app messages only, so every SMS
 * here goes to a resident. Our readings: three refusals leave a message failed for an operator
 * (with the error); the first retry waits a minute, the next two; a claim older than five minutes
 * belongs to a process that died mid-send; a text 50 ms later is as prompt to a family as one at once.
 */
export function smsKind(keys: Keys, sms: SmsSender, log: { warn(obj: object, msg: string): void }): JobKind {
  return {
    kind: SMS_KIND,
    queue: smsOutboxQueue,
    concurrency: 1,
    batch: 100,
    maxAttempts: 3,
    backoffMs: exponentialBackoff(60_000),
    leaseMs: 300_000,
    kickDelayMs: 50,
    async run(jobs) {
      const errors: (string | null)[] = [];
      for (const job of jobs) {
        try {
          const phone = job.phoneCipher as Buffer | null;
          if (!phone) throw new Error('no phone for this recipient');
          await sms.send(decryptField(keys.piiEncryption, 'phone', phone), job.bodyZh as string);
          errors.push(null);
        } catch (e) {
          const error = e instanceof Error ? e.message : String(e);
          log.warn({ notification: job.id, error }, 'SMS not sent');
          errors.push(error);
        }
      }
      return errors;
    },
  };
}
