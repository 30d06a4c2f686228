import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countKey } from '@cradle/domain';
import { createTestApp, login, as, type TestApp, type Session } from '../test/app.js';
import { lastAudit, readXlsx } from '../exports/test-xlsx.js';

let t: TestApp;
let county: Session;
let township: Session;
let leader: Session;
beforeAll(async () => {
  t = await createTestApp(3000);
  county = await login(t, 'county');
  township = await login(t, 'township');
  leader = await login(t, 'leader');
}, 120_000);
afterAll(() => t.close());

interface Row {
  target: { indicator: string; year: number; basis: { clause: string } };
  current: {
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    status: string | null;
    tooFewToJudge: boolean;
  };
}
const get = (url: string, s: Session, lang = 'zh-CN') =>
  t.app.inject({ method: 'GET', url, ...as(s, { 'accept-language': lang }) });
const card = async (s: Session, query = '') => {
  const res = await get(`/api/monitoring/scorecard?plan=weixi.2023&year=2025${query}`, s);
  expect(res.statusCode).toBe(200);
  return res.json<{ rows: Row[] }>().rows;
};
const row = (rows: Row[], code: string) => rows.find((r) => r.target.indicator === code)!;
const countOf = async (sql: string, params: unknown[] = []) =>
  Number((await t.database.query<{ n: number }>(sql, params))[0]!.n);

