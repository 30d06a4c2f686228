import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, as, type TestApp, type Session } from '../test/app.js';
import { fullIdNumbers, lastAudit, readXlsx } from '../exports/test-xlsx.js';

let t: TestApp;
const s: Record<string, Session> = {};
const ids: Record<string, number> = {};

async function child(name: string, village: string): Promise<number> {
  const rows = await t.database.query<{ id: number }>(
    `INSERT INTO persons (name, sex, birth_date, id_kind, id_cipher, id_blind_index, id_masked, hukou_region_code, residence_region_code, parity, source, row_hash)
     VALUES ($1, 'female', '2025-03-10', 'resident', '\\x00', sha256(convert_to($1, 'UTF8')), '533423********0000', $2, $2, 1, 'test', '') RETURNING id`,
    [name, village],
  );
  return Number(rows[0]!.id);
}

beforeAll(async () => {
  t = await createTestApp(300);
  for (const u of ['village', 'township', 'township2', 'finance']) s[u] = await login(t, u);
  ids.a = await child('导出甲', '533423101001');
  ids.b = await child('导出乙', '533423101001');
  for (const id of [ids.a, ids.b]) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/applications',
      payload: { scheme: 'national.childcareSubsidy', beneficiaryId: id, applicantName: '母亲' },
      ...as(s.village!),
    });
    expect(res.statusCode).toBe(201);
  }
});
afterAll(() => t.close());

const exportOf = (query: string, who: string, lang = 'zh-CN') =>
  t.app.inject({
    method: 'GET',
    url: `/api/applications/export.xlsx${query}`,
    ...as(s[who]!, { 'accept-language': lang }),
  });

describe('applications export (XLSX)', () => {
  it('holds the review queue with masked ID numbers, and is audited', async () => {
    const res = await exportOf('', 'township');
    expect(res.statusCode).toBe(200);
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toEqual([
      '申请号',
      '补贴项目',
      '受益人',
      '公民身份号码',
      '申请人',
      '状态',
      '审核环节',
      '公示截止',
      '驳回理由',
      '申请时间',
    ]);
    expect(
      rows
        .slice(1)
        .map((r) => r[2])
        .sort(),
    ).toEqual(['导出乙', '导出甲']);
    for (const r of rows.slice(1)) {
      expect(r[3]).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      expect(r[5]).toBe('审核中');
      expect(r[6]).toBe('乡(镇)、街道审核');
      expect(r[1]).not.toMatch(/^national\./);
    }
    expect(fullIdNumbers(rows)).toEqual([]);
    expect(await lastAudit(t.database, 'benefits.exportApplications')).toMatchObject({
      username: 'township',
      outcome: 'success',
      details: { filter: { beneficiaryId: null }, rows: 2 },
    });
  });

  it('narrows to one person with the list’s filter, in English', async () => {
    const rows = await readXlsx((await exportOf(`?beneficiaryId=${ids.a}`, 'township', 'en')).rawPayload);
    expect(rows[0]![0]).toBe('Application');
    expect(rows.slice(1).map((r) => r[2])).toEqual(['导出甲']);
    expect(rows[1]![5]).toBe('In review');
  });

  it('gives another township none of them, and refuses finance', async () => {
    const rows = await readXlsx((await exportOf('', 'township2')).rawPayload);
    expect(rows).toHaveLength(1);
    expect((await exportOf('', 'finance')).statusCode).toBe(403);
  });
});
