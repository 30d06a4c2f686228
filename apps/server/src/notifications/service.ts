import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { commonError, pick, type Lang } from '../errors.js';
import type { SessionUser } from '../auth/index.js';
import { withResident } from '../portal/index.js';

interface Row {
  id: number;
  topic: string;
  body_zh: string;
  body_en: string;
  subject_kind: string | null;
  subject_id: number | null;
  created_at: Date;
  read_at: Date | null;
}

const LIMIT = 50;
const view = (lang: Lang) => (r: Row) => ({
  id: Number(r.id),
  topic: r.topic,
  body: pick({ zh: r.body_zh, en: r.body_en }, lang),
  subjectKind: r.subject_kind,
  subjectId: r.subject_id === null ? null : Number(r.subject_id),
  createdAt: new Date(r.created_at).toISOString(),
  read: r.read_at !== null,
});

const COLUMNS = 'id, topic, body_zh, body_en, subject_kind, subject_id, created_at, read_at';

export function createNotificationService(database: Database) {
  return {
    /** A resident's in-app messages, newest first. */
    async forResident(residentId: number, lang: Lang) {
      const rows = await withResident(database, residentId, (tx) =>
        tx.query<Row>(
          `SELECT ${COLUMNS} FROM notifications WHERE resident_id = $1 AND channel = 'inApp' ORDER BY id DESC LIMIT ${LIMIT}`,
          [residentId],
        ),
      );
      return rows.map(view(lang));
    },

    async markReadByResident(residentId: number, id: number): Promise<void> {
      const rows = await withResident(database, residentId, (tx) =>
        tx.query(
          'UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND resident_id = $2 RETURNING id',
          [id, residentId],
        ),
      );
      if (rows.length === 0) throw commonError('notFound');
    },

    /** Messages to the user's queues (their department's, their role's) in their jurisdiction. */
    async forUser(user: SessionUser, lang: Lang) {
      const rows = await withScope(database, user, (tx) =>
        tx.query<Row>(
          `SELECT ${COLUMNS} FROM notifications
            WHERE resident_id IS NULL AND channel = 'inApp' AND (department = $1 OR role = ANY ($2::text[]))
            ORDER BY id DESC LIMIT ${LIMIT}`,
          [user.department, user.roles],
        ),
      );
      return rows.map(view(lang));
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
