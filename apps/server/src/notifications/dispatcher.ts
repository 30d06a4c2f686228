import type { Database } from '../db/client.js';
import type { Keys } from '../crypto/keys.js';
import { decryptField } from '../crypto/pii.js';
import type { SmsSender } from '../portal/sms.js';

interface PendingSms {
  id: number;
  body_zh: string;
  phone_cipher: Buffer | null;
}

// A message the sender refuses three times is left as failed, with the error, for an operator.
const MAX_ATTEMPTS = 3;
const BATCH = 100;

/**
 * Sends the outbox's pending text messages. Runs after each commit that wrote some (kick) and on
 * a timer for anything left behind by a crash or a failed send. Operator queues get in-app
 * messages only, so every SMS here goes to a resident's phone.
 */
export function createNotificationDispatcher(database: Database, keys: Keys, sms: SmsSender, log: { warn(obj: object, msg: string): void }) {
  let running: Promise<number> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  async function sendBatch(): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await database.transaction(async (tx) => {
        const rows = await tx.query<PendingSms>(
          `SELECT n.id, n.body_zh, r.phone_cipher FROM notifications n LEFT JOIN residents r ON r.id = n.resident_id
            WHERE n.channel = 'sms' AND n.status = 'pending' ORDER BY n.id LIMIT ${BATCH} FOR UPDATE OF n SKIP LOCKED`,
        );
        for (const row of rows) {
          try {
            if (!row.phone_cipher) throw new Error('no phone for this recipient');
            await sms.send(decryptField(keys.piiEncryption, 'phone', row.phone_cipher), row.body_zh);
            await tx.query("UPDATE notifications SET status = 'sent', sent_at = now(), attempts = attempts + 1 WHERE id = $1", [row.id]);
            sent++;
          } catch (e) {
            const error = e instanceof Error ? e.message : String(e);
            log.warn({ notification: row.id, error }, 'SMS not sent');
            await tx.query(
              `UPDATE notifications SET attempts = attempts + 1, last_error = $2,
                 status = CASE WHEN attempts + 1 >= ${MAX_ATTEMPTS} THEN 'failed' ELSE 'pending' END WHERE id = $1`,
              [row.id, error],
            );
          }
        }
        return rows.length;
      });
      if (batch < BATCH) return sent;
    }
  }

  const dispatcher = {
    /** Sends what is pending now; concurrent calls share one run and trigger one more after it. */
    async runOnce(): Promise<number> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        let total = 0;
        do {
          again = false;
          total += await sendBatch();
        } while (again);
        return total;
      })().finally(() => {
        running = null;
      });
      return running;
    },
    kick(): void {
      dispatcher.runOnce().catch((e: unknown) => log.warn({ error: String(e) }, 'notification dispatch failed'));
    },
    start(intervalMs = 30_000): void {
      timer ??= setInterval(() => dispatcher.kick(), intervalMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
  return dispatcher;
}

export type NotificationDispatcher = ReturnType<typeof createNotificationDispatcher>;
