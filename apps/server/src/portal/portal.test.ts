import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, as, type TestApp } from '../test/app.js';
import { asResident, residentSignIn } from '../test/resident.js';
import { pickTestMother } from '../test/family.js';
import { CODE_MAX_ATTEMPTS } from './identity.js';
import { DEMO_FAMILY_PHONE, ensureDemoFamily } from '../demo/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(1500);
});
afterAll(async () => t?.close());

const ip = () => `10.2.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe('resident sign-in with a phone and a one-time code', () => {
  it('signs in with the code the development sink received, and the session opens only the portal', async () => {
    const r = await residentSignIn(t, '13800000001');
    const me = await t.app.inject({ method: 'GET', url: '/api/portal/me', ...asResident(r) });
    expect(me.statusCode).toBe(200);
    expect(me.json().resident).toMatchObject({ phoneMasked: '138****0001', bound: false });
    expect(me.json().family).toBeNull();
    // A resident cookie is no staff session, and a staff session is no resident.
    expect((await t.app.inject({ method: 'GET', url: '/api/persons?q=1', ...asResident(r) })).statusCode).toBe(401);
    const staff = await login(t, 'township');
    expect((await t.app.inject({ method: 'GET', url: '/api/portal/me', ...as(staff) })).statusCode).toBe(401);
    const phones = await t.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM residents WHERE phone_cipher::text LIKE $1',
      ['%13800000001%'],
    );
    expect(phones[0]!.n).toBe(0); // stored encrypted
  });

  it("refuses a malformed number in the caller's language and sends nothing", async () => {
    const before = t.sms.messages.length;
    const zh = await t.app.inject({
      method: 'POST',
      url: '/api/portal/code',
      remoteAddress: ip(),
      payload: { phone: '12345' },
    });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().message).toContain('手机号');
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/portal/code',
      remoteAddress: ip(),
      headers: { 'accept-language': 'en' },
      payload: { phone: '1380000000x' },
    });
    expect(en.json().message).toMatch(/mobile number/);
    expect(t.sms.messages.length).toBe(before);
  });

  it('allows one code a minute per number', async () => {
    const phone = '13800000002';
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/portal/code', remoteAddress: ip(), payload: { phone } }))
        .statusCode,
    ).toBe(204);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/portal/code',
      remoteAddress: ip(),
      payload: { phone },
    });
    expect(again.statusCode).toBe(429);
    expect(again.json().code).toBe('portal.codeTooSoon');
  });

  it(`locks a code after ${CODE_MAX_ATTEMPTS} wrong tries, even for the right code afterwards`, async () => {
    const phone = '13800000003';
    await t.app.inject({ method: 'POST', url: '/api/portal/code', remoteAddress: ip(), payload: { phone } });
    const code = t.sms.lastCode(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    const codes: string[] = [];
    for (let i = 0; i < CODE_MAX_ATTEMPTS; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/portal/sign-in',
        remoteAddress: ip(),
        payload: { phone, code: wrong },
      });
      codes.push(res.json().code);
    }
    expect(codes.slice(0, -1).every((c) => c === 'portal.codeInvalid')).toBe(true);
    expect(codes.at(-1)).toBe('portal.codeAttemptsExceeded');
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/portal/sign-in',
      remoteAddress: ip(),
      payload: { phone, code },
    });
    expect(right.statusCode).toBe(429);
    // The number's delay has begun: the right code waits too, and the answer says how long.
    expect(right.json()).toMatchObject({ code: 'portal.codeDelayed', details: { retryAfterSeconds: 2 } });
    expect(right.headers['retry-after']).toBe('2');
    expect(right.cookies.find((c) => c.name === 'cradle_resident')).toBeUndefined();
  });

  it("shows failed code sign-ins to the county administrator, under the bound person's region", async () => {
    const wrongCode = async (phone: string) => {
      await t.app.inject({ method: 'POST', url: '/api/portal/code', remoteAddress: ip(), payload: { phone } });
      const wrong = t.sms.lastCode(phone) === '000000' ? '111111' : '000000';
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/portal/sign-in',
        remoteAddress: ip(),
        payload: { phone, code: wrong },
      });
      expect(res.statusCode).toBe(401);
    };
    await wrongCode('13800000062');
    const admin = await login(t, 'county');
    const audit = await t.app.inject({ method: 'GET', url: '/api/audit?action=portal.signIn', ...as(admin) });
    expect(audit.json().items).toEqual(
      expect.arrayContaining([expect.objectContaining({ username: 'phone:138****0062', outcome: 'failure' })]),
    );
    // A number bound to a registry person: under that person's residence, for its township too.
    const mother = await pickTestMother(t, '13900000063', 1);
    const r = await residentSignIn(t, '13900000063');
    const bound = await t.app.inject({
      method: 'POST',
      url: '/api/portal/binding',
      ...asResident(r),
      payload: { name: mother.name, idNumber: mother.idNumber },
    });
    expect(bound.statusCode).toBe(200);
    await t.database.query("UPDATE resident_codes SET created_at = created_at - interval '2 minutes'");
    await wrongCode('13900000063');
    const rows = await t.database.query<{ action: string; jurisdiction_code: string }>(
      `SELECT a.action, a.jurisdiction_code FROM audit_log a
        WHERE a.action IN ('portal.signIn', 'portal.bind') AND a.username IN ('phone:139****0063', $1) ORDER BY seq`,
      [`resident:${r.residentId}`],
    );
    const region = mother.residenceRegionCode;
    expect(rows.map((x) => x.action)).toEqual(['portal.signIn', 'portal.bind', 'portal.signIn']);
    expect(rows.map((x) => x.jurisdiction_code)).toEqual(['533423', region, region]);
  });

  it('accepts a code once', async () => {
    const phone = '13800000004';
    await residentSignIn(t, phone);
    const reuse = await t.app.inject({
      method: 'POST',
      url: '/api/portal/sign-in',
      remoteAddress: ip(),
      payload: { phone, code: t.sms.lastCode(phone) },
    });
    expect(reuse.statusCode).toBe(401);
  });

  it('lets a family load the region tree to pick where it lives (public reference data)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/regions/533423/children' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((r: { code: string }) => r.code)).toContain('533423101');
  });

  it('needs the CSRF token for a change', async () => {
    const r = await residentSignIn(t, '13800000005');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/portal/binding',
      headers: { cookie: r.cookie },
      payload: { name: '张三', idNumber: '110101199003077774' },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('binding a resident to the registry', () => {
  it('binds when name, ID number and the phone on record agree, then shows the family (audited)', async () => {
    const mother = await pickTestMother(t, '13900000001');
    const r = await residentSignIn(t, mother.phone);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/portal/binding',
      ...asResident(r),
      payload: { name: mother.name, idNumber: mother.idNumber.toLowerCase() },
    });
    expect(res.statusCode).toBe(200);
    const family = res.json().family;
    expect(family.self).toMatchObject({ personId: mother.personId, name: mother.name });
    expect(family.self.idMasked).not.toContain(mother.idNumber.slice(6, 14));
    expect(family.children).toHaveLength(mother.childCount);
    expect(family.children[0].birthDate).toBeNull(); // relatives show an age, not a birth date
    expect(family.spouse).not.toBeNull();
    const audit = await t.database.query<{ action: string }>(
      'SELECT action FROM audit_log WHERE username = $1 ORDER BY seq',
      [`resident:${r.residentId}`],
    );
    expect(audit.map((a) => a.action)).toEqual(['portal.signIn', 'portal.bind', 'portal.viewFamily']);
  });

  it("shows the family each child's eligibility with the same trace staff see, in plain words (audited)", async () => {
    const mother = await pickTestMother(t, '13900000003', 2);
    const r = await residentSignIn(t, mother.phone);
    const unbound = await t.app.inject({ method: 'GET', url: '/api/portal/benefits', ...asResident(r) });
    expect(unbound.json().children).toEqual([]);
    await t.app.inject({
      method: 'POST',
      url: '/api/portal/binding',
      ...asResident(r),
      payload: { name: mother.name, idNumber: mother.idNumber },
    });
    const res = await t.app.inject({ method: 'GET', url: '/api/portal/benefits', ...asResident(r) });
    expect(res.statusCode).toBe(200);
    const [first] = res.json().children;
    expect(first.schemes.length).toBeGreaterThan(0);
    const county = await login(t, 'county');
    for (const s of first.schemes) {
      expect(s.trace.length).toBeGreaterThan(0);
      expect(s.trace.every((step: { rule: { zh: string } }) => step.rule.zh.length > 0)).toBe(true);
      const staff = await t.app.inject({
        method: 'GET',
        url: `/api/eligibility?personId=${first.child.personId}&scheme=${s.schemeCode}&period=${s.period}`,
        ...as(county),
      });
      expect(staff.statusCode).toBe(200);
      expect({ eligible: s.eligible, amountFen: s.amountFen, trace: s.trace }).toEqual({
        eligible: staff.json().eligible,
        amountFen: staff.json().amountFen,
        trace: staff.json().trace,
      });
    }
    const audit = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE username = $1 AND action = 'portal.viewEligibility'",
      [`resident:${r.residentId}`],
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('binds the demo family printed at start with the demo phone', async () => {
    const family = await ensureDemoFamily(t.database, t.keys, '533423101');
    expect(family).not.toBeNull();
    expect(await ensureDemoFamily(t.database, t.keys, '533423101')).toEqual(family); // the same mother every start
    const r = await residentSignIn(t, DEMO_FAMILY_PHONE);
    const res = await t.app.inject({ method: 'POST', url: '/api/portal/binding', ...asResident(r), payload: family! });
    expect(res.statusCode).toBe(200);
    expect(res.json().family.children).toHaveLength(1);
  });

  it('refuses a claim whose phone is not the one on record, and binds nothing', async () => {
    const mother = await pickTestMother(t, '13900000002', 1);
    const r = await residentSignIn(t, '13900000099');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/portal/binding',
      ...asResident(r),
      payload: { name: mother.name, idNumber: mother.idNumber },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toContain('承诺制');
    const [row] = await t.database.query<{ person_id: number | null }>(
      'SELECT person_id FROM residents WHERE id = $1',
      [r.residentId],
    );
    expect(row!.person_id).toBeNull();
  });
});
