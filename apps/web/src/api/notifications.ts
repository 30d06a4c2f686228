import { api } from './client';

/** A message to one of the user's queues (apps/server/src/notifications/schemas.ts); `body` is in the request's language. */
export type StaffNotification = {
  id: number;
  topic: string;
  body: string;
  subjectKind: string | null;
  subjectId: number | null;
  createdAt: string;
  read: boolean;
};

export function fetchNotifications(signal?: AbortSignal): Promise<{ items: StaffNotification[] }> {
  return api.get<{ items: StaffNotification[] }>('/api/notifications', signal);
}
