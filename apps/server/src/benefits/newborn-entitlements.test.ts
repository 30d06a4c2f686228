import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';
import { asResident, residentSignIn, type ResidentSession } from '../test/resident.js';
import { createNewbornEntitlements, proactiveSchemesFor } from './newborn-entitlements.js';

// The consumer of 'newbornRegistered' registry events (issue 4: 免申即享 for a newborn). The
// bundle's own tests drive it through public security's completion; here it meets events as a
// restart finds them, unhandled.

let t: TestApp;
let family: ResidentSession;
const VILLAGE = '533423101001';
const errors: unknown[] = [];
const log = { error: (obj: object) => void errors.push(obj) };

async function newbornEvent(
  name: string,
  birthDate: string,
  parity: number | null,
  createdAt?: string,
): Promise<{ personId: number; eventId: number }> {
  const [p] = await t.database.query<{ id: number }>(
    `INSERT INTO persons (name, sex, birth_date, id_kind, id_cipher, id_blind_index, id_masked, hukou_region_code, residence_region_code, parity, source, row_hash)
     VALUES ($1, 'male', $2, 'resident', '\\x00', sha256(convert_to($1, 'UTF8')), '533423********0000', $3, $3, $4, 'newbornBundle', '') RETURNING id`,
    [name, birthDate, VILLAGE, parity],
  );
  const personId = Number(p!.id);
  await t.database.query(
    `INSERT INTO newborn_bundles (bundle_no, region_code, resident_id, newborn_name, newborn_sex, birth_date, birth_time, birth_place, hospital_name,
       mother_name, mother_id_cipher, mother_id_masked, services, status, newborn_person_id)
     VALUES ('T' || nextval('newborn_bundle_no_seq'), $1, $2, $3, 'male', $4, '08:00', '维西', '维西县人民医院', '母亲', '\\x00', '533423********0000', ARRAY['hukouRegistration'], 'completed', $5)`,
    [VILLAGE, family.residentId, name, birthDate, personId],
  );
  const [e] = await t.database.query<{ id: number }>(
    "INSERT INTO registry_events (kind, person_id, region_code, payload, created_at) VALUES ('newbornRegistered', $1, $2, $3::jsonb, coalesce($4::timestamptz, now())) RETURNING id",
    [personId, VILLAGE, JSON.stringify({ residentId: family.residentId }), createdAt ?? null],
  );
  return { personId, eventId: Number(e!.id) };
}

const entitlementsOf = async (personId: number) =>
  (
    await t.database.query<{
      scheme_code: string;
      first_period_key: string;
      amount_fen: number;
      trace: { check: string; pass: boolean }[];
    }>(
      'SELECT scheme_code, first_period_key, amount_fen, trace FROM pending_entitlements WHERE person_id = $1 ORDER BY scheme_code',
      [personId],
    )
  ).map((r) => ({ ...r, amount_fen: Number(r.amount_fen) }));

beforeAll(async () => {
  t = await createTestApp(200);
  await t.app.ready(); // the plugin's own catch-up at start runs now, on no events
  family = await residentSignIn(t, '13700009001');
});
afterAll(async () => t?.close());

describe('免申即享 for a registered newborn', () => {
  it('knows the proactive schemes that reach a Yunnan hukou', () => {
    expect(
      proactiveSchemesFor(VILLAGE)
        .map((s) => s.code)
        .sort(),
    ).toEqual(['yunnan.birthGrant', 'yunnan.childcareAllowance']);
    expect(proactiveSchemesFor('620402001001')).toEqual([]);
  });

  it('grants a third child born in 2025 the birth grant and this year’s allowance, with the trace, and tells the family once', async () => {
    const { personId } = await newbornEvent('免申丙', '2025-11-02', 3);
    const second = await newbornEvent('免申甲', '2025-10-01', 1);
    const consumer = createNewbornEntitlements(t.database, log);
    expect(await consumer.catchUp()).toBe(2);
    const granted = await entitlementsOf(personId);
    expect(granted.map((g) => [g.scheme_code, g.first_period_key, g.amount_fen])).toEqual([
      ['yunnan.birthGrant', 'once', 500_000],
      ['yunnan.childcareAllowance', String(new Date().getFullYear()), 80_000],
    ]);
    expect(granted[0]!.trace.every((s) => s.pass)).toBe(true);
    // A first child is in neither scheme (second and third children only, 004 (十四)); its event is still handled.
    expect(await entitlementsOf(second.personId)).toEqual([]);
    const open = await t.database.query('SELECT id FROM registry_events WHERE handled_at IS NULL');
    expect(open).toEqual([]);
    const inbox = (
      await t.app.inject({ method: 'GET', url: '/api/portal/notifications', ...asResident(family) })
    ).json().items;
    expect(inbox.filter((n: { body: string }) => n.body.startsWith('免申即享'))).toHaveLength(2);
    const audit = await t.database.query(
      "SELECT 1 FROM audit_log WHERE action = 'benefits.pendingEntitlement' AND target_id = $1",
      [String(personId)],
    );
    expect(audit).toHaveLength(2);
  });

  it('does nothing twice: a handled event, a second catch-up, an entitlement already there', async () => {
    const { personId, eventId } = await newbornEvent('免申乙', '2025-05-05', 2);
    const consumer = createNewbornEntitlements(t.database, log);
    expect(await consumer.handle(eventId)).toBe(2);
    expect(await consumer.handle(eventId)).toBe(0);
    expect(await consumer.catchUp()).toBe(0);
    // An event for a person already granted (written twice by mistake) is handled without a second entitlement.
    await t.database.query(
      "INSERT INTO registry_events (kind, person_id, region_code, payload) VALUES ('newbornRegistered', $1, $2, '{}')",
      [personId, VILLAGE],
    );
    expect(await consumer.catchUp()).toBe(1);
    expect(await entitlementsOf(personId)).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  it('takes the period of the day the newborn was registered, not of the day the event is handled: registered 2026-12-31, handled 2027-01-02', async () => {
    // 23:30 in Beijing on 31 December 2026 is still 2026 there (15:30 UTC).
    const { personId, eventId } = await newbornEvent('免申戊', '2025-06-06', 2, '2026-12-31T15:30:00Z');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-01-02T02:00:00Z'));
    try {
      expect(await createNewbornEntitlements(t.database, log).handle(eventId)).toBe(2);
    } finally {
      vi.useRealTimers();
    }
    expect((await entitlementsOf(personId)).map((g) => [g.scheme_code, g.first_period_key])).toEqual([
      ['yunnan.birthGrant', 'once'],
      ['yunnan.childcareAllowance', '2026'],
    ]);
  });

  it('leaves an event whose handling fails for the next catch-up, and logs it', async () => {
    const { eventId } = await newbornEvent('免申丁', '2025-03-03', 2);
    const failing = {
      ...t.database,
      transaction: async () => {
        throw new Error('database away');
      },
    };
    const consumer = createNewbornEntitlements(failing, log);
    expect(await consumer.catchUp()).toBe(0);
    expect(errors).toHaveLength(1);
    const [row] = await t.database.query<{ handled_at: Date | null }>(
      'SELECT handled_at FROM registry_events WHERE id = $1',
      [eventId],
    );
    expect(row!.handled_at).toBeNull();
    expect(await createNewbornEntitlements(t.database, log).catchUp()).toBe(1);
  });
});
