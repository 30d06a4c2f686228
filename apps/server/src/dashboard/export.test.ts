import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, as, type TestApp, type Session } from '../test/app.js';
import { lastAudit, readXlsx } from '../exports/test-xlsx.js';

let t: TestApp;
let county: Session;
let township: Session;
beforeAll(async () => {
  t = await createTestApp(300);
  county = await login(t, 'county');
  township = await login(t, 'township');
});
afterAll(() => t.close());

const exportOf = (query: string, s: Session, lang = 'zh-CN') =>
  t.app.inject({ method: 'GET', url: `/api/dashboard/regions.xlsx${query}`, ...as(s, { 'accept-language': lang }) });

describe('the dashboard’s region table as XLSX', () => {
  it('holds the table the dashboard shows for the region, and is audited', async () => {
    const shown = (await t.app.inject({ method: 'GET', url: '/api/dashboard', ...as(county) })).json();
    const res = await exportOf('', county);
    expect(res.statusCode).toBe(200);
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toEqual(['区划', '区划代码', '层级', '人口', '近五年出生', '覆盖率', '准确率', '实时上报率']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[3], r[4]])).toEqual(
      shown.children.map((c: { name: string; code: string; population: number; births: number }) => [
        c.name,
        c.code,
        String(c.population),
        String(c.births),
      ]),
    );
    expect(rows[1]![2]).toBe('乡(镇)、街道');
    expect(await lastAudit(t.database, 'dashboard.exportRegions')).toMatchObject({
      username: 'county',
      outcome: 'success',
      details: { filter: { region: '533423' }, rows: shown.children.length },
    });
  });

  it('gives a township worker only the township’s villages, and refuses another township', async () => {
    const rows = await readXlsx((await exportOf('', township, 'en')).rawPayload);
    expect(rows[0]![0]).toBe('Region');
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows.slice(1)) expect(r[1]).toMatch(/^533423101\d{3}$/);
    expect((await exportOf('?region=533423102', township)).statusCode).toBe(403);
  });
});