describe('the monitoring scorecard', () => {
  it("shows each of the 维西 plan's 2025 targets with value, status, counts and clause", async () => {
    const rows = await card(county);
    expect(rows.map((r) => r.target.indicator)).toContain('maternalMortalityRatio');
    expect(rows.every((r) => r.target.year === 2025 && r.target.basis.clause.length > 0)).toBe(true);
    const births2025 = await countOf(
      "SELECT count(*)::int AS n FROM persons WHERE residence_region_code LIKE '533423%' AND birth_date BETWEEN '2025-01-01' AND '2025-12-31'",
    );
    const mmr = row(rows, 'maternalMortalityRatio');
    expect(mmr.current.denominator).toBe(births2025);
    expect(mmr.current.status).not.toBeNull();
    const srb = row(rows, 'sexRatioAtBirth');
    expect((srb.current.numerator ?? 0) + (srb.current.denominator ?? 0)).toBe(births2025);
    // Reported, and nobody reported it yet: no data, no status.
    expect(row(rows, 'prenatalScreeningRate').current).toMatchObject({ value: null, status: null });
  });

  it('shows a new birth, a maternal death and a reported value in every figure at once', async () => {
    const before = await card(county);
    const mother = (
      await t.database.query<{ id: number; residence_region_code: string }>(
        "SELECT id, residence_region_code FROM persons WHERE sex = 'female' AND death_date IS NULL AND birth_date BETWEEN '1990-01-01' AND '1999-12-31' ORDER BY id LIMIT 1",
      )
    )[0]!;
    await t.database.query(
      `INSERT INTO persons (name, sex, birth_date, id_kind, id_cipher, id_blind_index, id_masked, hukou_region_code,
         residence_region_code, source, row_hash)
       VALUES ('测试', 'male', '2025-05-05', 'resident', '\\x01', '\\x01', 'x', $1, $1, 'test', 'h')`,
      [mother.residence_region_code],
    );
    await t.database.query("UPDATE persons SET death_date = '2025-05-20' WHERE id = $1", [mother.id]);
    await t.database.query(
      `INSERT INTO life_events (kind, person_id, region_code, event_date, maternal, channel, sender, sender_reference, recorded_by_name)
       VALUES ('death', $1, $2, '2025-05-20', true, 'form', 'hospital', 'scorecard-test-1', 'test')`,
      [mother.id, mother.residence_region_code],
    );
    await t.database.query(
      `INSERT INTO reported_values (count_key, item, department, region_code, period_key, value, version, reported_by_name)
       VALUES ($1, 'prenatalScreenings', 'healthCommission', '533423101', '2025', 20, 1, 'test'),
              ($2, 'womenGivingBirth', 'healthCommission', '533423101', '2025', 25, 1, 'test')`,
      [
        countKey({ kind: 'reported', item: 'prenatalScreenings', department: 'healthCommission' }),
        countKey({ kind: 'reported', item: 'womenGivingBirth', department: 'healthCommission' }),
      ],
    );
    const after = await card(county);
    const was = row(before, 'maternalMortalityRatio').current;
    expect(row(after, 'maternalMortalityRatio').current).toMatchObject({
      numerator: was.numerator! + 1,
      denominator: was.denominator! + 1,
    });
    expect(row(after, 'prenatalScreeningRate').current).toMatchObject({ numerator: 20, denominator: 25, value: 80 });
    const league = (await get('/api/monitoring/league?plan=weixi.2023&year=2025', county)).json<{
      targets: { target: { indicator: string } }[];
      rows: { region: { code: string }; cells: Row['current'][] }[];
    }>();
    const i = league.targets.findIndex((x) => x.target.indicator === 'maternalMortalityRatio');
    const cells = league.rows.map((r) => r.cells[i]!);
    expect(cells.reduce((s, c) => s + c.numerator!, 0)).toBe(was.numerator! + 1);
    expect(cells.reduce((s, c) => s + c.denominator!, 0)).toBe(was.denominator! + 1);
    const series = (
      await get('/api/monitoring/indicators/liveBirths?periodType=month&from=2025&to=2025', county)
    ).json<{ points: { period: string; value: number }[] }>();
    expect(series.points).toHaveLength(12);
    expect(series.points.reduce((s, p) => s + p.value, 0)).toBe(was.denominator! + 1);
  });

  it('gives a township worker only its own township, and a leader the county', async () => {
    const rows = await card(township);
    expect(row(rows, 'maternalMortalityRatio').current.denominator).toBeLessThan(
      row(await card(county), 'maternalMortalityRatio').current.denominator!,
    );
    expect((await get('/api/monitoring/scorecard?plan=weixi.2023&region=533423', township)).statusCode).toBe(403);
    expect((await get('/api/monitoring/league?plan=weixi.2023&region=533423102', township)).statusCode).toBe(403);
    const villages = (await get('/api/monitoring/league?plan=weixi.2023&year=2025', township)).json<{
      rows: { region: { code: string } }[];
    }>();
    expect(villages.rows.length).toBeGreaterThan(0);
    for (const r of villages.rows) expect(r.region.code).toMatch(/^533423101\d{3}$/);
    expect((await card(leader)).length).toBeGreaterThan(0);
    const village = await login(t, 'village');
    expect((await get('/api/monitoring/plans', village)).statusCode).toBe(403);
  });

  it('lists the plans governing the jurisdiction with their targets', async () => {
    const plans = (await get('/api/monitoring/plans', county)).json<{
      items: { code: string; targets: unknown[] }[];
    }>();
    expect(plans.items.map((p) => p.code)).toContain('weixi.2023');
    expect(plans.items.map((p) => p.code)).not.toContain('baiyin.2024');
    expect((await get('/api/monitoring/scorecard?plan=baiyin.2024', county)).statusCode).toBe(404);
  });

  it('exports the scorecard and the league table as XLSX, audited', async () => {
    const res = await get('/api/monitoring/scorecard.xlsx?plan=weixi.2023&year=2025', county);
    expect(res.statusCode).toBe(200);
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]!.slice(0, 4)).toEqual(['指标', '目标年份', '目标值', '当前值']);
    expect(rows.some((r) => r[0] === '孕产妇死亡率')).toBe(true);
    expect(await lastAudit(t.database, 'monitoring.exportScorecard')).toMatchObject({
      username: 'county',
      outcome: 'success',
    });
    const league = await readXlsx(
      (await get('/api/monitoring/league.xlsx?plan=weixi.2023&year=2025', county, 'en')).rawPayload,
    );
    expect(league[0]![0]).toBe('Region');
    expect(league.length).toBeGreaterThan(2);
  });
});
