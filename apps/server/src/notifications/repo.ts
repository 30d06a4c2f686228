import type { Conn } from '../db/client.js';
import { columnsOf, type RowOf } from '../db/rows.js';
import { notifications } from '../db/schema.js';

const KEYS = ['id', 'topic', 'bodyZh', 'bodyEn', 'subjectKind', 'subjectId', 'createdAt', 'readAt'] as const;
export type NotificationRow = RowOf<typeof notifications, (typeof KEYS)[number]>;
const COLUMNS = columnsOf(notifications, KEYS);

/** Newest first; an inbox shows the latest few, not the history. */
const LIMIT = 50;

/** A resident's in-app messages (the resident scope shows only theirs; the filter says so too). */
export function findResidentMessages(tx: Conn, residentId: number): Promise<NotificationRow[]> {
  return tx.query<NotificationRow>(
    `SELECT ${COLUMNS} FROM notifications WHERE resident_id = $1 AND channel = 'inApp' ORDER BY id DESC LIMIT ${LIMIT}`,
    [residentId],
  );
}

/** Marks a resident's message read (once: a second call keeps the first time); false if it is not theirs. */
export async function markResidentMessageRead(tx: Conn, residentId: number, id: number): Promise<boolean> {
  const rows = await tx.query(
    'UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND resident_id = $2 RETURNING id',
    [id, residentId],
  );
  return rows.length > 0;
}

/**
 * Messages to a staff user: their department's or one of their roles' queue, or to them by name (a
 * special family's contact), in the scope's jurisdiction.
 */
export function findQueueMessages(
  tx: Conn,
  department: string | null,
  roles: readonly string[],
  userId: number,
): Promise<NotificationRow[]> {
  return tx.query<NotificationRow>(
    `SELECT ${COLUMNS} FROM notifications
      WHERE resident_id IS NULL AND channel = 'inApp' AND (department = $1 OR role = ANY ($2::text[]) OR user_id = $3)
      ORDER BY id DESC LIMIT ${LIMIT}`,
    [department, roles, userId],
  );
}
