import { staffRoutes as r, type LoginBody, type Me } from '@cradle/contract';
import { setCsrfToken, staff } from './client';

export async function login(body: LoginBody): Promise<Me> {
  const session = await staff.call(r.login, { body });
  setCsrfToken(session.csrfToken);
  return session.user;
}

export async function fetchMe(signal?: AbortSignal): Promise<Me> {
  const session = await staff.call(r.me, {}, { signal });
  setCsrfToken(session.csrfToken);
  return session.user;
}

export async function logout(): Promise<void> {
  try {
    await staff.call(r.logout, {});
  } finally {
    setCsrfToken(null);
  }
}

export const fetchSystemInfo = (signal?: AbortSignal) => staff.call(r.systemInfo, {}, { signal });
