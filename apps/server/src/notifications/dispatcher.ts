import type { Database } from '../db/client.js';
import type { Keys } from '../crypto/keys.js';
import { decryptField } from '../crypto/pii.js';
import type { SmsSender } from '../portal/index.js';

interface Claimed {
  id: number;
  body_zh: string;
  phone_cipher: Buffer | null;
}

// A message the sender refuses three times is left as failed, with the error, for an operator.
const MAX_ATTEMPTS = 3;
const BATCH = 100;
// Our readings: a refused message waits a minute per attempt so far; a claim older than five
// minutes belongs to a dispatcher that died mid-send, and its rows go back to pending.
const BACKOFF_SECONDS = 60;
const STALE_CLAIM_SECONDS = 300;
// Our reading: a text message 50 ms later is as prompt to a family as one at once.
const KICK_DELAY_MS = 50;

/**
 * Sends the outbox's pending text messages. Runs after each commit that wrote some (kick) and on
 * a timer for anything left behind. Rows are claimed in one short statement and sent after it
 * commits, so a slow gateway holds no lock and no connection; results are written in a second
 * statement. Operator queues get in-app messages only, so every SMS here goes to a resident.
 */
export function createNotificationDispatcher(
  database: Database,
  keys: Keys,
  sms: SmsSender,
  log: { warn(obj: object, msg: string): void },
) {
  let running: Promise<number> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let kickTimer: NodeJS.Timeout | null = null;
  let sweepNext = false;
  let againSweep = false;
  let stopped = false;

  /** Claims due rows; the sweep also re-queues stale claims (on the timer, not after every commit). */
  async function claim(sweep: boolean): Promise<Claimed[]> {
    if (sweep)
      await database.query(
        `UPDATE notifications SET status = 'pending' WHERE channel = 'sms' AND status = 'sending' AND claimed_at < now() - make_interval(secs => ${STALE_CLAIM_SECONDS})`,
      );
    return database.query<Claimed>(
      `WITH next AS (
         SELECT id FROM notifications
          WHERE channel = 'sms' AND status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= now())
          ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
       UPDATE notifications n SET status = 'sending', claimed_at = now(), attempts = n.attempts + 1
         FROM next WHERE n.id = next.id
       RETURNING n.id, n.body_zh, (SELECT r.phone_cipher FROM residents r WHERE r.id = n.resident_id) AS phone_cipher`,
    );
  }

  async function sendBatch(sweep: boolean): Promise<number> {
    let sent = 0;
    for (;;) {
      const rows = await claim(sweep);
      const results: { id: number; error: string | null }[] = [];
      for (const row of rows) {
        try {
          if (!row.phone_cipher) throw new Error('no phone for this recipient');
          await sms.send(decryptField(keys.piiEncryption, 'phone', row.phone_cipher), row.body_zh);
          results.push({ id: Number(row.id), error: null });
          sent++;
        } catch (e) {
          const error = e instanceof Error ? e.message : String(e);
          log.warn({ notification: row.id, error }, 'SMS not sent');
          results.push({ id: Number(row.id), error });
        }
      }
      if (results.length > 0) {
        await database.query(
          `UPDATE notifications n SET
             status = CASE WHEN r.error IS NULL THEN 'sent' WHEN n.attempts >= ${MAX_ATTEMPTS} THEN 'failed' ELSE 'pending' END,
             sent_at = CASE WHEN r.error IS NULL THEN now() END,
             last_error = r.error,
             next_attempt_at = CASE WHEN r.error IS NULL THEN NULL ELSE now() + make_interval(secs => ${BACKOFF_SECONDS} * n.attempts) END
           FROM unnest($1::bigint[], $2::text[]) AS r(id, error) WHERE n.id = r.id`,
          [results.map((r) => r.id), results.map((r) => r.error)],
        );
      }
      if (rows.length < BATCH) return sent;
    }
  }

  const dispatcher = {
    /** Sends what is pending now; concurrent calls share one run and trigger one more after it. */
    async runOnce(sweep = true): Promise<number> {
      if (running) {
        again = true;
        // A sweep asked for during a run is not lost: the run after it sweeps.
        againSweep ||= sweep;
        return running;
      }
      running = (async () => {
        let total = 0;
        let sweepNow = sweep;
        do {
          again = false;
          total += await sendBatch(sweepNow);
          sweepNow = againSweep;
          againSweep = false;
        } while (again as boolean); // set again by a kick during the await
        return total;
      })().finally(() => {
        running = null;
      });
      return running;
    },
    /**
     * Sends soon: kicks within KICK_DELAY_MS share one run, so under load one claim and one update
     * serve many commits (two round trips a write otherwise: the issue-4 load measured them).
     */
    kick(sweep = false): void {
      // After stop() the database may be closing: what is pending waits for the next start's sweep.
      if (stopped) return;
      sweepNext ||= sweep;
      kickTimer ??= setTimeout(() => {
        kickTimer = null;
        const s = sweepNext;
        sweepNext = false;
        dispatcher.runOnce(s).catch((e: unknown) => log.warn({ error: String(e) }, 'notification dispatch failed'));
      }, KICK_DELAY_MS);
    },
    /** The sweep for messages left behind; 0 turns it off (tests drive runOnce themselves). */
    start(intervalMs = 30_000): void {
      stopped = false;
      if (intervalMs <= 0) return;
      timer ??= setInterval(() => dispatcher.kick(true), intervalMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      if (kickTimer) {
        // What a last commit asked to send goes now, not at the next start's sweep.
        clearTimeout(kickTimer);
        kickTimer = null;
        const s = sweepNext;
        sweepNext = false;
        await dispatcher
          .runOnce(s)
          .catch((e: unknown) => log.warn({ error: String(e) }, 'notification dispatch failed'));
      }
      await running?.catch(() => undefined);
    },
  };
  return dispatcher;
}

export type NotificationDispatcher = ReturnType<typeof createNotificationDispatcher>;
