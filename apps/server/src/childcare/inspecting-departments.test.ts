import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilingContentBody, InstitutionDetail, SupervisionView } from '@cradle/contract';
import { checklistOf, computeUsccCheckCharacter, type InspectionArea } from '@cradle/domain';
import { createTestApp, login, as, type Session, type TestApp } from '../test/app.js';
import { readXlsx } from '../exports/test-xlsx.js';
import { flagOverdueRectifications } from './overdue.js';

// Issue 14, "other departments see what their inspections need": fire and rescue, market
// regulation and emergency management inspect the areas they own (area-owners.ts; 000 二(三)),
// see the filed institutions' facts and their own areas' inspections and items, re-inspect them,
// and hear when one turns overdue. Another area is refused and nothing is written.

const uscc = (first17: string) => first17 + computeUsccCheckCharacter(first17);
const STAFF_NAMES = ['和春梅', '李秀英', '王丽华'];
const content: FilingContentBody = {
  name: '保和镇星星托育园',
  uscc: uscc('91533423MA6K00011'),
  registrationAuthority: 'marketRegulation',
  type: 'community',
  operatorForm: 'private',
  regionCode: '533423101',
  address: '保和镇文化路12号',
  premisesArea: 300,
  establishedOn: '2026-03-01',
  slots: 20,
  affordableSlots: 10,
  monthlyFeeFen: 120_000,
  affordableFeeFen: 80_000,
  classes: [{ name: '托大班', ageGroup: 'oldToddler', capacity: 20, enrolled: 12, carers: 3 }],
  staff: STAFF_NAMES.map((name, i) => ({
    name,
    post: 'carer' as const,
    qualification: '保育师（四级）',
    healthCertificateNo: `JK2026${i}`,
    healthCertificateIssuedOn: '2026-03-01',
    healthCertificateValidUntil: '2027-02-28',
  })),
};

let t: TestApp;
let s: Record<'institution' | 'county' | 'fire' | 'market' | 'emergency' | 'finance', Session>;
let centre = 0;

const send = (who: Session, method: 'GET' | 'POST', url: string, payload?: object, lang = 'zh-CN') =>
  t.app.inject({ method, url, ...(payload ? { payload } : {}), ...as(who, { 'accept-language': lang }) });
const count = async (sql: string) => Number((await t.database.query<{ n: number }>(sql))[0]!.n);
/** Every item of the area passes but the first, which fails with a due date when `dueOn` is given. */
const findings = (area: InspectionArea, dueOn?: string) =>
  checklistOf(area).items.map((i, k) =>
    k === 0 && dueOn
      ? { item: i.code, result: 'fail', note: '整改要求：' + i.label.zh, dueOn }
      : { item: i.code, result: 'pass' },
  );
const inspect = (who: Session, area: InspectionArea, dueOn?: string, reinspectionOf?: number, lang = 'zh-CN') =>
  send(
    who,
    'POST',
    '/api/childcare/inspections',
    {
      institutionId: centre,
      area,
      inspectedOn: '2026-12-07',
      findings: findings(area, dueOn),
      ...(reinspectionOf ? { reinspectionOf } : {}),
    },
    lang,
  );

beforeAll(async () => {
  t = await createTestApp(200);
  t.clock.set('2026-12-07T02:00:00Z');
  s = {
    institution: await login(t, 'institution'),
    county: await login(t, 'county'),
    fire: await login(t, 'fire'),
    market: await login(t, 'market'),
    emergency: await login(t, 'emergency'),
    finance: await login(t, 'finance'),
  };
  const filed = await send(s.institution, 'POST', '/api/childcare/filings', { content, documentIds: [] });
  const d = filed.json<InstitutionDetail>();
  expect((await send(s.county, 'POST', `/api/childcare/filings/${d.versions[0]!.id}/complete`)).statusCode).toBe(200);
  centre = d.id;
  expect(
    (await send(s.county, 'POST', '/api/childcare/ratings', { institutionId: centre, year: 2026, grade: 'good' }))
      .statusCode,
  ).toBe(200);
});
afterAll(() => t.close());

