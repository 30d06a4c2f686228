import type { NotificationList } from '@cradle/contract';
import { api } from './client';

export function fetchNotifications(signal?: AbortSignal): Promise<NotificationList> {
  return api.get<NotificationList>('/api/notifications', signal);
}
