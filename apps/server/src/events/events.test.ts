import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, as, type Session, type TestApp } from '../test/app.js';
import { createJobRunner } from '../jobs/index.js';
import { monitoringWarningsKind } from '../jobs/kinds/index.js';
import { WARNINGS_KIND } from '../monitoring/index.js';
import { insertTestPerson, testIdNumber } from './test-persons.js';

// Issue 13, "Life events the indicators need": recording deaths, moves and marriages in forms,
// each applied to the registry in one transaction, idempotent by the sender's reference.

let t: TestApp;
const s: Record<string, Session> = {};
let ref = 0;
const nextRef = () => `test-${++ref}`;
let refusals = 0;

beforeAll(async () => {
  t = await createTestApp(200);
  for (const u of ['hospital', 'police', 'county', 'township', 'township2', 'leader', 'finance'])
    s[u] = await login(t, u);
});
afterAll(() => t.close());

const record = (who: string, body: Record<string, unknown>, lang = 'zh-CN') =>
  t.app.inject({
    method: 'POST',
    url: '/api/life-events',
    payload: { reference: nextRef(), ...body },
    ...as(s[who]!, { 'accept-language': lang }),
  });
const eventsOf = async (personId: number) =>
  t.database.query<{ kind: string }>('SELECT kind FROM life_events WHERE person_id = $1', [personId]);
const personOf = async (id: number) =>
  (
    await t.database.query<{ death_date: string | null; residence_region_code: string }>(
      'SELECT death_date::text, residence_region_code FROM persons WHERE id = $1',
      [id],
    )
  )[0]!;

const death = (idNumber: string, more: Record<string, unknown> = {}) => ({
  kind: 'death',
  idNumber,
  eventDate: '2026-11-20',
  deathPlace: 'hospital',
  causeCategory: 'obstetric',
  maternal: false,
  ...more,
});

