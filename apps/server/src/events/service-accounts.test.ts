import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATIONAL_CHILDCARE_SUBSIDY, type SchemeDefinition } from '@cradle/domain';
import { createTestApp, login, as, type Session, type TestApp } from '../test/app.js';
import { runPaymentCycle } from '../benefits/index.js';
import { insertTestPerson } from './test-persons.js';

// Issue 13: service accounts (created, rotated, revoked by the administrator, scoped to a
// jurisdiction and event kinds, every call audited), and a death ending benefits from the next period.

let t: TestApp;
let county: Session;
let township: Session;

beforeAll(async () => {
  t = await createTestApp(100);
  county = await login(t, 'county');
  township = await login(t, 'township');
});
afterAll(() => t.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const send = (token: string | null, payload: unknown, url = '/api/service/life-events') =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: token ? bearer(token) : {} });
const create = (body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/service-accounts', payload: body, ...as(county) });

describe('service accounts', () => {
  it('lives from creation to revocation: shown once, rotated, revoked, each call audited', async () => {
    const p = await insertTestPerson(t, { name: '接口甲', birthDate: '1945-01-01', sequence: '201' });
    const made = await create({
      name: '县医院 HIS',
      department: 'hospital',
      jurisdictionCode: '533423',
      eventKinds: ['death'],
    });
    expect(made.statusCode, made.body).toBe(200);
    const { token, account } = made.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(account.tokenPrefix).toBe(token.slice(0, 8));
    const stored = await t.database.query<{ token_hash: Buffer }>(
      'SELECT token_hash FROM service_accounts WHERE id = $1',
      [account.id],
    );
    expect(Buffer.from(stored[0]!.token_hash).toString('hex')).not.toContain(Buffer.from(token).toString('hex'));

    const event = {
      kind: 'death',
      idNumber: p.idNumber,
      eventDate: '2026-11-02',
      deathPlace: 'home',
      causeCategory: 'neoplasm',
      reference: 'HIS-1',
    };
    const first = await send(token, event);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().event).toMatchObject({ channel: 'api', recordedByName: '县医院 HIS' });
    expect((await send(token, event)).json().duplicate).toBe(true);
    // Its kinds only.
    expect(
      (await send(token, { ...event, kind: 'moveOut', otherRegionCode: '530102', reference: 'HIS-2' })).json().code,
    ).toBe('lifeEvent.kindNotYours');

    const rotated = await t.app.inject({
      method: 'POST',
      url: `/api/service-accounts/${account.id}/rotate`,
      ...as(county),
    });
    const newToken = rotated.json().token;
    expect(newToken).not.toBe(token);
    const old = await send(token, event);
    const unknown = await send('A'.repeat(43), event);
    const none = await send(null, event);
    expect(old.statusCode).toBe(401);
    expect(old.body).toBe(unknown.body);
    expect(none.body).toBe(unknown.body);
    expect((await send(newToken, event)).statusCode).toBe(200);

    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/service-accounts/${account.id}/revoke`,
      ...as(county),
    });
    expect(revoked.json().revokedAt).not.toBeNull();
    const after = await send(newToken, event);
    expect(after.statusCode).toBe(401);
    expect(after.body).toBe(unknown.body);

    const list = await t.app.inject({ method: 'GET', url: '/api/service-accounts', ...as(county) });
    expect(list.json().items[0]).toMatchObject({ name: '县医院 HIS', tokenPrefix: newToken.slice(0, 8) });
    expect(list.json().items[0].lastUsedAt).not.toBeNull();
    expect(list.body).not.toContain(newToken);
    const calls = await t.database.query<{ outcome: string }>(
      "SELECT outcome FROM audit_log WHERE action = 'lifeEvent.apiCall' ORDER BY seq",
    );
    expect(calls.map((c) => c.outcome)).toEqual([
      'success',
      'success',
      'failure',
      'denied',
      'denied',
      'denied',
      'success',
      'denied',
    ]);
    const audit = await t.database.query(
      "SELECT 1 FROM audit_log WHERE action IN ('serviceAccount.create', 'serviceAccount.rotate', 'serviceAccount.revoke')",
    );
    expect(audit).toHaveLength(3);
  });

  it('needs the token, not a session, and no session opens it', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/service/life-events', payload: {}, ...as(county) });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('serviceAccount.unauthenticated');
  });

  it('keeps an account to its jurisdiction: a township account reaches no one living elsewhere', async () => {
    const here = await insertTestPerson(t, {
      name: '接口乙',
      birthDate: '1946-01-01',
      sequence: '211',
      residence: '533423101001',
    });
    const there = await insertTestPerson(t, {
      name: '接口丙',
      birthDate: '1946-01-01',
      sequence: '221',
      residence: '533423102001',
    });
    const made = await create({
      name: '保和派出所',
      department: 'publicSecurity',
      jurisdictionCode: '533423101',
      eventKinds: ['death', 'moveOut'],
    });
    const { token } = made.json();
    const ev = (idNumber: string, reference: string) => ({
      kind: 'death',
      idNumber,
      eventDate: '2026-11-03',
      deathPlace: 'home',
      causeCategory: 'unknown',
      reference,
    });
    const batch = await send(
      token,
      { events: [ev(here.idNumber, 'B-1'), ev(there.idNumber, 'B-2'), ev(here.idNumber, 'B-1')] },
      '/api/service/life-events/batch',
    );
    expect(batch.statusCode, batch.body).toBe(200);
    expect(batch.json().results.map((r: { status: string; code: string | null }) => [r.status, r.code])).toEqual([
      ['recorded', null],
      ['refused', 'lifeEvent.unknownPerson'],
      ['duplicate', null],
    ]);
    expect(await t.database.query('SELECT 1 FROM life_events WHERE person_id = $1', [there.id])).toEqual([]);
  });

  it('refuses an account outside the administrator’s jurisdiction, or with kinds the department may not record', async () => {
    expect(
      (await create({ name: 'x', department: 'hospital', jurisdictionCode: '530102', eventKinds: ['death'] })).json()
        .code,
    ).toBe('serviceAccount.jurisdiction');
    expect(
      (await create({ name: 'x', department: 'hospital', jurisdictionCode: '533423', eventKinds: ['marriage'] })).json()
        .code,
    ).toBe('serviceAccount.kinds');
    expect((await t.app.inject({ method: 'GET', url: '/api/service-accounts', ...as(township) })).statusCode).toBe(403);
  });
});

describe('a death ends benefits from the next period', () => {
  // The national subsidy made proactive, as cycle.test.ts does, so a cycle pays without applications.
  const SCHEME: SchemeDefinition = { ...NATIONAL_CHILDCARE_SUBSIDY, code: 'test.eventsProactive', proactive: true };
  const actor = { userId: null, username: 'test', jurisdictionCode: '533423', clientIp: null };
  const paid = async (id: number, period: string) =>
    t.database.query(
      'SELECT amount_fen FROM payments WHERE scheme_code = $1 AND period_key = $2 AND beneficiary_id = $3',
      [SCHEME.code, period, id],
    );

  it('keeps the current period’s payment and leaves the child out of the next cycle', async () => {
    const child = await insertTestPerson(t, { name: '补贴甲', birthDate: '2026-01-10', sequence: '301' });
    const sibling = await insertTestPerson(t, { name: '补贴乙', birthDate: '2026-01-10', sequence: '302' });
    await runPaymentCycle(t.database, { scheme: SCHEME, periodKey: '2026', jurisdictionCode: '533423', actor });
    expect(await paid(child.id, '2026')).toHaveLength(1);
    const hospital = await login(t, 'hospital');
    const died = await t.app.inject({
      method: 'POST',
      url: '/api/life-events',
      payload: {
        kind: 'death',
        idNumber: child.idNumber,
        eventDate: '2026-11-25',
        deathPlace: 'hospital',
        causeCategory: 'perinatal',
        reference: 'child-1',
      },
      ...as(hospital),
    });
    expect(died.statusCode, died.body).toBe(200);
    await runPaymentCycle(t.database, {
      scheme: SCHEME,
      periodKey: '2026',
      jurisdictionCode: '533423',
      actor,
      supplement: true,
    });
    await runPaymentCycle(t.database, { scheme: SCHEME, periodKey: '2027', jurisdictionCode: '533423', actor });
    expect(await paid(child.id, '2026')).toHaveLength(1);
    expect(await paid(child.id, '2027')).toEqual([]);
    expect(await paid(sibling.id, '2027')).toHaveLength(1);
  });
});
