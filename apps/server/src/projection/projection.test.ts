import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRegionalProjection, projectPopulation, summarizeProjection, type ProjectionResult } from '@cradle/domain';
import type { BudgetForecastView, ProjectionView } from '@cradle/contract';
import { withScope } from '../db/scope.js';
import { createTestApp, login, as, type TestApp, type Session } from '../test/app.js';
import { registryCounts } from './repo.js';

// Issue 13, population projection and budget forecast, through the API on a real database: the
// demo county 维西 (533423) with a synthetic population, base year 2026 (the app's clock).
let t: TestApp;
const s: Record<string, Session> = {};
const COUNTY = '533423';

beforeAll(async () => {
  t = await createTestApp(3000);
  t.clock.set('2026-12-07T02:00:00Z');
  for (const u of ['leader', 'county', 'township', 'village', 'finance', 'admin']) s[u] = await login(t, u);
}, 120_000);
afterAll(async () => t.close());

const get = (who: string, url: string, lang = 'zh-CN') =>
  t.app.inject({ method: 'GET', url, ...as(s[who]!, { 'accept-language': lang }) });
const post = (who: string, url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, payload, ...as(s[who]!) });

/** The medium projection computed beside the API from the same registry counts. */
async function mediumBeside(years: number): Promise<ProjectionResult> {
  const c = await withScope(t.database, { jurisdictionCode: COUNTY }, (tx) => registryCounts(tx, COUNTY, 2026));
  return projectPopulation(buildRegionalProjection(c.aggregates, { years, fertility: { kind: 'medium' } }).inputs);
}

