import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { commonError, pick, type Lang } from '../errors.js';
import type { SessionUser } from '../auth/index.js';
import { withResident } from '../portal/index.js';
import { findQueueMessages, findResidentMessages, markResidentMessageRead, type NotificationRow } from './repo.js';

const view = (lang: Lang) => (r: NotificationRow) => ({
  id: Number(r.id),
  topic: r.topic,
  body: pick({ zh: r.bodyZh, en: r.bodyEn }, lang),
  subjectKind: r.subjectKind,
  subjectId: r.subjectId === null ? null : Number(r.subjectId),
  createdAt: new Date(r.createdAt).toISOString(),
  read: r.readAt !== null,
});

export function createNotificationService(database: Database) {
  return {
    /** A resident's in-app messages, newest first. */
    async forResident(residentId: number, lang: Lang) {
      const rows = await withResident(database, residentId, (tx) => findResidentMessages(tx, residentId));
      return rows.map(view(lang));
    },

    async markReadByResident(residentId: number, id: number): Promise<void> {
      const marked = await withResident(database, residentId, (tx) => markResidentMessageRead(tx, residentId, id));
      if (!marked) throw commonError('notFound');
    },

    /** Messages to the user's queues (their department's, their role's) in their jurisdiction. */
    async forUser(user: SessionUser, lang: Lang) {
      const rows = await withScope(database, user, (tx) => findQueueMessages(tx, user.department, user.roles, user.id));
      return rows.map(view(lang));
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
