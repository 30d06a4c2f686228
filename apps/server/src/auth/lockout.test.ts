import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, freshTotp, login, type TestApp } from '../test/app.js';
import { DEMO_PASSWORD } from '../demo/index.js';
import { HARD_LOCK_FAILURES } from './lockout.js';

let t: TestApp;
beforeAll(async () => (t = await createTestApp(300)));
afterAll(() => t.close());

let client = 0;
const fresh = () => `192.0.2.${++client}`;
const post = (payload: object, remoteAddress: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload, headers, remoteAddress });
const totpOf = (username: string) => freshTotp(t, username, t.users.find((u) => u.username === username)!.totpSecret!);
/** Moves an address's last failure into the past, as if its delay had been waited out. */
const waitOut = (username: string, seconds: number) =>
  t.database.query(
    `UPDATE sign_in_failures SET last_failed_at = last_failed_at - make_interval(secs => $2) WHERE subject = $1`,
    [`user:${username}`, seconds],
  );

describe('guessing is slowed per account and address, not locked out', () => {
  it("does not let an attacker's five wrong passwords stop the administrator at another address", async () => {
    const attacker = fresh();
    for (let i = 0; i < 5; i++)
      expect((await post({ username: 'county', password: 'guess' }, attacker)).statusCode).toBe(401);
    const slowed = await post({ username: 'county', password: 'guess' }, attacker);
    expect(slowed.statusCode).toBe(429);
    const ok = await post({ username: 'county', password: DEMO_PASSWORD, totp: totpOf('county') }, fresh());
    expect(ok.statusCode).toBe(200);
  });

  it('delays an address after five failures, names the wait, and refuses even the right password then', async () => {
    const office = fresh();
    for (let i = 0; i < 4; i++)
      expect((await post({ username: 'township2', password: 'bad' }, office)).json().details).toBeUndefined();
    const fifth = await post({ username: 'township2', password: 'bad' }, office, { 'accept-language': 'en' });
    expect(fifth.statusCode).toBe(401);
    expect(fifth.json()).toMatchObject({
      code: 'auth.invalidCredentials',
      message: 'Wrong username or password; try again in 2 s',
      details: { retryAfterSeconds: 2 },
    });
    const right = await post({ username: 'township2', password: DEMO_PASSWORD }, office);
    expect(right.statusCode).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect(right.json()).toMatchObject({ code: 'auth.delayed', details: { retryAfterSeconds: expect.any(Number) } });
    expect(right.json().message).toMatch(/^登录失败次数过多，请稍后再试；请 \d+ 秒后再试$/);
    // The delay grows: the sixth failure, once the first wait is over, asks for 4 seconds.
    await waitOut('township2', 3);
    expect((await post({ username: 'township2', password: 'bad' }, office)).json().details).toEqual({
      retryAfterSeconds: 4,
    });
    await waitOut('township2', 5);
    expect((await post({ username: 'township2', password: DEMO_PASSWORD }, office)).statusCode).toBe(200);
    // A good sign-in forgets that address's failures.
    expect((await post({ username: 'township2', password: 'bad' }, office)).json().details).toBeUndefined();
  });

  it('lets no more than five of a burst of parallel guesses from one address reach the password check', async () => {
    const address = fresh();
    const results = await Promise.all(
      Array.from({ length: 12 }, () => post({ username: 'hospital', password: 'guess' }, address)),
    );
    expect(results.filter((r) => r.statusCode === 401)).toHaveLength(5);
    expect(results.filter((r) => r.statusCode === 429)).toHaveLength(7);
  });

  it('answers an unknown, a locked and a disabled account byte for byte alike, delays included', async () => {
    await t.database.query("UPDATE users SET locked_until = now() + interval '1 hour' WHERE username = 'leader'");
    await t.database.query("UPDATE users SET active = false WHERE username = 'township'");
    const answers = async (username: string, password: string) => {
      const address = fresh();
      const out: string[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await post({ username, password }, address);
        out.push(`${res.statusCode} ${res.headers['retry-after'] ?? '-'} ${res.body}`);
      }
      return out;
    };
    const unknown = await answers('no-such-user', DEMO_PASSWORD);
    expect(unknown[0]).toBe('401 - {"code":"auth.invalidCredentials","message":"用户名或密码错误"}');
    expect(unknown[5]).toMatch(/^429 \d /);
    // The right password of a locked or a disabled account gets the unknown user's answers.
    expect(await answers('leader', DEMO_PASSWORD)).toEqual(unknown);
    expect(await answers('township', DEMO_PASSWORD)).toEqual(unknown);
    expect(await answers('leader', 'wrong')).toEqual(unknown);
    await t.database.query(
      "UPDATE users SET locked_until = NULL, active = true WHERE username IN ('leader', 'township')",
    );
  });
});