describe('inspecting departments (issue 14; 000 二(三))', () => {
  let fireInspection = 0;

  it('lets the fire operator record a failed fire inspection that opens a rectification, audited', async () => {
    const res = await inspect(s.fire, 'fire', '2026-12-10');
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json<SupervisionView>();
    expect(v.inspections).toMatchObject([{ area: 'fire', department: 'fireRescue', passed: false }]);
    expect(v.rectifications).toMatchObject([{ area: 'fire', item: 'fire.exits', state: 'open', dueOn: '2026-12-10' }]);
    fireInspection = v.inspections[0]!.id;
    expect(
      await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'childcare.inspect' AND username = 'fire'`),
    ).toBe(1);
  });

  it('refuses the fire operator a food inspection with 403 in the user’s language, and writes nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM childcare_inspections');
    const audits = await count('SELECT count(*) AS n FROM audit_log');
    const zh = await inspect(s.fire, 'foodWater', '2026-12-10');
    expect(zh.statusCode).toBe(403);
    expect(zh.json()).toMatchObject({ code: 'childcareSupervision.area' });
    expect(zh.json().message).toContain('食品饮水安全');
    expect(zh.json().message).toContain('消防安全');
    const en = await inspect(s.fire, 'food', undefined, undefined, 'en');
    expect(en.statusCode).toBe(403);
    expect(en.json().message).toContain('does not inspect Food safety');
    expect(await count('SELECT count(*) AS n FROM childcare_inspections')).toBe(before);
    expect(await count('SELECT count(*) AS n FROM audit_log')).toBe(audits);
  });

  it('shows the market operator no fire rows, only its own areas', async () => {
    expect((await inspect(s.market, 'foodWater')).statusCode).toBe(200);
    const rect = await send(s.market, 'GET', '/api/childcare/rectifications');
    expect(rect.json().items).toEqual([]);
    const view = (
      await send(s.market, 'GET', `/api/childcare/institutions/${centre}/supervision`)
    ).json<SupervisionView>();
    expect(view.inspections.map((n) => n.area)).toEqual(['foodWater']);
    expect(view.rectifications).toEqual([]);
    const list = (await send(s.market, 'GET', '/api/childcare/supervision')).json();
    expect(list.items).toMatchObject([{ id: centre, openRectifications: 0, latestRating: null }]);
    const sheet = await send(s.market, 'GET', '/api/childcare/rectifications/export.xlsx');
    expect(sheet.statusCode).toBe(200);
    expect((await readXlsx(sheet.rawPayload)).slice(1)).toEqual([]);
    // The fire operator sees its item, the county both areas.
    expect((await send(s.fire, 'GET', '/api/childcare/rectifications')).json().items).toHaveLength(1);
    const all = (
      await send(s.county, 'GET', `/api/childcare/institutions/${centre}/supervision`)
    ).json<SupervisionView>();
    expect(all.inspections.map((n) => n.area).sort()).toEqual(['fire', 'foodWater']);
  });

  it('gives the fire operator the institution’s facts, no staff, rating, incident, closure record or document', async () => {
    const list = await send(s.fire, 'GET', '/api/childcare/supervision');
    expect(list.json().items).toMatchObject([
      { name: '保和镇星星托育园', address: '保和镇文化路12号', type: 'community', slots: 20, latestRating: null },
    ]);
    const view = await send(s.fire, 'GET', `/api/childcare/institutions/${centre}/supervision`);
    expect(view.json<SupervisionView>()).toMatchObject({ ratings: [], incidents: [], closure: null });
    const sheet = await send(s.fire, 'GET', '/api/childcare/supervision/export.xlsx');
    expect(sheet.statusCode).toBe(200);
    const rows = await readXlsx(sheet.rawPayload);
    expect(rows[1]).toEqual(expect.arrayContaining(['保和镇星星托育园', '保和镇文化路12号']));
    for (const body of [list.body, view.body, rows.flat().join(' ')])
      for (const name of STAFF_NAMES) expect(body).not.toContain(name);
    // The filing (with the staff) and the county's lists are not theirs.
    expect((await send(s.fire, 'GET', `/api/childcare/institutions/${centre}`)).statusCode).toBe(403);
    expect((await send(s.fire, 'GET', '/api/childcare/institutions')).statusCode).toBe(403);
    expect((await send(s.fire, 'GET', '/api/childcare/incidents')).statusCode).toBe(403);
    expect(
      (await send(s.fire, 'POST', '/api/childcare/ratings', { institutionId: centre, year: 2025, grade: 'good' }))
        .statusCode,
    ).toBe(403);
    // A department that owns no area does not reach supervision at all.
    expect((await send(s.finance, 'GET', '/api/childcare/supervision')).statusCode).toBe(403);
    expect(
      await count(
        `SELECT count(*) AS n FROM audit_log WHERE action IN ('childcare.viewSupervision', 'childcare.exportSupervision') AND username = 'fire'`,
      ),
    ).toBe(2);
  });

  it('sends the fire operator the daily overdue notice, not the market or emergency operator', async () => {
    expect(await flagOverdueRectifications(t.database, '2026-12-11')).toBe(1);
    const notice = '保和镇星星托育园 的整改事项已逾期';
    expect((await send(s.fire, 'GET', '/api/notifications')).body).toContain(notice);
    expect((await send(s.county, 'GET', '/api/notifications')).body).toContain(notice);
    expect((await send(s.institution, 'GET', '/api/notifications')).body).toContain(notice);
    expect((await send(s.market, 'GET', '/api/notifications')).body).not.toContain(notice);
    expect((await send(s.emergency, 'GET', '/api/notifications')).body).not.toContain(notice);
  });

  it('lets the fire operator re-inspect its rectification and close it', async () => {
    t.clock.set('2026-12-12T02:00:00Z');
    const res = await send(s.fire, 'POST', '/api/childcare/inspections', {
      institutionId: centre,
      area: 'fire',
      inspectedOn: '2026-12-12',
      findings: findings('fire'),
      reinspectionOf: fireInspection,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<SupervisionView>().rectifications).toMatchObject([{ state: 'closed', closedPassed: true }]);
    // The emergency operator cannot re-inspect (or inspect) fire.
    expect((await inspect(s.emergency, 'fire')).statusCode).toBe(403);
    expect((await inspect(s.emergency, 'emergency')).statusCode).toBe(200);
  });
});
