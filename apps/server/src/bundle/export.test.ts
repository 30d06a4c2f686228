import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../auth/index.js';
import { DEMO_PASSWORD } from '../demo/index.js';
import { as, createTestApp, login, type Session, type TestApp } from '../test/app.js';
import { lastAudit, readXlsx } from '../exports/test-xlsx.js';
import { boundFamily, bundleForm, submit, type Family } from './test-setup.js';

let t: TestApp;
let f: Family;
const s: Record<string, Session> = {};
let bundle: { id: number; bundleNo: string; tasks: { service: string; department: string }[] };

beforeAll(async () => {
  t = await createTestApp(1500);
  f = await boundFamily(t, '13900002101');
  // A hospital operator of the other township: same department, other jurisdiction.
  const township = f.mother.residenceRegionCode.startsWith('533423101') ? '533423102' : '533423101';
  const other = {
    username: 'hospital-other',
    displayName: '乡镇卫生院 经办人',
    roles: ['departmentOperator' as const],
    jurisdiction: township,
    department: 'hospital' as const,
    totpSecret: null,
  };
  await createUser(t.database, t.keys, other, DEMO_PASSWORD);
  t.users.push(other);
  for (const u of ['hospital', 'hospital-other', 'police', 'county']) s[u] = await login(t, u);
  const res = await submit(t, f.r, bundleForm(f));
  expect(res.statusCode).toBe(201);
  bundle = res.json();
});
afterAll(async () => t?.close());

const exportOf = (query: string, u: string, lang = 'zh-CN') =>
  t.app.inject({
    method: 'GET',
    url: `/api/bundle-tasks/export.xlsx${query}`,
    ...as(s[u]!, { 'accept-language': lang }),
  });

describe('newborn-bundle task queue export (XLSX)', () => {
  it('holds only the department’s own tasks of the jurisdiction, and is audited', async () => {
    const res = await exportOf(`?q=${bundle.bundleNo}`, 'hospital');
    expect(res.statusCode).toBe(200);
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toEqual([
      '申请编号',
      '事项',
      '部门',
      '状态',
      '新生儿姓名',
      '出生日期',
      '母亲',
      '落户地',
      '办理时限',
      '时限状态',
      '申请时间',
    ]);
    const own = bundle.tasks.filter((x) => x.department === 'hospital');
    expect(own.length).toBeGreaterThan(0);
    expect(rows.length - 1).toBe(own.length);
    for (const r of rows.slice(1)) {
      expect(r[0]).toBe(bundle.bundleNo);
      expect(r[2]).toBe('医院');
      expect(r[6]).toBe(f.mother.name);
    }
    expect(await lastAudit(t.database, 'bundle.exportTasks')).toMatchObject({
      username: 'hospital',
      outcome: 'success',
      details: { filter: { q: bundle.bundleNo }, rows: own.length },
    });
  });

  it('gives the same department of another township nothing of this family', async () => {
    const rows = await readXlsx((await exportOf(`?q=${bundle.bundleNo}`, 'hospital-other')).rawPayload);
    expect(rows).toHaveLength(1);
  });

  it('gives the county every department’s tasks, narrowed by the filter, in English', async () => {
    const all = await readXlsx((await exportOf(`?q=${bundle.bundleNo}`, 'county', 'en')).rawPayload);
    expect(all[0]![0]).toBe('Bundle number');
    expect(all.length - 1).toBe(bundle.tasks.length);
    const police = await readXlsx((await exportOf(`?q=${bundle.bundleNo}&department=police`, 'county')).rawPayload);
    expect(police.length - 1).toBe(bundle.tasks.filter((x) => x.department === 'police').length);
  });

  it('is refused to a role without a queue', async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/bundle-tasks/export.xlsx', ...as(await login(t, 'township')) }))
        .statusCode,
    ).toBe(403);
  });
});
