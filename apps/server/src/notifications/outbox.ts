import type { Message } from '@cradle/domain';
import type { Conn } from '../db/client.js';

export type Channel = 'inApp' | 'sms';

/** To a resident, or to an operator queue: a department's or a role's, in a region. */
export type Recipient = { residentId: number } | { department: string } | { role: string };

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
  const rows = list.flatMap((n) => n.channels.map((channel) => ({ n, channel })));
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO notifications (resident_id, department, role, region_code, channel, topic, subject_kind, subject_id, body_zh, body_en, status, sent_at)
     SELECT r.resident_id, r.department, r.role, r.region_code, r.channel, r.topic, r.subject_kind, r.subject_id, r.body_zh, r.body_en,
            CASE WHEN r.channel = 'inApp' THEN 'sent' ELSE 'pending' END, CASE WHEN r.channel = 'inApp' THEN now() END
     FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::text[], $10::text[])
       AS r(resident_id, department, role, region_code, channel, topic, subject_kind, subject_id, body_zh, body_en)`,
    [
      rows.map(({ n }) => ('residentId' in n.recipient ? n.recipient.residentId : null)),
      rows.map(({ n }) => ('department' in n.recipient ? n.recipient.department : null)),
      rows.map(({ n }) => ('role' in n.recipient ? n.recipient.role : null)),
      rows.map(({ n }) => n.regionCode),
      rows.map(({ channel }) => channel),
      rows.map(({ n }) => n.topic),
      rows.map(({ n }) => n.subject?.kind ?? null),
      rows.map(({ n }) => n.subject?.id ?? null),
      rows.map(({ n }) => n.body.zh),
      rows.map(({ n }) => n.body.en),
    ],
  );
}
