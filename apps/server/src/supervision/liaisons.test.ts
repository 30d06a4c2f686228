import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyTaskList, LiaisonCandidateList, UnitList, UnitView } from '@cradle/contract';
import { createUser } from '../auth/index.js';
import { DEMO_PASSWORD } from '../demo/index.js';
import { createTestApp, login, as, type Session, type TestApp } from '../test/app.js';

// Issue 15: the office names a staff user of the county as a unit's liaison (联络员) and removes
// one; the liaison then sees the unit's tasks (本单位任务). An unknown user, a user outside the
// county, a user of a role that cannot report, and a duplicate are refused; nothing is written.

let t: TestApp;
let county: Session;
let civil: Session;
let units: UnitView[];
let ids: Record<string, number>;

const call = (s: Session, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, lang = 'zh-CN') =>
  t.app.inject({ method, url, ...(payload ? { payload } : {}), ...as(s, { 'accept-language': lang }) });
const named = async () =>
  Number((await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM supervision_liaisons'))[0]!.n);
const audited = (action: string) =>
  t.database.query<{ target_id: string; details: { userId: number } }>(
    'SELECT target_id, details FROM audit_log WHERE action = $1 ORDER BY seq',
    [action],
  );
const unit = (key: string) => units.find((u) => u.key === key)!;
const userId = async (username: string) =>
  Number((await t.database.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [username]))[0]!.id);
const myTasks = async (s: Session) => {
  const res = await call(s, 'GET', '/api/supervision/tasks');
  expect(res.statusCode).toBe(200);
  return res.json<KeyTaskList>();
};

beforeAll(async () => {
  t = await createTestApp(200);
  t.clock.set('2026-12-07T02:00:00Z');
  // A department operator of another county (兰坪, 533325): a staff user, not the county's.
  await createUser(
    t.database,
    t.keys,
    {
      username: 'lanping',
      displayName: '兰坪县民政局 经办人',
      roles: ['departmentOperator'],
      jurisdiction: '533325',
      department: 'civilAffairs',
      totpSecret: null,
    },
    DEMO_PASSWORD,
  );
  county = await login(t, 'county');
  civil = await login(t, 'civil');
  units = (await call(county, 'GET', '/api/supervision/units')).json<UnitList>().items;
  ids = Object.fromEntries(
    await Promise.all(['civil', 'lanping', 'township', 'education', 'county'].map(async (u) => [u, await userId(u)])),
  );
});
afterAll(() => t.close());

describe('naming a unit’s liaison', () => {
  it('offers the county’s department operators only', async () => {
    const res = await call(county, 'GET', '/api/supervision/liaison-candidates');
    expect(res.statusCode).toBe(200);
    const names = res.json<LiaisonCandidateList>().items.map((c) => c.displayName);
    expect(names).toContain('县民政局 经办人');
    expect(names).not.toContain('兰坪县民政局 经办人');
    expect(names).not.toContain('乡镇计生专干 和丽');
    expect(names).not.toContain('县卫健委 李主任');
  });

  it('names civil affairs’ operator for 县卫生健康局; the liaison then sees its tasks, audited', async () => {
    const health = unit('county.health');
    const before = await myTasks(civil);
    expect(before.myUnits.map((u) => u.name)).not.toContain(health.name);
    const res = await call(county, 'POST', `/api/supervision/units/${health.id}/liaisons`, { userId: ids.civil });
    expect(res.statusCode).toBe(200);
    expect(res.json<UnitView>().liaisons).toContainEqual({
      userId: ids.civil,
      displayName: '县民政局 经办人',
      byDepartment: false,
    });
    const after = await myTasks(civil);
    expect(after.myUnits.map((u) => u.name)).toContain(health.name);
    const all = await myTasks(county);
    const t13 = all.items.find((x) => x.number === 13)!;
    expect(t13.leads.map((u) => u.name)).toContain(health.name);
    expect(after.items.map((x) => x.id)).toContain(t13.id);
    expect(after.items.length).toBeGreaterThan(before.items.length);
    expect((await call(civil, 'GET', `/api/supervision/tasks/${t13.id}`)).statusCode).toBe(200);
    const log = await audited('supervision.nameLiaison');
    expect(log.map((r) => [r.target_id, r.details.userId])).toEqual([[String(health.id), ids.civil]]);
  });

  it('refuses an unknown user, a user outside the county, a township worker and a duplicate', async () => {
    const health = unit('county.health');
    const edu = unit('county.education');
    const before = await named();
    const name = (unitId: number, user: number, lang = 'zh-CN') =>
      call(county, 'POST', `/api/supervision/units/${unitId}/liaisons`, { userId: user }, lang);
    const unknown = await name(health.id, 999_999);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('找不到该用户');
    const outside = await name(health.id, ids.lanping!);
    expect(outside.statusCode).toBe(400);
    expect(outside.json().message).toContain('不是本县的工作人员');
    const outsideEn = await name(health.id, ids.lanping!, 'en');
    expect(outsideEn.json().message).toContain('not on the county’s staff');
    const township = await name(health.id, ids.township!);
    expect(township.statusCode).toBe(400);
    expect(township.json().message).toContain('只有本县的部门经办人');
    const again = await name(health.id, ids.civil!);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('已是本单位的联络员');
    // Education's operator is already 县教育体育局's liaison by its department.
    const byDepartment = await name(edu.id, ids.education!);
    expect(byDepartment.statusCode).toBe(409);
    expect((await name(999_999, ids.civil!)).statusCode).toBe(404);
    expect(await named()).toBe(before);
    expect(await audited('supervision.nameLiaison')).toHaveLength(1);
  });

  it('lets only the office name one', async () => {
    const health = unit('county.health');
    const res = await call(civil, 'POST', `/api/supervision/units/${health.id}/liaisons`, { userId: ids.civil });
    expect(res.statusCode).toBe(403);
  });
});

describe('removing a liaison', () => {
  it('refuses a department’s own operator and a user not named, changing nothing', async () => {
    const edu = unit('county.education');
    const before = await named();
    const own = await call(county, 'DELETE', `/api/supervision/units/${edu.id}/liaisons/${ids.education}`);
    expect(own.statusCode).toBe(409);
    expect(own.json().message).toContain('不是联席会议办公室为本单位指定的联络员');
    expect(await named()).toBe(before);
    expect(await audited('supervision.removeLiaison')).toHaveLength(0);
  });

  it('removes a named liaison: the unit’s tasks leave their list, audited', async () => {
    const health = unit('county.health');
    const res = await call(county, 'DELETE', `/api/supervision/units/${health.id}/liaisons/${ids.civil}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<UnitView>().liaisons.map((l) => l.userId)).not.toContain(ids.civil);
    expect((await myTasks(civil)).myUnits.map((u) => u.name)).not.toContain(health.name);
    const log = await audited('supervision.removeLiaison');
    expect(log.map((r) => [r.target_id, r.details.userId])).toEqual([[String(health.id), ids.civil]]);
    const again = await call(county, 'DELETE', `/api/supervision/units/${health.id}/liaisons/${ids.civil}`);
    expect(again.statusCode).toBe(409);
  });
});
