import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, as, type Session, type TestApp } from '../test/app.js';

let t: TestApp;
let education: Session;
let county: Session;
let hospital: Session;

const KINDERGARTEN = { indicator: 'affordableKindergartenCoverage', regionCode: '533423', period: '2025' };
const post = (s: Session, url: string, payload: object, lang = 'zh-CN') =>
  t.app.inject({ method: 'POST', url, payload, ...as(s, { 'accept-language': lang }) });
const enter = (s: Session, body: object, lang?: string) => post(s, '/api/monitoring/reported-values', body, lang);
const correct = (s: Session, body: object) => post(s, '/api/monitoring/reported-values/corrections', body);
const rows = async () =>
  Number((await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM reported_values'))[0]!.n);

beforeAll(async () => {
  t = await createTestApp(200);
  // Late November 2026: 2025 has ended, 2026 has not.
  t.clock.set('2026-11-30T04:00:00Z');
  [education, county, hospital] = await Promise.all([login(t, 'education'), login(t, 'county'), login(t, 'hospital')]);
});
afterAll(() => t.close());

describe('reported values', () => {
  it('enters numerator and denominator, corrects with a reason as a new version, and keeps the history', async () => {
    const first = await enter(education, { ...KINDERGARTEN, numerator: 800, denominator: 1000 });
    expect(first.statusCode).toBe(200);
    expect(
      first.json().written.map((r: { item: string; value: number; version: number }) => [r.item, r.value, r.version]),
    ).toEqual([
      ['kindergartenChildrenInAffordable', 800, 1],
      ['kindergartenChildren', 1000, 1],
    ]);

    const fix = await correct(education, {
      ...KINDERGARTEN,
      numerator: 850,
      denominator: 1000,
      reason: '漏报两所普惠园',
    });
    expect(fix.statusCode).toBe(200);
    // The denominator did not change: only the numerator gets a new version.
    expect(fix.json().written).toMatchObject([
      { item: 'kindergartenChildrenInAffordable', value: 850, version: 2, reason: '漏报两所普惠园' },
    ]);

    const history = await t.app.inject({
      method: 'GET',
      url: '/api/monitoring/reported-values/history?indicator=affordableKindergartenCoverage&region=533423&period=2025',
      ...as(county),
    });
    expect(history.statusCode).toBe(200);
    expect(history.json().map((r: { value: number; version: number }) => [r.value, r.version])).toEqual(
      expect.arrayContaining([
        [850, 2],
        [800, 1],
        [1000, 1],
      ]),
    );
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/monitoring/reported-values?period=2025',
      ...as(county),
    });
    expect(
      list
        .json()
        .items.map((r: { value: number }) => r.value)
        .sort(),
    ).toEqual([1000, 850]);

    const audit = await t.database.query<{ action: string; details: { values: unknown[]; reason?: string } }>(
      `SELECT action, details FROM audit_log WHERE action IN ('monitoring.reportValue', 'monitoring.correctValue') ORDER BY seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(['monitoring.reportValue', 'monitoring.correctValue']);
    expect(audit[1]!.details.reason).toBe('漏报两所普惠园');
    // Each write asks for an evaluation of the early warnings, in its own transaction.
    const jobs = await t.database.query(`SELECT 1 FROM jobs WHERE kind = 'monitoring.warnings'`);
    expect(jobs.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    [
      'a negative count',
      'education',
      { ...KINDERGARTEN, period: '2024', numerator: -1, denominator: 10 },
      400,
      '数量不能为负数',
    ],
    [
      'a part above its whole',
      'education',
      { ...KINDERGARTEN, period: '2024', numerator: 1200, denominator: 1000 },
      400,
      '公办园和普惠性民办园在园幼儿数（1200）不能大于在园幼儿总数（1000）',
    ],
    [
      'a year not yet ended',
      'education',
      { ...KINDERGARTEN, period: '2026', numerator: 1, denominator: 2 },
      400,
      '该期间尚未结束',
    ],
    [
      'a future year',
      'education',
      { ...KINDERGARTEN, period: '2031', numerator: 1, denominator: 2 },
      400,
      '该期间尚未结束',
    ],
    [
      'a quarter of a yearly indicator',
      'education',
      { ...KINDERGARTEN, period: '2025-Q1', numerator: 1, denominator: 2 },
      400,
      '按年报送',
    ],
    [
      'a region outside the jurisdiction',
      'education',
      { ...KINDERGARTEN, regionCode: '533424', numerator: 1, denominator: 2 },
      403,
      '不在您的辖区内',
    ],
    [
      'another department’s figure',
      'education',
      { indicator: 'prenatalScreeningRate', regionCode: '533423', period: '2025', numerator: 1, denominator: 2 },
      403,
      '其他部门',
    ],
    [
      'the same figures again',
      'education',
      { ...KINDERGARTEN, numerator: 850, denominator: 1000 },
      409,
      '与现行报送值相同',
    ],
    [
      'new figures entered over reported ones',
      'education',
      { ...KINDERGARTEN, numerator: 900, denominator: 1000 },
      409,
      '请提交更正并说明原因',
    ],
    ['a missing denominator', 'education', { ...KINDERGARTEN, period: '2024', numerator: 1 }, 400, '请同时填写分母'],
    [
      'a registry-computed indicator',
      'county',
      { indicator: 'liveBirths', regionCode: '533423', period: '2025', numerator: 1 },
      400,
      '由人口库计算',
    ],
  ])('refuses %s with a message and writes nothing', async (_what, who, body, status, zh) => {
    const before = await rows();
    const res = await enter({ education, county }[who as 'education' | 'county'], body);
    expect(res.statusCode).toBe(status);
    expect(res.json().message).toContain(zh);
    expect(await rows()).toBe(before);
  });

  it('refuses a correction without a reason or without a change', async () => {
    const before = await rows();
    expect((await correct(education, { ...KINDERGARTEN, numerator: 860, denominator: 1000 })).json().code).toBe(
      'reported.reasonRequired',
    );
    expect(
      (await correct(education, { ...KINDERGARTEN, numerator: 850, denominator: 1000, reason: '核对' })).json().code,
    ).toBe('reported.noChange');
    expect(await rows()).toBe(before);
  });

  it('holds a part to a whole reported earlier under another indicator', async () => {
    // Beds per 1,000 elderly: the county reports the beds; then the affordable share may not exceed them.
    const civil = await login(t, 'civil');
    expect(
      (
        await enter(civil, {
          indicator: 'elderlyCareBedsPer1000',
          regionCode: '533423',
          period: '2025',
          numerator: 400,
        })
      ).statusCode,
    ).toBe(200);
    const res = await enter(
      civil,
      {
        indicator: 'affordableElderlyCareBedShare',
        regionCode: '533423',
        period: '2025',
        numerator: 450,
        denominator: 400,
      },
      'en',
    );
    expect(res.json().message).toBe(
      'Beds in affordable elderly care institutions (450) cannot be more than elderly care beds (400)',
    );
  });

  it('lets the county enter any department’s figure, and keeps other departments out', async () => {
    const res = await enter(county, {
      indicator: 'prenatalScreeningRate',
      regionCode: '533423101',
      period: '2025',
      numerator: 95,
      denominator: 120,
    });
    expect(res.statusCode).toBe(200);
    expect((await enter(hospital, { ...KINDERGARTEN, period: '2023', numerator: 1, denominator: 2 })).statusCode).toBe(
      403,
    );
  });

  it('exports the list as XLSX', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/monitoring/reported-values.xlsx?period=2025',
      ...as(county),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const [entry] = await t.database.query<{ details: { rows: number } }>(
      `SELECT details FROM audit_log WHERE action = 'monitoring.exportReportedValues'`,
    );
    expect(entry!.details.rows).toBeGreaterThanOrEqual(4);
  });
});
