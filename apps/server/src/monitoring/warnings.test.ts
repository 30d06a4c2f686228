import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIdCheckCharacter, maskIdNumber } from '@cradle/domain';
import { createPii } from '../crypto/pii.js';
import { createJobRunner } from '../jobs/index.js';
import { monitoringWarningsKind } from '../jobs/kinds/index.js';
import { createTestApp, login, as, type Session, type TestApp } from '../test/app.js';
import { queueWarningEvaluation, WARNINGS_KIND } from './index.js';

let t: TestApp;
let county: Session;
let township: Session;
const quiet = { error: () => undefined };

/** What the events module does for a maternal death: the person's death date and a death event, one transaction. */
async function recordMaternalDeath(reference: string, date: string) {
  const first17 = '533423199203' + String(10 + Number(reference.slice(-1))) + '002';
  const id = first17 + computeIdCheckCharacter(first17);
  const pii = createPii(t.keys);
  await t.database.transaction(async (tx) => {
    const [p] = await tx.query<{ id: number }>(
      `INSERT INTO persons (name, sex, birth_date, death_date, id_kind, id_cipher, id_blind_index, id_masked, hukou_region_code, residence_region_code, source, row_hash)
       VALUES ('测试孕产妇', 'female', '1992-03-10', $1, 'resident', $2, $3, $4, '533423101001', '533423101001', 'test', $5) RETURNING id`,
      [date, pii.encryptIdNumber(id), pii.idBlindIndex(id), maskIdNumber(id), reference],
    );
    await tx.query(
      `INSERT INTO life_events (kind, person_id, region_code, event_date, death_place, cause_category, maternal, channel, sender, sender_reference, recorded_by_name)
       VALUES ('death', $1, '533423101001', $2, 'hospital', 'obstetric', true, 'form', 'hospital', $3, '县人民医院 经办人')`,
      [p!.id, date, reference],
    );
    await queueWarningEvaluation(tx, '533423101001');
  });
}

/** The job runner as the app runs it, drained by hand (the app's sweeps are off in tests). */
async function evaluate() {
  const runner = createJobRunner({ database: t.database }).register(
    monitoringWarningsKind(t.database, t.clock.now, quiet),
  );
  await runner.drain(WARNINGS_KIND);
  await runner.stop();
}

const warnings = (s: Session, query = '') =>
  t.app.inject({ method: 'GET', url: `/api/monitoring/warnings${query}`, ...as(s) }).then((r) => r.json());

beforeAll(async () => {
  t = await createTestApp(200);
  t.clock.set('2026-11-30T04:00:00Z');
  [county, township] = await Promise.all([login(t, 'county'), login(t, 'township')]);
});
afterAll(() => t.close());

describe('early warnings', () => {
  it('raises maternalDeath for the county and its township when a maternal death is recorded, and notifies them', async () => {
    await recordMaternalDeath('MD-1', '2026-10-15');
    await evaluate();

    const open = await warnings(county, '?state=open');
    const death = open.items.find(
      (w: { rule: string; regionCode: string }) => w.rule === 'maternalDeath' && w.regionCode === '533423',
    );
    expect(death).toMatchObject({
      severity: 'alert',
      regionCode: '533423',
      period: '2026-10',
      numerator: 1,
      // A count: one death, not a rate over the month's births.
      value: 1,
      unit: { zh: '例', en: ' cases' },
      denominator: null,
      indicator: 'maternalMortalityRatio',
      readingBy: 'cradle',
      ruleName: { zh: '发生孕产妇死亡' },
    });
    expect(death.reading.zh).toContain('孕产妇死亡个案报告');

    const messages = await t.app.inject({ method: 'GET', url: '/api/notifications', ...as(county) });
    expect(JSON.stringify(messages.json())).toContain('发生孕产妇死亡');
    expect(JSON.stringify(messages.json())).toContain('2026年10月');
    // The township of the death has its own warning, and sees only its own region's, not the county's.
    const own = (await warnings(township)).items as { rule: string; regionCode: string; numerator: number }[];
    expect(own.find((w) => w.rule === 'maternalDeath')).toMatchObject({ regionCode: '533423101', numerator: 1 });
    expect(own.every((w) => w.regionCode.startsWith('533423101'))).toBe(true);
    const townshipMessages = await t.app.inject({ method: 'GET', url: '/api/notifications', ...as(township) });
    expect(JSON.stringify(townshipMessages.json())).toContain('发生孕产妇死亡');
  });

  it('raises a warning once per rule, region and period, however often it is evaluated', async () => {
    const count = async () =>
      (
        await t.database.query<{ w: number; n: number }>(
          `SELECT (SELECT count(*)::int FROM monitoring_warnings) AS w,
                (SELECT count(*)::int FROM notifications WHERE topic = 'monitoring.warning') AS n`,
        )
      )[0]!;
    const before = await count();
    await t.database.transaction((tx) => queueWarningEvaluation(tx, '533423'));
    await evaluate();
    expect(await count()).toEqual(before);
    // A second death in another month is a new warning, the county's and its township's.
    await recordMaternalDeath('MD-2', '2026-11-02');
    await evaluate();
    expect((await count()).w).toBe(before.w + 2);
  });

  it('raises reportMissing for the reported indicators of the last year nobody reported', async () => {
    const missing = (await warnings(county, '?state=open')).items.filter(
      (w: { rule: string }) => w.rule === 'reportMissing',
    );
    expect(missing.map((w: { period: string }) => w.period)).toContain('2025');
    expect(missing.map((w: { indicator: string }) => w.indicator)).toContain('prenatalScreeningRate');
  });

  it('clears an acknowledged warning from the open list, with the note, audited', async () => {
    const death = (await warnings(county, '?state=open')).items.find(
      (w: { rule: string }) => w.rule === 'maternalDeath',
    );
    const blank = await t.app.inject({
      method: 'POST',
      url: `/api/monitoring/warnings/${death.id}/acknowledge`,
      payload: { note: '   ' },
      ...as(county),
    });
    expect(blank.json()).toMatchObject({ code: 'warning.noteRequired' });
    const ack = await t.app.inject({
      method: 'POST',
      url: `/api/monitoring/warnings/${death.id}/acknowledge`,
      payload: { note: '已开展个案评审并上报市卫健委' },
      ...as(county),
    });
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({
      acknowledgedByName: '县卫健委 李主任',
      acknowledgementNote: '已开展个案评审并上报市卫健委',
    });

    const open = await warnings(county, '?state=open');
    expect(open.items.map((w: { id: number }) => w.id)).not.toContain(death.id);
    const done = await warnings(county, '?state=acknowledged');
    expect(done.items.map((w: { id: number }) => w.id)).toContain(death.id);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/monitoring/warnings/${death.id}/acknowledge`,
      payload: { note: '再次' },
      ...as(county),
    });
    expect(again.statusCode).toBe(409);
    const [audit] = await t.database.query<{ username: string; details: { note: string } }>(
      `SELECT username, details FROM audit_log WHERE action = 'monitoring.acknowledgeWarning' AND target_id = $1`,
      [String(death.id)],
    );
    expect(audit).toMatchObject({ username: 'county', details: { note: '已开展个案评审并上报市卫健委' } });
    // The database keeps the figures and the first acknowledgement.
    await expect(
      t.database.query(`UPDATE monitoring_warnings SET acknowledgement_note = 'x' WHERE id = $1`, [death.id]),
    ).rejects.toThrow(/first acknowledgement/);
  });

  it('exports the warnings as XLSX', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/monitoring/warnings.xlsx?state=open', ...as(county) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
  });
});