describe('GET /api/projection', () => {
  let view: ProjectionView;
  beforeAll(async () => {
    const res = await get('leader', `/api/projection?region=${COUNTY}`);
    expect(res.statusCode).toBe(200);
    view = res.json();
  });

  it('projects the living residents of 1 January 2026, 30 years ahead, in three scenarios', async () => {
    const [row] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM persons WHERE residence_region_code LIKE $1 AND birth_date < '2026-01-01'
         AND (death_date IS NULL OR death_date >= '2026-01-01')`,
      [`${COUNTY}%`],
    );
    expect(view.baseYear).toBe(2026);
    expect(view.basePopulation).toBe(row!.n);
    expect(view.scenarios.map((x) => x.scenario)).toEqual(['low', 'medium', 'high']);
    for (const sc of view.scenarios) {
      expect(sc.years[0]!.total).toBeCloseTo(row!.n, 6);
      expect(sc.years.map((y) => y.year)).toEqual(Array.from({ length: 31 }, (_, k) => 2026 + k));
      // Births and children under 3 for every year to 2055.
      expect(sc.years.filter((y) => y.year <= 2055).every((y) => y.births! > 0 && y.under3 > 0)).toBe(true);
      expect(
        sc.pyramid[5]!.male.reduce((a, b) => a + b, 0) + sc.pyramid[5]!.female.reduce((a, b) => a + b, 0),
      ).toBeCloseTo(sc.years[5]!.total, 6);
    }
    const births = (k: number) => view.scenarios.map((x) => x.years[10]!.births!)[k]!;
    expect(births(0)).toBeLessThan(births(1));
    expect(births(1)).toBeLessThan(births(2));
    expect(view.recordedYears).toEqual([2023, 2024, 2025]);
    expect(view.recordedBirths).toBeGreaterThan(0);
  });

  it('reads the kept counts as the persons say: by sex and age on 1 January, births by year', async () => {
    const c = await withScope(t.database, { jurisdictionCode: COUNTY }, (tx) => registryCounts(tx, COUNTY, 2026));
    // The stated reading: age = 2025 − birth year (exact but for persons born on 1 January).
    const rows = await t.database.query<{ sex: string; age: number; n: number }>(
      `SELECT sex, least(2025 - date_part('year', birth_date)::int, 100) AS age, count(*)::int AS n FROM persons
        WHERE residence_region_code LIKE $1 AND birth_date < '2026-01-01' AND (death_date IS NULL OR death_date >= '2026-01-01')
        GROUP BY 1, 2`,
      [`${COUNTY}%`],
    );
    const expected = { female: new Array<number>(101).fill(0), male: new Array<number>(101).fill(0) };
    for (const r of rows) expected[r.sex === 'female' ? 'female' : 'male'][Number(r.age)]! += Number(r.n);
    expect(c.aggregates.population.female).toEqual(expected.female);
    expect(c.aggregates.population.male).toEqual(expected.male);
    const births = await t.database.query<{ year: number; n: number }>(
      `SELECT date_part('year', birth_date)::int AS year, count(*)::int AS n FROM persons
        WHERE residence_region_code LIKE $1 AND birth_date >= '2023-01-01' AND birth_date < '2026-01-01' GROUP BY 1 ORDER BY 1`,
      [`${COUNTY}%`],
    );
    expect((c.aggregates.births ?? []).map((b) => [b.year, Math.round((b.boys ?? 0) + (b.girls ?? 0))])).toEqual(
      births.map((b) => [Number(b.year), Number(b.n)]),
    );
  });

  it('keeps population(t+1) = survivors + births with no migration, and answers what the engine answers', async () => {
    const c = await withScope(t.database, { jurisdictionCode: COUNTY }, (tx) => registryCounts(tx, COUNTY, 2026));
    const setup = buildRegionalProjection(c.aggregates, { years: 30, fertility: { kind: 'medium' } });
    const result = projectPopulation(setup.inputs);
    const medium = view.scenarios.find((x) => x.scenario === 'medium')!;
    expect(medium.years.map((y) => y.total)).toEqual(summarizeProjection(result).map((y) => y.total));
    expect(setup.assumptions.migration).toBe('none');
    for (let k = 0; k < 30; k++) {
      const p = result.population[k]!;
      const next = result.population[k + 1]!;
      const S = setup.inputs.survivalRatios[k]!;
      for (const sex of ['female', 'male'] as const) {
        const born = result.births[k]![sex];
        let survivors = born * S[sex][0]!;
        for (let x = 1; x < 100; x++) survivors += p[sex][x - 1]! * S[sex][x]!;
        survivors += (p[sex][99]! + p[sex][100]!) * S[sex][100]!;
        expect(next[sex].reduce((a, b) => a + b, 0)).toBeCloseTo(survivors, 6);
      }
    }
  });

  it('adds a typed TFR path, straight between the typed years and held after the last', async () => {
    const res = await get('county', `/api/projection?region=${COUNTY}&years=10&tfrPath=2026:1.0,2030:1.8`);
    expect(res.statusCode).toBe(200);
    const typed = res.json<ProjectionView>().scenarios.find((x) => x.scenario === 'tfrPath')!;
    expect(typed.years.map((y) => y.tfr)).toEqual([1.0, 1.2, 1.4, 1.6, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8, null]);
  });

  it.each([
    ['2026:9', '总和生育率须在 0.3 至 5 之间'],
    ['2020:1.2', '总和生育率路径的年份须在 2026 至 2055 之间'],
    ['2030:1.2,2028:1.3', '从早到晚各写一次'],
    ['abc', '总和生育率路径格式有误'],
  ])('refuses the TFR path %s with a message saying what to fix', async (path, words) => {
    const res = await get('leader', `/api/projection?tfrPath=${encodeURIComponent(path)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(words);
    const en = await get('leader', `/api/projection?tfrPath=${encodeURIComponent(path)}`, 'en');
    expect(en.json().message).toMatch(/TFR|fertility/);
  });

  it('refuses years outside 1–50', async () => {
    expect((await get('leader', '/api/projection?years=51')).statusCode).toBe(400);
    expect((await get('leader', '/api/projection?years=0')).statusCode).toBe(400);
  });

  it('keeps a township to its own township, and refuses regions outside the jurisdiction', async () => {
    expect((await get('township', '/api/projection?region=533423101')).statusCode).toBe(200);
    expect((await get('township', '/api/projection?region=533423102')).statusCode).toBe(403);
    expect((await get('township', `/api/projection?region=${COUNTY}`)).statusCode).toBe(403);
    expect((await get('leader', '/api/projection?region=5334')).statusCode).toBe(403);
    expect((await get('village', '/api/projection')).statusCode).toBe(403);
    expect((await get('finance', '/api/projection')).statusCode).toBe(403);
  });

  it('exports the table by year to XLSX and audits the export', async () => {
    const res = await get('leader', `/api/projection/export.xlsx?region=${COUNTY}&years=5`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const [a] = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'projection.export'",
    );
    expect(a!.n).toBe(1);
  });
});

describe('GET /api/projection/budget', () => {
  const NATIONAL = 'national.childcareSubsidy';
  let result: ProjectionResult;
  beforeAll(async () => {
    result = await mediumBeside(10);
  });

  /** The national subsidy in a year from 2028, by hand: 300 yuan (30,000 fen) a month of life 1…36. */
  function nationalByHand(year: number): { children: number; fen: number } {
    const k = result.years.indexOf(year);
    const cohort = (born: number) =>
      born === year
        ? result.births[k]!.female + result.births[k]!.male
        : result.population[k]!.female[year - 1 - born]! + result.population[k]!.male[year - 1 - born]!;
    // Whole persons, half up; then 12 birth months, the remainder one each to the earliest months.
    const months = (born: number) => {
      const n = Math.floor(cohort(born) + 0.5);
      return Array.from({ length: 12 }, (_, m) => Math.floor(n / 12) + (m < n % 12 ? 1 : 0));
    };
    let fen = 0;
    let children = 0;
    months(year - 3).forEach((n, m) => {
      fen += n * (m + 1) * 30_000; // months 1…m+1 of the year
      children += n;
    });
    for (const born of [year - 2, year - 1])
      for (const n of months(born)) {
        fen += n * 12 * 30_000;
        children += n;
      }
    months(year).forEach((n, m) => {
      fen += n * (11 - m) * 30_000; // the months after the birth month
      if (m < 11) children += n;
    });
    return { children, fen };
  }

  it("prices the national subsidy as children × 3,600 yuan a year's months, exactly in fen", async () => {
    const res = await get('leader', `/api/projection/budget?region=${COUNTY}`);
    expect(res.statusCode).toBe(200);
    const view: BudgetForecastView = res.json();
    expect(view.years).toEqual(Array.from({ length: 10 }, (_, k) => 2026 + k));
    expect(view.scenario).toBe('medium');
    const national = view.schemes.find((x) => x.schemeCode === NATIONAL)!;
    expect(national.paidOnApplication).toBe(true);
    expect(national.takeUp).toEqual({ basisPoints: 10_000, isDefault: true });
    for (const y of national.published.years.filter((x) => x.year >= 2028)) {
      const hand = nationalByHand(y.year);
      expect(y.amountFen).toBe(hand.fen);
      expect(y.children).toBe(hand.children);
      expect(y.expectedFen).toBe(hand.fen);
    }
    expect(national.published.amountFen).toBe(national.published.years.reduce((a, y) => a + y.amountFen, 0));
    // Special assistance and the nursing subsidy are not paid for children; 白银's are not 维西's.
    expect(view.omitted.find((o) => o.schemeCode === 'weixi.nursingSubsidy')?.reason).toBe('notForChildren');
    expect(view.omitted.find((o) => o.schemeCode === 'baiyin.childcareSubsidy')?.reason).toBe('otherRegion');
  });

  it("applies the county's take-up rate, half up to the fen", async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/schemes/${NATIONAL}/take-up-rate`,
      payload: { basisPoints: 6250, basis: '2025年申领情况' },
      ...as(s.county!),
    });
    expect(put.statusCode).toBe(200);
    const view: BudgetForecastView = (await get('leader', `/api/projection/budget?region=${COUNTY}`)).json();
    const national = view.schemes.find((x) => x.schemeCode === NATIONAL)!;
    expect(national.takeUp).toEqual({ basisPoints: 6250, isDefault: false });
    for (const y of national.published.years)
      expect(y.expectedFen).toBe(Number((BigInt(y.amountFen) * 6250n * 2n + 10_000n) / 20_000n));
  });

  it('prices a draft version beside the published values (raising the subsidy to 5,000 yuan from 2028)', async () => {
    const v = await post('county', `/api/schemes/${NATIONAL}/versions`, {
      effectiveFrom: '2028-01-01',
      values: { yearlyAmount: 500_000 },
      legalBasis: { document: '维西县 测算稿', clause: '第一条' },
    });
    expect(v.statusCode).toBe(201);
    const res = await get(
      'leader',
      `/api/projection/budget?region=${COUNTY}&draftScheme=${NATIONAL}&draftVersionId=${v.json().id}`,
    );
    expect(res.statusCode).toBe(200);
    const national = res.json<BudgetForecastView>().schemes.find((x) => x.schemeCode === NATIONAL)!;
    expect(national.drafts.map((d) => d.id)).toContain(v.json().id);
    const draft = national.draft!.line.years;
    national.published.years.forEach((y, k) => {
      if (y.year < 2028) expect(draft[k]!.amountFen).toBe(y.amountFen);
      // 5,000 ÷ 12 is not whole: each child's year is rounded half up once (eligibility.ts), so compare per year.
      else expect(draft[k]!.amountFen).toBeCloseTo((y.amountFen * 5000) / 3600, -5);
    });
    expect(
      (await get('leader', `/api/projection/budget?draftScheme=${NATIONAL}&draftVersionId=999999`)).statusCode,
    ).toBe(404);
  });

  it('is for the county and its leaders, not a township or a department', async () => {
    expect((await get('township', '/api/projection/budget?region=533423101')).statusCode).toBe(403);
    expect((await get('finance', '/api/projection/budget')).statusCode).toBe(403);
    expect((await get('admin', '/api/projection/budget?scenario=tfrPath')).statusCode).toBe(400);
  });
});
