import { portalRoutes as r, type ResidentMe } from '@cradle/contract';
import { portal, setResidentCsrfToken } from './client';

function remember(me: ResidentMe): ResidentMe {
  setResidentCsrfToken(me.csrfToken);
  return me;
}

export const requestSignInCode = (phone: string) => portal.call(r.requestCode, { body: { phone } });

export const signInResident = async (phone: string, code: string) =>
  remember(await portal.call(r.signIn, { body: { phone, code } }));

export const fetchResidentMe = async (signal?: AbortSignal) => remember(await portal.call(r.me, {}, { signal }));

export async function signOutResident(): Promise<void> {
  try {
    await portal.call(r.signOut, {});
  } finally {
    setResidentCsrfToken(null);
  }
}

export const bindResident = async (name: string, idNumber: string) =>
  remember(await portal.call(r.bind, { body: { name, idNumber } }));

export async function fetchNotifications(signal?: AbortSignal) {
  const { items } = await portal.call(r.notifications, {}, { signal });
  return items;
}

export const markNotificationRead = (id: number) => portal.call(r.markRead, { params: { id } });
