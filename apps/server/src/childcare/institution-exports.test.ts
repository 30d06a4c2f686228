import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeUsccCheckCharacter } from '@cradle/domain';
import { createTestApp, login, as, type Session, type TestApp } from '../test/app.js';
import { lastAudit, readXlsx } from '../exports/test-xlsx.js';

// "Every list a user sees exports to XLSX": each table of one institution's supervision page
// (inspections, rectifications, ratings, incidents) downloads as XLSX, audited; an institution's
// account exports only its own; another township's user, or another institution, is refused.

let t: TestApp;
let institution: Session;
let county: Session;
let township2: Session;
let own = 0;
let other = 0;

const get = (s: Session, url: string, lang = 'zh-CN') =>
  t.app.inject({ method: 'GET', url, ...as(s, { 'accept-language': lang }) });
const url = (id: number, list: string) => `/api/childcare/institutions/${id}/${list}/export.xlsx`;

async function institutionOf(owner: number, n: number, name: string): Promise<number> {
  const first17 = `91533423MA6K3000${n}`;
  const [row] = await t.database.query<{ id: number }>(
    `INSERT INTO childcare_institutions (uscc, region_code, owner_user_id, name, status, filing_no, filed_version)
     VALUES ($1, '533423101', $2, $3, 'filed', $4, 1) RETURNING id`,
    [first17 + computeUsccCheckCharacter(first17), owner, name, `TYX${n}`],
  );
  const id = Number(row!.id);
  await t.database.query(
    `INSERT INTO childcare_filings (institution_id, version, kind, state, region_code, content, received_on,
       review_deadline, decided_on, decided_by, submitted_by, submitted_by_name)
     VALUES ($1, 1, 'filing', 'filed', '533423101', $2, '2026-03-02', '2026-03-09', '2026-03-06', $3, $3, 'test')`,
    [id, JSON.stringify({ name, type: 'community', slots: 30, affordableSlots: 10 }), owner],
  );
  const [inspection] = await t.database.query<{ id: number }>(
    `INSERT INTO childcare_inspections (institution_id, region_code, area, inspected_on, department, inspector_id,
       inspector_name, findings, passed)
     VALUES ($1, '533423101', 'fire', '2026-11-10', 'healthCommission', $2, '县卫健委 检查员',
       '[{"item":"fire.exits","result":"fail","note":"疏散通道堆放杂物"}]'::jsonb, false) RETURNING id`,
    [id, owner],
  );
  await t.database.query(
    `INSERT INTO childcare_rectifications (inspection_id, institution_id, region_code, item, requirement, due_on, state)
     VALUES ($1, $2, '533423101', 'fire.exits', $3, '2026-12-10', 'open')`,
    [inspection!.id, id, `${name}清理疏散通道`],
  );
  await t.database.query(
    `INSERT INTO childcare_ratings (institution_id, region_code, year, grade, rated_on, rated_by, rated_by_name, note)
     VALUES ($1, '533423101', 2026, 'good', '2026-11-20', $2, '县卫健委 李主任', $3)`,
    [id, owner, `${name}年度评估`],
  );
  await t.database.query(
    `INSERT INTO childcare_incidents (institution_id, region_code, occurred_on, severity, summary, injured, deaths,
       recorded_by, recorded_by_name)
     VALUES ($1, '533423101', '2026-10-01', 'ordinary', $2, 1, 0, $3, '县卫健委 李主任')`,
    [id, `${name}幼儿摔伤`, owner],
  );
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  institution = await login(t, 'institution');
  county = await login(t, 'county');
  township2 = await login(t, 'township2');
  const userId = async (name: string) =>
    Number((await t.database.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [name]))[0]!.id);
  own = await institutionOf(await userId('institution'), 1, '保和镇导出托育园');
  other = await institutionOf(await userId('admin'), 2, '保和镇别家托育园');
}, 120_000);
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('one institution’s supervision tables as XLSX', () => {
  const cases = [
    {
      list: 'inspections',
      header: '检查日期',
      row: ['2026-11-10', '消防安全', '卫生健康部门', '县卫健委 检查员', '不合格'],
    },
    { list: 'rectifications', header: '整改要求', row: ['消防安全'] },
    { list: 'ratings', header: '评估等级', row: ['2026', '良好', '2026-11-20', '县卫健委 李主任'] },
    { list: 'incidents', header: '经过', row: ['2026-10-01'] },
  ] as const;

  for (const c of cases)
    it(`exports the ${c.list} table for the county, its rows read back, audited`, async () => {
      const res = await get(county, url(own, c.list));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain(XLSX);
      expect(res.headers['content-disposition']).toContain('.xlsx');
      const rows = await readXlsx(res.rawPayload);
      expect(rows[0]).toContain(c.header);
      expect(rows).toHaveLength(2);
      expect(rows[1]!.slice(0, c.row.length)).toEqual([...c.row]);
      // Only this institution's rows.
      expect(rows.flat().join()).not.toContain('别家');
      const audit = await lastAudit(
        t.database,
        `childcare.exportInstitution${c.list[0]!.toUpperCase()}${c.list.slice(1)}`,
      );
      expect(audit).toMatchObject({
        username: 'county',
        outcome: 'success',
        details: { filter: { institutionId: own }, rows: 1 },
      });
    });

  it('writes the failed items and the rectification in the user’s language', async () => {
    const zh = await readXlsx((await get(county, url(own, 'inspections'))).rawPayload);
    expect(zh[1]![5]).toBe('安全出口、疏散通道畅通');
    const rect = await readXlsx((await get(county, url(own, 'rectifications'))).rawPayload);
    expect(rect[1]).toContain('保和镇导出托育园清理疏散通道');
    expect(rect[1]).toContain('2026-12-10');
    const en = await readXlsx((await get(county, url(own, 'ratings'), 'en')).rawPayload);
    expect(en[0]!.slice(0, 2)).toEqual(['Year', 'Grade']);
    expect(en[1]![1]).toBe('Good');
  });

  it('lets the institution export its own inspections, rectifications and ratings, and nothing of another', async () => {
    for (const list of ['inspections', 'rectifications', 'ratings']) {
      const mine = await get(institution, url(own, list));
      expect(mine.statusCode, list).toBe(200);
      const rows = await readXlsx(mine.rawPayload);
      expect(rows).toHaveLength(2);
      expect((await get(institution, url(other, list))).statusCode, list).toBe(404);
    }
    expect((await lastAudit(t.database, 'childcare.exportInstitutionRatings'))?.username).toBe('institution');
    // Its incidents are not shown to it on the page, so not exported to it either.
    expect((await get(institution, url(own, 'incidents'))).statusCode).toBe(403);
  });

  it('refuses another township’s user, without a file and without an export audited', async () => {
    const before = await lastAudit(t.database, 'childcare.exportInstitutionInspections');
    const res = await get(township2, url(own, 'inspections'));
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).not.toContain(XLSX);
    expect(await lastAudit(t.database, 'childcare.exportInstitutionInspections')).toEqual(before);
  });
});
