import type { TestApp } from './app.js';

export interface ResidentSession {
  cookie: string;
  csrf: string;
  residentId: number;
}

/** Signs a resident in through the portal's two steps, from a fresh client address. */
export async function residentSignIn(t: TestApp, phone: string): Promise<ResidentSession> {
  const remoteAddress = `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const sent = await t.app.inject({ method: 'POST', url: '/api/portal/code', remoteAddress, payload: { phone } });
  if (sent.statusCode !== 204) throw new Error(`code for ${phone} failed: ${sent.statusCode} ${sent.body}`);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/portal/sign-in',
    remoteAddress,
    payload: { phone, code: t.sms.lastCode(phone) },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in ${phone} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'cradle_resident');
  return { cookie: `cradle_resident=${cookie!.value}`, csrf: res.json().csrfToken, residentId: res.json().resident.id };
}

export function asResident(s: ResidentSession, extra: Record<string, string> = {}) {
  return { headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...extra } };
}