describe('recording a death', () => {
  it('records a maternal death: the event, the death date, a registry event and the audit, together', async () => {
    const p = await insertTestPerson(t, { name: '孕产测试甲', birthDate: '1995-04-02', sequence: '002' });
    const res = await record('hospital', death(p.idNumber, { maternal: true }));
    expect(res.statusCode, res.body).toBe(200);
    const { event, duplicate } = res.json();
    expect(duplicate).toBe(false);
    expect(event).toMatchObject({
      kind: 'death',
      name: '孕产测试甲',
      maternal: true,
      channel: 'form',
      eventDate: '2026-11-20',
    });
    expect(event.idMasked).not.toContain('19950402');
    expect((await personOf(p.id)).death_date).toBe('2026-11-20');
    const reg = await t.database.query<{ kind: string; payload: { lifeEventId: number } }>(
      'SELECT kind, payload FROM registry_events WHERE person_id = $1',
      [p.id],
    );
    expect(reg.map((r) => [r.kind, r.payload.lifeEventId])).toEqual([['death', event.id]]);
    const audit = await t.database.query(
      "SELECT 1 FROM audit_log WHERE action = 'lifeEvent.record' AND target_id = $1 AND username = 'hospital'",
      [String(p.id)],
    );
    expect(audit).toHaveLength(1);
    // The early warnings look again (issue 13: "the rate and warning change within a minute"): the
    // runner's sweep claims the queued evaluation; here it is drained by hand.
    const queued = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM jobs WHERE kind = $1 AND jurisdiction_code LIKE '533423%'",
      [WARNINGS_KIND],
    );
    expect(queued[0]!.n).toBeGreaterThan(0);
    const runner = createJobRunner({ database: t.database }).register(
      monitoringWarningsKind(t.database, t.clock.now, { error: () => undefined }),
    );
    await runner.drain(WARNINGS_KIND);
    await runner.stop();
    const raised = await t.database.query<{ period: string }>(
      "SELECT period FROM monitoring_warnings WHERE rule = 'maternalDeath' AND region_code = '533423'",
    );
    expect(raised.map((r) => r.period)).toEqual(['2026-11']);
  });

  it('records the same reference once and answers the first event (a double click)', async () => {
    const p = await insertTestPerson(t, { name: '双击测试', birthDate: '1950-01-01', sequence: '013' });
    const body = { ...death(p.idNumber, { causeCategory: 'circulatory' }), reference: 'double-click-1' };
    const [a, b] = await Promise.all([
      t.app.inject({ method: 'POST', url: '/api/life-events', payload: body, ...as(s.hospital!) }),
      t.app.inject({ method: 'POST', url: '/api/life-events', payload: body, ...as(s.hospital!) }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().event.id).toBe(b.json().event.id);
    expect([a.json().duplicate, b.json().duplicate].sort()).toEqual([false, true]);
    expect(await eventsOf(p.id)).toHaveLength(1);
  });

  it.each([
    ['an unknown ID number', () => ({ idNumber: testIdNumber('1980-01-01', '009') }), 404, 'lifeEvent.unknownPerson'],
    ['a date in the future', () => ({ eventDate: '2099-01-01' }), 400, 'lifeEvent.futureDate'],
    ['a death before the birth', () => ({ eventDate: '1960-01-01' }), 400, 'lifeEvent.beforeBirth'],
    ['a maternal death of a man', () => ({ maternal: true, man: true }), 400, 'lifeEvent.maternalMale'],
    ['a maternal death at 66', () => ({ maternal: true, old: true }), 400, 'lifeEvent.maternalAge'],
    [
      'a maternal death from an injury',
      () => ({ maternal: true, causeCategory: 'injury' }),
      400,
      'lifeEvent.maternalInjury',
    ],
  ])('refuses %s with a message, writing nothing', async (_what, change, status, code) => {
    const c = change() as Record<string, unknown>;
    const p = await insertTestPerson(t, {
      name: '拒绝测试',
      birthDate: c.old ? '1960-03-03' : '1990-03-03',
      sequence: `${String(++refusals).padStart(2, '0')}${c.man ? '1' : '2'}`,
    });
    const { man: _m, old: _o, ...fields } = c;
    const res = await record('hospital', { ...death(p.idNumber), ...fields });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().code).toBe(code);
    expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
    expect(await eventsOf(p.id)).toEqual([]);
    expect((await personOf(p.id)).death_date).toBeNull();
  });

  it('refuses a second death of the same person, in English too', async () => {
    const p = await insertTestPerson(t, { name: '二次死亡', birthDate: '1940-05-05', sequence: '031' });
    expect((await record('police', death(p.idNumber, { causeCategory: 'unknown' }))).statusCode).toBe(200);
    const again = await record('hospital', death(p.idNumber, { eventDate: '2026-11-21' }), 'en');
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: 'lifeEvent.alreadyDead' });
    expect(again.json().message).toMatch(/already recorded/);
    expect(await eventsOf(p.id)).toHaveLength(1);
  });

  it('keeps maternal deaths to the hospital and moves to public security', async () => {
    const p = await insertTestPerson(t, { name: '部门测试', birthDate: '1992-06-06', sequence: '042' });
    expect((await record('police', death(p.idNumber, { maternal: true }))).json().code).toBe(
      'lifeEvent.maternalNotYours',
    );
    const move = { kind: 'moveOut', idNumber: p.idNumber, eventDate: '2026-10-01', otherRegionCode: '530102' };
    expect((await record('hospital', move)).json().code).toBe('lifeEvent.kindNotYours');
    expect((await record('finance', move)).statusCode).toBe(403);
    expect((await record('county', move)).statusCode).toBe(403);
    expect(await eventsOf(p.id)).toEqual([]);
  });

  it('leaves no event when the registry update fails: one transaction', async () => {
    const p = await insertTestPerson(t, { name: '事务测试人', birthDate: '1970-07-07', sequence: '051' });
    await t.database.query(`CREATE FUNCTION test_refuse_death() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.name = '事务测试人' AND NEW.death_date IS NOT NULL THEN RAISE EXCEPTION 'registry refused'; END IF; RETURN NEW; END $$`);
    await t.database.query(
      'CREATE TRIGGER test_refuse_death BEFORE UPDATE ON persons FOR EACH ROW EXECUTE FUNCTION test_refuse_death()',
    );
    try {
      const res = await record('police', death(p.idNumber, { causeCategory: 'unknown' }));
      expect(res.statusCode).toBe(500);
      expect(await eventsOf(p.id)).toEqual([]);
      expect(await t.database.query('SELECT 1 FROM registry_events WHERE person_id = $1', [p.id])).toEqual([]);
    } finally {
      await t.database.query('DROP TRIGGER test_refuse_death ON persons');
      await t.database.query('DROP FUNCTION test_refuse_death()');
    }
  });
});

