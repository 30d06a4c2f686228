import type { StaffNotification } from './notifications';
import { portalApi, setResidentCsrfToken } from './portalClient';

// Mirrors apps/server/src/portal/schemas.ts and notifications/schemas.ts.

export type FamilyMember = {
  personId: number;
  name: string;
  sex: 'male' | 'female';
  /** Only for the resident themself; relatives show their age. */
  birthDate: string | null;
  age: number;
  idMasked: string;
  deceased: boolean;
  hukouRegion: string;
  residenceRegion: string;
};

export type Family = { self: FamilyMember; spouse: FamilyMember | null; children: FamilyMember[] };

export type ResidentMe = {
  resident: { id: number; phoneMasked: string; bound: boolean };
  csrfToken: string;
  /** The registry's record of the resident and their family, once bound. */
  family: Family | null;
};

/** The same message shape as staff's, to the resident's own queue. */
export type PortalNotification = StaffNotification;

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

export async function fetchNotifications(signal?: AbortSignal): Promise<PortalNotification[]> {
  const { items } = await portalApi.get<{ items: PortalNotification[] }>('/api/portal/notifications', signal);
  return items;
}

export function markNotificationRead(id: number): Promise<void> {
  return portalApi.post<void>(`/api/portal/notifications/${id}/read`);
}
