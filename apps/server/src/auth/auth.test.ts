import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, freshTotp, login, as, type TestApp } from '../test/app.js';
import { DEMO_PASSWORD } from '../demo/index.js';

let t: TestApp;
beforeAll(async () => (t = await createTestApp(300)));
afterAll(() => t.close());

let client = 0;
const post = (payload: object, headers: Record<string, string> = {}, remoteAddress = `192.0.2.${++client}`) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload, headers, remoteAddress });

describe('sign-in', () => {
  it('signs a township worker in with a password and returns their jurisdiction', async () => {
    const res = await post({ username: 'township', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({
      username: 'township',
      roles: ['townshipWorker'],
      jurisdiction: { code: '533423101', name: '保和镇', level: 'township' },
    });
    const cookie = res.cookies.find((c) => c.name === 'cradle_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  });

  it('asks an administrator for a TOTP code, then accepts the right one', async () => {
    const first = await post({ username: 'county', password: DEMO_PASSWORD });
    expect(first.statusCode).toBe(401);
    expect(first.json().code).toBe('auth.totpRequired');
    const secret = t.users.find((u) => u.username === 'county')!.totpSecret!;
    const code = freshTotp(t, 'county', secret);
    const ok = await post({ username: 'county', password: DEMO_PASSWORD, totp: code });
    expect(ok.statusCode).toBe(200);
    // The same code a second time is a replay.
    const replay = await post({ username: 'county', password: DEMO_PASSWORD, totp: code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('auth.totpInvalid');
  });

  it('does not let an encoded path walk around the session check', async () => {
    const s = await login(t, 'township');
    for (const url of ['/%61pi/audit', '/%61%70%69/audit', '/api/%61udit']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
      expect([403, 404], url).toContain(res.statusCode);
    }
    const leader = await login(t, 'leader');
    const write = await t.app.inject({
      method: 'POST',
      url: '/%61pi/audit/verify',
      headers: { cookie: leader.cookie },
    });
    expect([403, 404]).toContain(write.statusCode);
    const anonymous = await t.app.inject({ method: 'GET', url: '/%61pi/persons' });
    expect([401, 404]).toContain(anonymous.statusCode);
  });

  it('answers in English when the console asks for English', async () => {
    const res = await post({ username: 'township', password: 'wrong' }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'auth.invalidCredentials', message: 'Wrong username or password' });
    const zh = await post({ username: 'nobody', password: 'wrong' });
    expect(zh.json().message).toBe('用户名或密码错误');
  });

  it('rejects a request with no session, and a write without the CSRF token', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/persons' })).statusCode).toBe(401);
    const s = await login(t, 'township');
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/persons/1/reveal',
      payload: { reason: 'check' },
      headers: { cookie: s.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf.invalid');
  });

  it('expires a session after the idle timeout', async () => {
    const s = await login(t, 'village');
    await t.database.query("UPDATE sessions SET last_seen_at = now() - interval '31 minutes'");
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', ...as(s) });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.sessionExpired');
  });

  it('keeps a leader read-only and ends the session on logout', async () => {
    const s = await login(t, 'leader');
    expect((await t.app.inject({ method: 'GET', url: '/api/dashboard', ...as(s) })).statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/persons/1/reveal', payload: { reason: 'look' }, ...as(s) }))
        .statusCode,
    ).toBe(403);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', ...as(s) });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', ...as(s) })).statusCode).toBe(401);
  });

  it('records sign-ins, successful and failed, in the audit log', async () => {
    const rows = await t.database.query<{ outcome: string; n: number }>(
      "SELECT outcome, count(*)::int AS n FROM audit_log WHERE action = 'auth.login' GROUP BY outcome",
    );
    const by = Object.fromEntries(rows.map((r) => [r.outcome, Number(r.n)]));
    expect(by.success).toBeGreaterThan(0);
    expect(by.failure).toBeGreaterThan(0);
  });
});
