import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestApp } from '../test/app.js';
import { residentSignIn } from '../test/resident.js';
import { fullIdNumbers, lastAudit, readXlsx } from '../exports/test-xlsx.js';
import { declaredForm, idOf, submit, UNKNOWN_MOTHER_ID, villageOf } from './test-helpers.js';

let t: TestApp;
let township: Session;
let township2: Session;
const mine: string[] = [];
let theirs = '';
beforeAll(async () => {
  t = await createTestApp(300);
  township = await login(t, 'township');
  township2 = await login(t, 'township2');
  const here = await villageOf(t, '533423101');
  const there = await villageOf(t, '533423102');
  // Three registrations in 保和镇 (two by unknown mothers named 李梅, one 王芳), one in 叶枝镇.
  const forms = [
    declaredForm(here),
    declaredForm(here, { mother: { name: '王芳', idNumber: idOf('110101', '19950101', '222'), phone: '13911113333' } }),
    declaredForm(here, { mother: { name: '李梅', idNumber: idOf('110101', '19960202', '224'), phone: '13911114444' } }),
  ];
  for (const [i, form] of forms.entries()) {
    const res = await submit(t, await residentSignIn(t, `1370000000${i}`), form);
    expect(res.statusCode).toBe(201);
    mine.push(res.json().registrationNo);
  }
  const res = await submit(t, await residentSignIn(t, '13700000009'), declaredForm(there));
  theirs = res.json().registrationNo;
});
afterAll(async () => t?.close());

const exportOf = (query: string, s: Session, lang = 'zh-CN') =>
  t.app.inject({
    method: 'GET',
    url: `/api/childbirth-registrations/export.xlsx${query}`,
    ...as(s, { 'accept-language': lang }),
  });

describe('childbirth registration queue export (XLSX)', () => {
  it('holds the queue’s filtered rows with the mother’s ID number masked, and is audited', async () => {
    const res = await exportOf('?q=%E6%9D%8E%E6%A2%85&status=submitted', township);
    expect(res.statusCode).toBe(200);
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toEqual([
      '登记编号',
      '状态',
      '孩子状况',
      '母亲姓名',
      '母亲公民身份号码',
      '区划',
      '提交时间',
      '办理时限',
      '时限状态',
      '人口库不一致',
      '办结时间',
    ]);
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([mine[0], mine[2]].sort());
    for (const r of rows.slice(1)) {
      expect(r[1]).toBe('待办理');
      expect(r[3]).toBe('李梅');
      expect(r[4]).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    }
    expect(fullIdNumbers(rows)).toEqual([]);
    expect(await lastAudit(t.database, 'registration.export')).toMatchObject({
      username: 'township',
      outcome: 'success',
      details: { filter: { q: '李梅', status: 'submitted' }, rows: 2 },
    });
  });

  it('keeps a searched full ID number out of the audit entry', async () => {
    const rows = await readXlsx((await exportOf(`?q=${UNKNOWN_MOTHER_ID}`, township)).rawPayload);
    expect(rows.slice(1).map((r) => r[0])).toEqual([mine[0]]);
    const audit = await lastAudit(t.database, 'registration.export');
    expect(JSON.stringify(audit)).not.toContain(UNKNOWN_MOTHER_ID);
    expect(audit?.details.filter).toMatchObject({ q: '110101********' + UNKNOWN_MOTHER_ID.slice(14) });
  });

  it('gives each township only its own registrations, in English too', async () => {
    const rows = await readXlsx((await exportOf('', township2, 'en')).rawPayload);
    expect(rows[0]![0]).toBe('Registration number');
    expect(rows.slice(1).map((r) => r[0])).toEqual([theirs]);
    expect(rows[1]![1]).toBe('To complete');
    const all = await readXlsx((await exportOf('', township)).rawPayload);
    expect(
      all
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([...mine].sort());
  });

  it('is refused to a role without the queue', async () => {
    expect((await exportOf('', await login(t, 'village'))).statusCode).toBe(403);
  });
});
