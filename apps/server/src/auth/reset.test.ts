import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPasswordComplexity } from '@cradle/domain';
import { as, createTestApp, login, type Session, type TestApp } from '../test/app.js';
import { DEMO_PASSWORD } from '../demo/index.js';
import { createUser } from './users.js';
import { totpAt } from './totp.js';

// Issue 12: an administrator resets a user's password or two-factor, with their own fresh code,
// audited; never their own, and a county administrator never an administrator's.

let t: TestApp;
let admin: Session;
let county: Session;
beforeAll(async () => {
  t = await createTestApp(300);
  admin = await login(t, 'admin');
  county = await login(t, 'county');
});
afterAll(() => t.close());

let client = 0;
const signIn = (payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload, remoteAddress: `198.51.100.${++client}` });
const idOf = async (username: string) =>
  Number((await t.database.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username]))[0]!.id);
const secretOf = (username: string) => t.users.find((u) => u.username === username)!.totpSecret!;
/**
 * A code the server accepts now: the last accepted step is forgotten first (codes are good once,
 * and this file spends more of an administrator's codes than one 30-second window has).
 */
const codeOf = async (username: string, secret = secretOf(username)) => {
  await t.database.query('UPDATE users SET totp_last_step = NULL WHERE username = $1', [username]);
  return totpAt(secret, Date.now());
};
const reset = (s: Session, id: number, what: 'reset-password' | 'reset-two-factor', totp: string | undefined) =>
  t.app.inject({
    method: 'POST',
    url: `/api/users/${id}/${what}`,
    payload: { totp },
    ...as(s, { 'accept-language': 'en' }),
  });
const auditOf = async (id: number) =>
  t.database.query<{ action: string; outcome: string; username: string }>(
    'SELECT action, outcome, username FROM audit_log WHERE target_type = $1 AND target_id = $2 ORDER BY seq',
    ['user', String(id)],
  );

describe('resetting a password', () => {
  it('sets a one-time password shown once, refuses the old one, ends sessions, lifts a lock (audited)', async () => {
    const id = await idOf('township2');
    const session = await login(t, 'township2');
    await t.database.query("UPDATE users SET locked_until = now() + interval '1 day' WHERE id = $1", [id]);
    const res = await reset(county, id, 'reset-password', await codeOf('county'));
    expect(res.statusCode).toBe(200);
    const { temporaryPassword } = res.json<{ temporaryPassword: string }>();
    expect(checkPasswordComplexity(temporaryPassword, 'township2')).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', ...as(session) })).statusCode).toBe(401);
    expect((await signIn({ username: 'township2', password: DEMO_PASSWORD })).statusCode).toBe(401);
    expect((await signIn({ username: 'township2', password: temporaryPassword })).statusCode).toBe(200);
    expect(await auditOf(id)).toContainEqual({ action: 'user.resetPassword', outcome: 'success', username: 'county' });
    // The password is not kept in the audit log.
    const logged = await t.database.query('SELECT 1 FROM audit_log WHERE details::text LIKE $1', [
      `%${temporaryPassword}%`,
    ]);
    expect(logged).toHaveLength(0);
  });

  it("refuses without the administrator's fresh code, audited, and changes nothing", async () => {
    const id = await idOf('village');
    const res = await reset(county, id, 'reset-password', '000000');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'user.stepUpInvalid' });
    expect((await signIn({ username: 'village', password: DEMO_PASSWORD })).statusCode).toBe(200);
    expect(await auditOf(id)).toContainEqual({ action: 'user.resetPassword', outcome: 'denied', username: 'county' });
    const schema = await reset(county, id, 'reset-password', undefined);
    expect(schema.statusCode).toBe(400);
  });

  it('refuses one’s own account and, for a county administrator, an administrator’s', async () => {
    const self = await reset(county, await idOf('county'), 'reset-password', await codeOf('county'));
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({ code: 'user.resetSelf' });
    const higher = await reset(county, await idOf('admin'), 'reset-password', await codeOf('county'));
    expect(higher.statusCode).toBe(403);
    expect(higher.json()).toMatchObject({
      code: 'user.resetAdministrator',
      message: "A county administrator cannot reset an administrator's account; ask the system administrator",
    });
    expect(await auditOf(await idOf('admin'))).toContainEqual({
      action: 'user.resetPassword',
      outcome: 'denied',
      username: 'county',
    });
    // The system administrator may reset the county administrator's.
    const byAdmin = await reset(admin, await idOf('county'), 'reset-password', await codeOf('admin'));
    expect(byAdmin.statusCode).toBe(200);
    await t.database.query(
      'UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE username = $1) WHERE username = $2',
      ['admin', 'county'],
    );
    await codeOf('county');
    county = await login(t, 'county');
  });

  it('answers a user outside the jurisdiction, or none, as not found; other roles are refused', async () => {
    await createUser(
      t.database,
      t.keys,
      {
        username: 'elsewhere',
        displayName: '外县',
        roles: ['townshipWorker'],
        jurisdiction: '533421101',
        department: null,
        totpSecret: null,
      },
      DEMO_PASSWORD,
    );
    const outside = await reset(county, await idOf('elsewhere'), 'reset-password', await codeOf('county'));
    expect(outside.statusCode).toBe(404);
    expect((await reset(county, 999999, 'reset-password', await codeOf('county'))).statusCode).toBe(404);
    const township = await login(t, 'township');
    expect((await reset(township, await idOf('village'), 'reset-password', '123456')).statusCode).toBe(403);
  });
});

describe('resetting two-factor', () => {
  it('replaces the secret, shown once; the old code is refused, the new one signs in (audited)', async () => {
    const id = await idOf('finance');
    const old = t.users.find((u) => u.username === 'finance')!.totpSecret!;
    const res = await reset(admin, id, 'reset-two-factor', await codeOf('admin'));
    expect(res.statusCode).toBe(200);
    const { secret, otpauthUri } = res.json<{ secret: string; otpauthUri: string }>();
    expect(secret).not.toBe(old);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(await auditOf(id)).toContainEqual({ action: 'user.resetTwoFactor', outcome: 'success', username: 'admin' });
  });

  it('ends the sessions of an administrator whose two-factor is reset, who then signs in with the new code', async () => {
    const id = await idOf('county');
    const res = await reset(admin, id, 'reset-two-factor', await codeOf('admin'));
    expect(res.statusCode).toBe(200);
    const { secret } = res.json<{ secret: string }>();
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', ...as(county) })).statusCode).toBe(401);
    const oldCode = await signIn({ username: 'county', password: DEMO_PASSWORD, totp: await codeOf('county') });
    expect(oldCode.statusCode).toBe(401);
    const newCode = await signIn({ username: 'county', password: DEMO_PASSWORD, totp: totpAt(secret, Date.now()) });
    expect(newCode.statusCode).toBe(200);
  });

  it('refuses a user whose roles hold no secret', async () => {
    const res = await reset(admin, await idOf('village'), 'reset-two-factor', await codeOf('admin'));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'user.noTwoFactor' });
  });
});

describe('the user list', () => {
  it("lists the accounts within the administrator's jurisdiction, without secrets", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/users', ...as(admin) });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { username: string }[];
    expect(items.map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'county', 'village']));
    expect(items.map((u) => u.username)).not.toContain('elsewhere');
    expect(res.json().items).toContainEqual(
      expect.objectContaining({ username: 'admin', jurisdiction: expect.objectContaining({ code: '533423' }) }),
    );
    expect(res.body).not.toMatch(/password|secret_cipher|totpSecret/i);
  });
});
