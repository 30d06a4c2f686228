import type { Notification, NotificationList, ResidentMe } from '@cradle/contract';
import { portalApi, setResidentCsrfToken } from './portalClient';

function remember(me: ResidentMe): ResidentMe {
  setResidentCsrfToken(me.csrfToken);
  return me;
}

export function requestSignInCode(phone: string): Promise<void> {
  return portalApi.post<void>('/api/portal/code', { phone });
}

export async function signInResident(phone: string, code: string): Promise<ResidentMe> {
  return remember(await portalApi.post<ResidentMe>('/api/portal/sign-in', { phone, code }));
}

export async function fetchResidentMe(signal?: AbortSignal): Promise<ResidentMe> {
  return remember(await portalApi.get<ResidentMe>('/api/portal/me', signal));
}

export async function signOutResident(): Promise<void> {
  try {
    await portalApi.post<void>('/api/portal/sign-out');
  } finally {
    setResidentCsrfToken(null);
  }
}

export async function bindResident(name: string, idNumber: string): Promise<ResidentMe> {
  return remember(await portalApi.post<ResidentMe>('/api/portal/binding', { name, idNumber }));
}

export async function fetchNotifications(signal?: AbortSignal): Promise<Notification[]> {
  const { items } = await portalApi.get<NotificationList>('/api/portal/notifications', signal);
  return items;
}

export function markNotificationRead(id: number): Promise<void> {
  return portalApi.post<void>(`/api/portal/notifications/${id}/read`);
}