describe('the per-address limit', () => {
  it('lets an office of thirty behind one address sign in within a minute', async () => {
    const office = fresh();
    for (let i = 1; i <= 31; i++) {
      const res = await post({ username: 'village', password: DEMO_PASSWORD }, office);
      expect(res.statusCode, `sign-in ${i}`).toBe(200);
    }
  });

  it('says how long to wait when it applies, in Retry-After and the message', async () => {
    const address = fresh();
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++)
      statuses.push((await post({ username: `ghost${i}`, password: 'x' }, address)).statusCode);
    expect(statuses.every((s) => s === 401)).toBe(true);
    const limited = await post({ username: 'ghost-last', password: 'x' }, address, { 'accept-language': 'en' });
    expect(limited.statusCode).toBe(429);
    const seconds = Number(limited.headers['retry-after']);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(limited.json()).toEqual({
      code: 'rateLimited',
      message: `Too many requests; try again in ${seconds} s`,
      details: { retryAfterSeconds: seconds },
    });
  });
});

describe('the hard lock', () => {
  // One county session for the block: each sign-in spends a TOTP step (codes are accepted once),
  // and a file that signs the administrator in more often than freshTotp has steps fails.
  let countySession: ReturnType<typeof login> | undefined;
  const county = () => (countySession ??= login(t, 'county'));

  it('locks after many failures across addresses, ends the sessions, and an administrator lifts it (audited)', async () => {
    const session = await login(t, 'township2');
    const [user] = await t.database.query<{ id: number }>("SELECT id FROM users WHERE username = 'township2'");
    const id = Number(user!.id);
    // As if nine addresses had spent their shares: the tenth address's failures reach the count.
    await t.database.query('UPDATE users SET failed_logins = $2 WHERE id = $1', [id, HARD_LOCK_FAILURES - 1]);
    expect((await post({ username: 'township2', password: 'bad' }, fresh())).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', ...as(session) })).statusCode).toBe(401);
    const locked = await post({ username: 'township2', password: DEMO_PASSWORD }, fresh());
    expect(locked.body).toBe('{"code":"auth.invalidCredentials","message":"用户名或密码错误"}');

    const township = await login(t, 'township');
    const refused = await t.app.inject({ method: 'POST', url: `/api/users/${id}/unlock`, ...as(township) });
    expect(refused.statusCode).toBe(403);
    const admin = await county();
    const unlocked = await t.app.inject({ method: 'POST', url: `/api/users/${id}/unlock`, ...as(admin) });
    expect(unlocked.statusCode).toBe(204);
    expect((await post({ username: 'township2', password: DEMO_PASSWORD }, fresh())).statusCode).toBe(200);

    const audit = await t.app.inject({ method: 'GET', url: '/api/audit?pageSize=200', ...as(admin) });
    const actions = (audit.json().items as { action: string; targetId: string | null }[])
      .filter((e) => e.targetId === String(id))
      .map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.lock', 'auth.unlock']));
  });

  it('answers an unlock of no such user, or one outside the jurisdiction, as not found', async () => {
    const admin = await county();
    const res = await t.app.inject({ method: 'POST', url: '/api/users/999999/unlock', ...as(admin) });
    expect(res.statusCode).toBe(404);
  });
});