describe('moves and marriages', () => {
  it('moves a person out: the residence becomes the other region, and the jurisdiction no longer lists them', async () => {
    const p = await insertTestPerson(t, {
      name: '迁出测试',
      birthDate: '1988-08-08',
      sequence: '061',
      hukou: '533423102001',
      residence: '533423101001',
    });
    const same = await record('police', {
      kind: 'moveOut',
      idNumber: p.idNumber,
      eventDate: '2026-10-01',
      otherRegionCode: '533423101001',
    });
    expect(same.json().code).toBe('lifeEvent.sameRegion');
    const res = await record('police', {
      kind: 'moveOut',
      idNumber: p.idNumber,
      eventDate: '2026-10-01',
      otherRegionCode: '530102',
      otherRegionName: '昆明市五华区',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().event).toMatchObject({ regionCode: '533423101001', otherRegionCode: '530102', name: '迁出测试' });
    expect((await personOf(p.id)).residence_region_code).toBe('530102');
    const search = await t.app.inject({
      method: 'GET',
      url: `/api/persons?name=${encodeURIComponent('迁出测试')}`,
      ...as(s.township!),
    });
    expect(search.json().items).toEqual([]);
    // The event stays in the township's list, with the person's name.
    const list = await t.app.inject({ method: 'GET', url: '/api/life-events?kind=moveOut', ...as(s.township!) });
    expect(list.json().items.map((e: { name: string }) => e.name)).toContain('迁出测试');
  });

  it('moves a person in from elsewhere in the deployment, into the jurisdiction only', async () => {
    const p = await insertTestPerson(t, {
      name: '迁入测试',
      birthDate: '1987-07-07',
      sequence: '072',
      residence: '530102001001',
      hukou: '530102001001',
    });
    const outside = await record('police', {
      kind: 'moveIn',
      idNumber: p.idNumber,
      eventDate: '2026-10-02',
      otherRegionCode: '530102',
      newResidenceCode: '530102001002',
    });
    expect(outside.json().code).toBe('lifeEvent.outsideJurisdiction');
    const res = await record('police', {
      kind: 'moveIn',
      idNumber: p.idNumber,
      eventDate: '2026-10-02',
      otherRegionName: '昆明',
      newResidenceCode: '533423102001',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await personOf(p.id)).residence_region_code).toBe('533423102001');
    const reg = await t.database.query<{ kind: string }>('SELECT kind FROM registry_events WHERE person_id = $1', [
      p.id,
    ]);
    expect(reg.map((r) => r.kind)).toEqual(['moved']);
  });

  it('records a marriage with the spouse the registry knows', async () => {
    const a = await insertTestPerson(t, { name: '结婚甲', birthDate: '1996-01-01', sequence: '081' });
    const b = await insertTestPerson(t, { name: '结婚乙', birthDate: '1997-02-02', sequence: '082' });
    const res = await record('police', {
      kind: 'marriage',
      idNumber: a.idNumber,
      eventDate: '2026-05-20',
      spouseIdNumber: b.idNumber,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().event.spouseIdMasked).toMatch(/\*/);
    const [row] = await t.database.query<{ spouse_person_id: number }>(
      'SELECT spouse_person_id FROM life_events WHERE person_id = $1',
      [a.id],
    );
    expect(Number(row!.spouse_person_id)).toBe(b.id);
    // The registry links them as spouses, once, whichever of them the next report names first.
    const again = await record('police', {
      kind: 'marriage',
      idNumber: b.idNumber,
      eventDate: '2026-05-20',
      spouseIdNumber: a.idNumber,
    });
    expect(again.statusCode, again.body).toBe(200);
    const links = await t.database.query<{ from_person_id: number; to_person_id: number }>(
      `SELECT from_person_id, to_person_id FROM relationships WHERE kind = 'spouse'
        AND (from_person_id = ANY($1::bigint[]) OR to_person_id = ANY($1::bigint[]))`,
      [[a.id, b.id]],
    );
    expect(links.map((l) => [Number(l.from_person_id), Number(l.to_person_id)])).toEqual([[a.id, b.id]]);
    const detail = await t.app.inject({ method: 'GET', url: `/api/persons/${a.id}`, ...as(s.county!) });
    expect(JSON.stringify(detail.json().relationships)).toContain('spouse');
  });
});

describe('who sees the events', () => {
  it('a department sees its own, the registry staff their jurisdiction’s, leaders nothing', async () => {
    const hospital = await t.app.inject({ method: 'GET', url: '/api/life-events', ...as(s.hospital!) });
    expect(hospital.statusCode).toBe(200);
    expect(hospital.json().items.every((e: { sender: string }) => e.sender === 'dept:hospital:533423')).toBe(true);
    expect(hospital.json().total).toBeGreaterThan(0);
    const police = await t.app.inject({ method: 'GET', url: '/api/life-events', ...as(s.police!) });
    expect(police.json().items.every((e: { sender: string }) => e.sender === 'dept:publicSecurity:533423')).toBe(true);
    const county = await t.app.inject({ method: 'GET', url: '/api/life-events', ...as(s.county!) });
    const total = (r: { json: () => { total: number } }) => r.json().total;
    expect(total(county)).toBe(total(hospital) + total(police));
    // 533423102 sees only what happened there.
    const other = await t.app.inject({ method: 'GET', url: '/api/life-events', ...as(s.township2!) });
    expect(other.json().items.every((e: { regionCode: string }) => e.regionCode.startsWith('533423102'))).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/life-events', ...as(s.leader!) })).statusCode).toBe(403);
  });

  it('exports the list as XLSX, audited', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/life-events/export.xlsx?kind=death', ...as(s.county!) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const audit = await t.database.query("SELECT 1 FROM audit_log WHERE action = 'lifeEvent.export'");
    expect(audit.length).toBeGreaterThan(0);
  });
});
