import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, as, type TestApp, type Session } from '../test/app.js';
import { fullIdNumbers, lastAudit, readXlsx } from '../exports/test-xlsx.js';

let t: TestApp;
let county: Session;
let township: Session;
beforeAll(async () => {
  t = await createTestApp(1500);
  county = await login(t, 'county');
  township = await login(t, 'township');
});
afterAll(() => t.close());

const exportOf = (query: string, s: Session, lang = 'zh-CN') =>
  t.app.inject({ method: 'GET', url: `/api/persons/export.xlsx${query}`, ...as(s, { 'accept-language': lang }) });

const countWhere = async (sql: string, params: unknown[] = []) =>
  Number((await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM persons p ${sql}`, params))[0]!.n);

describe('person search export (XLSX)', () => {
  it('holds every person the filter matches, with masked ID numbers, and is audited', async () => {
    const res = await exportOf('?name=%E5%92%8C', county);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(
      /filename\*=UTF-8''%E4%BA%BA%E5%91%98%E6%9F%A5%E8%AF%A2-\d{4}-\d\d-\d\d\.xlsx/,
    );
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toEqual(['姓名', '性别', '年龄', '公民身份号码', '证件类型', '户籍地', '居住地']);
    const expected = await countWhere("WHERE p.name LIKE '%和%'");
    expect(expected).toBeGreaterThan(0);
    expect(rows.length - 1).toBe(expected);
    for (const r of rows.slice(1)) {
      expect(r[0]).toContain('和');
      expect(r[3]).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      expect(['男', '女']).toContain(r[1]);
    }
    expect(fullIdNumbers(rows)).toEqual([]);
    const audit = await lastAudit(t.database, 'registry.exportPersons');
    expect(audit).toMatchObject({
      username: 'county',
      outcome: 'success',
      details: { filter: { name: '和', region: null, byIdNumber: false }, rows: expected },
    });
  });

  it('pages through a whole jurisdiction (more rows than one page) in English', async () => {
    const res = await exportOf('', county, 'en');
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]![0]).toBe('Name');
    expect(rows.length - 1).toBe(await countWhere(''));
    expect(new Set(rows.slice(1).map((r) => r[1]))).toEqual(new Set(['Male', 'Female']));
  });

  it('gives a township worker only the township’s persons', async () => {
    const rows = await readXlsx((await exportOf('', township)).rawPayload);
    const inTownship = await countWhere(
      "WHERE p.residence_region_code LIKE '533423101%' OR p.hukou_region_code LIKE '533423101%'",
    );
    expect(rows.length - 1).toBe(inTownship);
    expect(inTownship).toBeLessThan(await countWhere(''));
    expect((await lastAudit(t.database, 'registry.exportPersons'))?.username).toBe('township');
  });

  it('refuses a region outside the jurisdiction and a malformed ID number before writing anything', async () => {
    const outside = await exportOf('?region=533423102', township);
    expect(outside.statusCode).toBe(403);
    const bad = await exportOf('?idNumber=533423198801159012', county);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/校验位/);
  });

  it('is refused to a role without person search', async () => {
    const finance = await login(t, 'finance');
    expect((await exportOf('', finance)).statusCode).toBe(403);
  });
});
