import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDraftBody } from '@cradle/contract';
import { withScope } from '../db/scope.js';
import { createTestApp, login, as, type Session, type TestApp } from '../test/app.js';
import { listPlans } from './plans-repo.js';

let t: TestApp;
let county: Session;
let admin: Session;
let township: Session;

const PLAN: PlanDraftBody = {
  title: '维西县2026年人口监测工作要点',
  documentNumber: '维卫发〔2026〕3号',
  issuer: '维西县卫生健康局',
  issueDate: '2026-02-01',
  periodFrom: '2026-01-01',
  periodTo: '2027-12-31',
  targets: [
    { indicator: 'maternalMortalityRatio', year: 2026, comparison: 'atMost', value: '10', clause: '二(一)' },
    {
      indicator: 'sexRatioAtBirth',
      year: null,
      comparison: 'band',
      value: '103',
      upper: '107',
      clause: '二(二)',
      reading: '「基本正常」按103–107理解',
    },
    { indicator: 'prenatalScreeningRate', year: 2027, comparison: 'atLeast', value: '85', clause: '二(三)' },
  ],
};

const post = (s: Session, url: string, payload?: object, lang = 'zh-CN') =>
  t.app.inject({ method: 'POST', url, ...(payload ? { payload } : {}), ...as(s, { 'accept-language': lang }) });
