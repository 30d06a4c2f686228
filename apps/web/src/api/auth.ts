import type { LoginBody, Me, Session, SystemInfo } from '@cradle/contract';
import { api, setCsrfToken } from './client';

export async function login(request: LoginBody): Promise<Me> {
  const session = await api.post<Session>('/api/auth/login', request);
  setCsrfToken(session.csrfToken);
  return session.user;
}

export async function fetchMe(signal?: AbortSignal): Promise<Me> {
  const session = await api.get<Session>('/api/auth/me', signal);
  setCsrfToken(session.csrfToken);
  return session.user;
}

export async function logout(): Promise<void> {
  try {
    await api.post<void>('/api/auth/logout');
  } finally {
    setCsrfToken(null);
  }
}

export function fetchSystemInfo(signal?: AbortSignal): Promise<SystemInfo> {
  return api.get<SystemInfo>('/api/system/info', signal);
}
