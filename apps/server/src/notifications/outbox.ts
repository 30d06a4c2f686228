import type { Message } from '@cradle/domain';
import { sqlValue, type Conn } from '../db/client.js';

export type Channel = 'inApp' | 'sms';

/** To a resident, or to an operator queue: a department's or a role's, in a region. */
export type Recipient = { residentId: number } | { department: string } | { role: string } | { userId: number };

export interface OutgoingNotification {
  recipient: Recipient;
  regionCode: string;
  channels: Channel[];
  topic: string;
  subject?: { kind: string; id: number };
  body: Message;
}

/**
 * Writes notifications in the caller's transaction, the one that changed the state they report
 * (any scoped caller may insert one, a family's for operator queues too: migration 0016):
 * a message is sent if and only if the change committed (the outbox pattern). In-app messages
 * are delivered by being stored; SMS ones wait for the dispatcher.
 */
export async function enqueueNotifications(tx: Conn, list: OutgoingNotification[]): Promise<void> {
  const rows = list.flatMap((n) =>
    n.channels.map((channel) => {
      const r = n.recipient;
      const inApp = channel === 'inApp';
      return `(${[
        'residentId' in r ? r.residentId : null,
        'department' in r ? r.department : null,
        'role' in r ? r.role : null,
        'userId' in r ? r.userId : null,
        n.regionCode,
        channel,
        n.topic,
        n.subject?.kind ?? null,
        n.subject?.id ?? null,
        n.body.zh,
        n.body.en,
        inApp ? 'sent' : 'pending',
      ]
        .map(sqlValue)
        .join(', ')}, ${inApp ? 'now()' : 'NULL'})`;
    }),
  );
  if (rows.length === 0) return;
  // Nothing reads them back in the transaction: in one with COMMIT (db/client.ts), a round trip
  // less for every family action; literals escaped as the audit entries' are.
  const sql = `INSERT INTO notifications (resident_id, department, role, user_id, region_code, channel, topic, subject_kind, subject_id, body_zh, body_en, status, sent_at)
     VALUES ${rows.join(', ')}`;
  if (tx.beforeCommit) tx.beforeCommit(sql);
  else await tx.query(sql);
}
