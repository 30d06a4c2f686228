import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestApp } from '../test/app.js';

let t: TestApp;
beforeAll(async () => (t = await createTestApp(300)));
afterAll(() => t.close());

// An administrator signs in with a TOTP code, each accepted once: one session for the tests below.
let adminSession: Session | undefined;
const admin = async () => (adminSession ??= await login(t, 'admin'));

describe('the audit log', () => {
  it('lists the entries of the jurisdiction newest first, filtered and paged, with their total', async () => {
    await login(t, 'township');
    await login(t, 'township');
    const admin = await login(t, 'admin');
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/audit?action=auth.login&username=township&pageSize=1',
      ...as(admin),
    });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ action: 'auth.login', username: 'township', outcome: 'success' });
    expect(page.items[0].userId).toEqual(expect.any(Number));
    expect(new Date(page.items[0].at).toISOString()).toBe(page.items[0].at);
    const second = await t.app.inject({
      method: 'GET',
      url: '/api/audit?action=auth.login&username=township&pageSize=1&page=2',
      ...as(admin),
    });
    expect(second.json().items[0].seq).toBeLessThan(page.items[0].seq);
    const none = await t.app.inject({ method: 'GET', url: '/api/audit?to=2000-01-01', ...as(admin) });
    expect(none.json()).toEqual({ total: 0, items: [] });
  });

  it('verifies the whole chain and records that it did', async () => {
    const s = await admin();
    const res = await t.app.inject({ method: 'POST', url: '/api/audit/verify', ...as(s) });
    expect(res.json()).toMatchObject({ ok: true, firstBroken: null, findings: [] });
    expect(res.json().checked).toBeGreaterThan(0);
    // The verification sealed the log; the next one vouches for it and for the entry recording it.
    const again = await t.app.inject({ method: 'POST', url: '/api/audit/verify', ...as(s) });
    expect(again.json()).toMatchObject({ ok: true, anchors: { count: 2, unanchored: 0 } });
    expect(again.json().anchors.anchoredThrough).toBeGreaterThan(res.json().anchors.anchoredThrough);
  });

  it('is not shown to a township worker', async () => {
    const s = await login(t, 'township');
    expect((await t.app.inject({ method: 'GET', url: '/api/audit', ...as(s) })).statusCode).toBe(403);
  });

  // Last: it leaves the log tampered with.
  it('reports in the console the newest entries deleted by an owner', async () => {
    const s = await admin();
    await t.app.inject({ method: 'POST', url: '/api/audit/verify', ...as(s) });
    await t.database.transaction(async (tx) => {
      await tx.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await tx.query('DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 2 FROM audit_log)');
      await tx.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/audit/verify',
      ...as(s, { 'accept-language': 'en' }),
    });
    expect(res.json()).toMatchObject({ ok: false, findings: [{ code: 'anchor.truncated' }] });
    expect(res.json().firstBroken.reason).toMatch(/^the log ends at seq \d+ but an anchor of .* vouches for seq \d+/);
  });
});