const versions = async () =>
  Number((await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM plan_versions'))[0]!.n);

beforeAll(async () => {
  t = await createTestApp(200);
  [county, admin, township] = await Promise.all([login(t, 'county'), login(t, 'admin'), login(t, 'township')]);
});
afterAll(() => t.close());

describe('a county drafts its own plan', () => {
  it('drafts, submits, and a second administrator publishes; the drafter may not; then it governs the county', async () => {
    const draft = await post(county, '/api/monitoring/plan-drafts', PLAN);
    expect(draft.statusCode).toBe(201);
    const v = draft.json();
    expect(v).toMatchObject({
      planCode: 'county.533423.1',
      version: 1,
      status: 'draft',
      mine: true,
      jurisdictionCode: '533423',
    });

    expect((await post(county, `/api/monitoring/plan-drafts/${v.id}/submit`)).json().status).toBe('inReview');
    const own = await post(county, `/api/monitoring/plan-drafts/${v.id}/publish`);
    expect(own.statusCode).toBe(409);
    expect(own.json()).toMatchObject({ code: 'plan.sameReviewer' });
    expect(own.json().message).toContain('起草人不能发布');

    const published = await post(admin, `/api/monitoring/plan-drafts/${v.id}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', inForce: true, mine: false });

    const plans = await withScope(t.database, { jurisdictionCode: '533423101' }, (tx) => listPlans(tx, '533423101'));
    expect(plans.map((p) => p.code)).toEqual(
      expect.arrayContaining(['weixi.2023', 'national.fyp14', 'county.533423.1']),
    );
    const local = plans.find((p) => p.code === 'county.533423.1')!;
    expect(local.source).toBe('county');
    // The band is the two bounds the built-in plans use for the sex ratio.
    expect(local.targets.filter((x) => x.indicator === 'sexRatioAtBirth').map((x) => [x.comparison, x.value])).toEqual([
      ['atLeast', '103'],
      ['atMost', '107'],
    ]);
    expect(local.targets[0]!.basis).toEqual({ document: '维卫发〔2026〕3号', clause: '二(一)' });

    const actions = await t.database.query<{ action: string; username: string }>(
      `SELECT action, username FROM audit_log WHERE target_type = 'planVersion' AND target_id = $1 ORDER BY seq`,
      [String(v.id)],
    );
    expect(actions.map((a) => [a.action, a.username])).toEqual([
      ['monitoring.planDraft', 'county'],
      ['monitoring.planSubmit', 'county'],
      ['monitoring.planPublish', 'admin'],
    ]);
  });

  it('never changes a published plan: a revision is the next version, and the database refuses an edit', async () => {
    const [pub] = await t.database.query<{ id: number }>(
      `SELECT id FROM plan_versions WHERE plan_code = 'county.533423.1' AND status = 'published'`,
    );
    const edit = await t.app.inject({
      method: 'PUT',
      url: `/api/monitoring/plan-drafts/${pub!.id}`,
      payload: { ...PLAN, revises: undefined },
      ...as(county),
    });
    expect(edit.statusCode).toBe(409);
    await expect(
      t.database.query(`UPDATE plan_versions SET definition = '{}' WHERE id = $1`, [pub!.id]),
    ).rejects.toThrow(/published and cannot change/);

    const revision = await post(county, '/api/monitoring/plan-drafts', { ...PLAN, revises: 'county.533423.1' });
    expect(revision.json()).toMatchObject({ planCode: 'county.533423.1', version: 2, status: 'draft' });
  });

  it('has the database refuse a drafter as publisher whatever the code does', async () => {
    const [d] = await t.database.query<{ id: number; created_by: number }>(
      `SELECT id, created_by FROM plan_versions WHERE status = 'draft' LIMIT 1`,
    );
    await expect(
      t.database.query(
        `UPDATE plan_versions SET status = 'published', published_by = created_by, published_at = now() WHERE id = $1`,
        [d!.id],
      ),
    ).rejects.toThrow(/four_eyes/);
  });

  it('takes a plan under review back to draft, and changes a draft', async () => {
    const v = (await post(county, '/api/monitoring/plan-drafts', PLAN)).json();
    await post(county, `/api/monitoring/plan-drafts/${v.id}/submit`);
    const back = await post(admin, `/api/monitoring/plan-drafts/${v.id}/withdraw`);
    expect(back.json().status).toBe('draft');
    const changed = await t.app.inject({
      method: 'PUT',
      url: `/api/monitoring/plan-drafts/${v.id}`,
      payload: { ...PLAN, title: '修订后的标题' },
      ...as(county),
    });
    expect(changed.json()).toMatchObject({ status: 'draft', definition: { title: '修订后的标题' } });
    expect((await post(county, `/api/monitoring/plan-drafts/${v.id}/publish`)).json().code).toBe('plan.wrongStatus');
  });

  it.each([
    ['an indicator not in the catalogue', { indicator: 'happiness' }, 'targets.0.indicator', '指标目录中没有该指标'],
    ['a target that is not a number', { value: '十' }, 'targets.0.value', '目标值须为不带单位的非负数'],
    ['a year outside the period', { year: 2030 }, 'targets.0.year', '年份2030不在方案期间（2026–2027年）内'],
    [
      'a band for an indicator that is not the sex ratio',
      { comparison: 'band', upper: '20' },
      'targets.0.comparison',
      '区间只适用于',
    ],
    ['a floor on a rate where lower is better', { comparison: 'atLeast' }, 'targets.0.comparison', '越低越好'],
  ])('refuses %s with a message and writes nothing', async (_what, change, field, zh) => {
    const before = await versions();
    const body = { ...PLAN, targets: [{ ...PLAN.targets[0]!, ...change }, ...PLAN.targets.slice(1)] };
    const res = await post(county, '/api/monitoring/plan-drafts', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('plan.invalid');
    expect(res.json().message).toContain(zh);
    expect(res.json().details.map((p: { field: string }) => p.field)).toContain(field);
    expect(await versions()).toBe(before);
  });

  it('refuses duplicate targets, in English for an English user', async () => {
    const body = { ...PLAN, targets: [PLAN.targets[0]!, { ...PLAN.targets[0]!, value: '8' }] };
    const res = await post(county, '/api/monitoring/plan-drafts', body, 'en');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('row 2: a second target for the same indicator and year (put a band on one row)');
  });

  it('lets only administrators near the drafts', async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/monitoring/plan-drafts', ...as(township) })).statusCode,
    ).toBe(403);
    const list = await t.app.inject({ method: 'GET', url: '/api/monitoring/plan-drafts', ...as(county) });
    expect(list.json().length).toBeGreaterThanOrEqual(3);
  });
});
