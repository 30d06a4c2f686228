import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilingContentBody, InstitutionDetail, SupervisionView } from '@cradle/contract';
import { checklistOf, chinaDateOf, computeUsccCheckCharacter } from '@cradle/domain';
import { createTestApp, login, as, multipartFile, type Session, type TestApp } from '../test/app.js';
import { flagOverdueRectifications } from './overdue.js';
import { slotsInForce } from './closure-repo.js';
import { withScope } from '../db/scope.js';

// Issue 14, supervision: a failed fire inspection's rectification turns overdue and the
// institution and the county hear of it; the institution reports it done; a re-inspection closes
// it; a yearly rating shows on the public page; incidents answer "近三年无重大安全事故" (003 三(三));
// the county's emergency closure places the children and removes the slots. Every step audited.

const uscc = (first17: string) => first17 + computeUsccCheckCharacter(first17);
const staff = ['和春梅', '李秀英', '王丽华', '余晓红', '杨金花', '和建英', '赵艳'].map((name, i) => ({
  name,
  post: i === 6 ? ('healthWorker' as const) : ('carer' as const),
  qualification: i === 6 ? '护士执业证书' : '保育师（四级）',
  healthCertificateNo: `JK2026${i}`,
  healthCertificateIssuedOn: '2026-03-01',
  healthCertificateValidUntil: '2027-02-28',
}));
const content = (name: string, code: string, type: FilingContentBody['type'], slots: number): FilingContentBody => ({
  name,
  uscc: uscc(code),
  registrationAuthority: 'marketRegulation',
  type,
  operatorForm: 'private',
  regionCode: '533423101',
  address: '保和镇新华街8号',
  premisesArea: 420,
  establishedOn: '2026-03-01',
  slots,
  affordableSlots: 10,
  monthlyFeeFen: 120_000,
  affordableFeeFen: 80_000,
  classes: [
    ...(slots > 20
      ? [{ name: '托小班', ageGroup: 'youngToddler' as const, capacity: slots - 20, enrolled: 6, carers: 2 }]
      : []),
    { name: '托大班', ageGroup: 'oldToddler', capacity: 20, enrolled: 12, carers: 3 },
  ],
  staff,
});

let t: TestApp;
let institution: Session;
let county: Session;
let education: Session;
let township2: Session;
let centre = 0;
let kindergarten = 0;
let documentId = 0;

const send = (s: Session, method: 'GET' | 'POST', url: string, payload?: object, lang = 'zh-CN') =>
  t.app.inject({ method, url, ...(payload ? { payload } : {}), ...as(s, { 'accept-language': lang }) });
const actions = async (action: string) =>
  Number(
    (await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action]))[0]!
      .n,
  );
const publicList = async () =>
  (await t.app.inject({ method: 'GET', url: '/api/portal/childcare-institutions?county=533423' })).json<{
    townships: { institutions: { name: string; rating?: { year: number; grade: string } | null }[] }[];
  }>();
const countySlots = (day: string) =>
  withScope(t.database, { jurisdictionCode: '533423' }, (tx) => slotsInForce(tx, '533423', day));

/** Every item of the fire checklist passes but those named, which fail with a due date. */
const fireFindings = (failing: Record<string, string>) =>
  checklistOf('fire').items.map((i) =>
    failing[i.code]
      ? { item: i.code, result: 'fail', note: '疏散通道堆放杂物', dueOn: failing[i.code] }
      : { item: i.code, result: 'pass' },
  );

async function fileAndComplete(body: FilingContentBody, documentIds: number[] = []): Promise<number> {
  const filed = await send(institution, 'POST', '/api/childcare/filings', { content: body, documentIds });
  expect(filed.statusCode, filed.body).toBe(200);
  const d = filed.json<InstitutionDetail>();
  const done = await send(county, 'POST', `/api/childcare/filings/${d.versions[0]!.id}/complete`);
  expect(done.statusCode, done.body).toBe(200);
  return d.id;
}

beforeAll(async () => {
  t = await createTestApp(200);
  // Monday 7 December 2026, 10:00 in China.
  t.clock.set('2026-12-07T02:00:00Z');
  institution = await login(t, 'institution');
  county = await login(t, 'county');
  education = await login(t, 'education');
  township2 = await login(t, 'township2');
  const form = multipartFile('消防验收意见书.pdf', '%PDF-1.4 fire approval');
  const uploaded = await t.app.inject({
    method: 'POST',
    url: '/api/childcare/documents',
    payload: form.payload,
    headers: { ...form.headers, ...as(institution).headers },
  });
  documentId = uploaded.json<{ id: number }>().id;
  centre = await fileAndComplete(content('保和镇阳光托育中心', '91533423MA6K00001', 'community', 30), [documentId]);
  kindergarten = await fileAndComplete(content('保和镇中心幼儿园', '91533423MA6K00002', 'kindergartenClass', 20));
});
afterAll(() => t.close());

describe('inspections and rectifications (Done when: a failed fire inspection turns overdue)', () => {
  let inspectionId = 0;
  let rectificationId = 0;

  it('refuses findings that do not answer the checklist, and a failed item without a due date; writes nothing', async () => {
    const partial = await send(county, 'POST', '/api/childcare/inspections', {
      institutionId: centre,
      area: 'fire',
      inspectedOn: '2026-12-07',
      findings: [{ item: 'fire.exits', result: 'pass' }],
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().code).toBe('childcareSupervision.findings');
    expect(partial.json().message).toContain('灭火器材配置齐全且在有效期内');
    const noDue = fireFindings({}).map((f) => (f.item === 'fire.exits' ? { ...f, result: 'fail' } : f));
    const res = await send(county, 'POST', '/api/childcare/inspections', {
      institutionId: centre,
      area: 'fire',
      inspectedOn: '2026-12-07',
      findings: noDue,
    });
    expect(res.json().code).toBe('childcareSupervision.rectification');
    expect(await actions('childcare.inspect')).toBe(0);
  });

  it('records a failed fire inspection: the failed item opens a rectification due on its date', async () => {
    const res = await send(county, 'POST', '/api/childcare/inspections', {
      institutionId: centre,
      area: 'fire',
      inspectedOn: '2026-12-07',
      findings: fireFindings({ 'fire.exits': '2026-12-10' }),
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json<SupervisionView>();
    expect(v.inspections).toMatchObject([{ area: 'fire', passed: false, department: 'healthCommission' }]);
    expect(v.rectifications).toMatchObject([
      { item: 'fire.exits', requirement: '疏散通道堆放杂物', dueOn: '2026-12-10', state: 'open', overdue: false },
    ]);
    inspectionId = v.inspections[0]!.id;
    rectificationId = v.rectifications[0]!.id;
    expect(await actions('childcare.inspect')).toBe(1);
  });

  it('turns overdue after its date; the daily job tells the institution and the county once', async () => {
    t.clock.set('2026-12-14T02:00:00Z');
    const overdue = await send(county, 'GET', '/api/childcare/rectifications?overdue=true');
    expect(overdue.json().items).toMatchObject([
      { id: rectificationId, overdue: true, institutionName: '保和镇阳光托育中心' },
    ]);
    const today = chinaDateOf(t.clock.now());
    expect(await flagOverdueRectifications(t.database, today)).toBe(1);
    expect(await flagOverdueRectifications(t.database, today)).toBe(0);
    const own = await send(institution, 'GET', '/api/notifications');
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('保和镇阳光托育中心 的整改事项已逾期（应于 2026-12-10 前完成）');
    expect((await send(county, 'GET', '/api/notifications')).body).toContain('保和镇阳光托育中心 的整改事项已逾期');
    expect((await send(township2, 'GET', '/api/notifications')).body).not.toContain('整改事项已逾期');
    const sheet = await send(county, 'GET', '/api/childcare/rectifications/export.xlsx?overdue=true');
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-type']).toContain('spreadsheetml');
  });

  it('the institution reports it done, once; a re-inspection that passes closes it', async () => {
    const other = await send(county, 'POST', `/api/childcare/rectifications/${rectificationId}/report`, { note: 'x' });
    expect(other.statusCode).toBe(403);
    const res = await send(institution, 'POST', `/api/childcare/rectifications/${rectificationId}/report`, {
      note: '已清理疏散通道',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<SupervisionView>().rectifications[0]).toMatchObject({ state: 'reported', overdue: false });
    const again = await send(institution, 'POST', `/api/childcare/rectifications/${rectificationId}/report`, {
      note: '已清理',
    });
    expect(again.json().code).toBe('childcareSupervision.notOpen');
    const wrongArea = await send(county, 'POST', '/api/childcare/inspections', {
      institutionId: centre,
      area: 'building',
      inspectedOn: '2026-12-14',
      findings: checklistOf('building').items.map((i) => ({ item: i.code, result: 'pass' })),
      reinspectionOf: inspectionId,
    });
    expect(wrongArea.json().code).toBe('childcareSupervision.reinspection');
    const re = await send(county, 'POST', '/api/childcare/inspections', {
      institutionId: centre,
      area: 'fire',
      inspectedOn: '2026-12-14',
      findings: fireFindings({}),
      reinspectionOf: inspectionId,
    });
    expect(re.statusCode, re.body).toBe(200);
    expect(re.json<SupervisionView>().rectifications).toMatchObject([
      { id: rectificationId, state: 'closed', closedOn: '2026-12-14', closedPassed: true },
    ]);
  });

  it('education inspects and sees 幼儿园托班 only', async () => {
    const centreList = await send(education, 'POST', '/api/childcare/inspections', {
      institutionId: centre,
      area: 'fire',
      inspectedOn: '2026-12-14',
      findings: fireFindings({}),
    });
    expect(centreList.statusCode).toBe(404);
    const ok = await send(education, 'POST', '/api/childcare/inspections', {
      institutionId: kindergarten,
      area: 'fire',
      inspectedOn: '2026-12-14',
      findings: fireFindings({}),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<SupervisionView>().inspections[0]).toMatchObject({ department: 'education', passed: true });
    const list = await send(education, 'GET', '/api/childcare/supervision');
    expect(list.json().items.map((i: { id: number }) => i.id)).toEqual([kindergarten]);
    expect((await send(education, 'GET', `/api/childcare/institutions/${centre}/supervision`)).statusCode).toBe(404);
    expect(
      (
        await send(education, 'POST', '/api/childcare/ratings', {
          institutionId: kindergarten,
          year: 2026,
          grade: 'good',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('ratings, incidents and the three-year safety record', () => {
  it('rates once a year; the public page shows the latest grade', async () => {
    const res = await send(county, 'POST', '/api/childcare/ratings', {
      institutionId: centre,
      year: 2026,
      grade: 'good',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<SupervisionView>().ratings).toMatchObject([{ year: 2026, grade: 'good' }]);
    const twice = await send(county, 'POST', '/api/childcare/ratings', {
      institutionId: centre,
      year: 2026,
      grade: 'excellent',
    });
    expect(twice.json().code).toBe('childcareSupervision.rated');
    const listed = (await publicList()).townships.flatMap((x) => x.institutions);
    expect(listed.find((i) => i.name === '保和镇阳光托育中心')!.rating).toEqual({ year: 2026, grade: 'good' });
  });

  it('answers "近三年无重大安全事故" for a jurisdiction and year from the incident log', async () => {
    const record = (year: number, region = '') =>
      send(county, 'GET', `/api/childcare/safety-record?year=${year}${region ? `&region=${region}` : ''}`);
    expect((await record(2026)).json()).toMatchObject({ noMajorIncident: true, from: '2024-01-01', to: '2026-12-31' });
    const ordinary = {
      institutionId: centre,
      occurredOn: '2025-06-03',
      severity: 'ordinary',
      summary: '幼儿摔倒擦伤',
      injured: 1,
      deaths: 0,
    };
    expect((await send(county, 'POST', '/api/childcare/incidents', ordinary)).statusCode).toBe(200);
    expect((await record(2026)).json().noMajorIncident).toBe(true);
    const major = { ...ordinary, occurredOn: '2024-03-15', severity: 'major', summary: '食物中毒', injured: 12 };
    expect((await send(county, 'POST', '/api/childcare/incidents', major)).statusCode).toBe(200);
    const r2026 = (await record(2026)).json();
    expect(r2026.noMajorIncident).toBe(false);
    expect(r2026.majorIncidents).toMatchObject([{ occurredOn: '2024-03-15', severity: 'major' }]);
    // Three years later it has left the window; another township never had it.
    expect((await record(2027)).json().noMajorIncident).toBe(true);
    expect((await record(2026, '533423102')).json().noMajorIncident).toBe(true);
    expect((await record(2026, '533424')).json().code).toBe('childcareSupervision.region');
    expect((await send(township2, 'GET', '/api/childcare/incidents')).json().items).toEqual([]);
    expect((await send(county, 'GET', '/api/childcare/incidents')).json().total).toBe(2);
    expect(await actions('childcare.recordIncident')).toBe(2);
  });
});

describe('emergency closure and the filed documents', () => {
  it('the county downloads a filed document (audited); another township cannot', async () => {
    const res = await send(county, 'GET', `/api/childcare/documents/${documentId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('%PDF-1.4 fire approval');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect((await send(township2, 'GET', `/api/childcare/documents/${documentId}`)).statusCode).toBe(403);
    expect(await actions('childcare.downloadDocument')).toBe(1);
  });

  it('closes the centre at once with the children placed: off the public page, its slots gone from the day', async () => {
    expect(await countySlots('2026-12-14')).toEqual({ institutions: 2, slots: 50, affordableSlots: 20 });
    // An item still open when the centre closes: the closure closes it, and it never turns overdue.
    const failed = await send(county, 'POST', '/api/childcare/inspections', {
      institutionId: centre,
      area: 'fire',
      inspectedOn: '2026-12-14',
      findings: fireFindings({ 'fire.exits': '2026-12-20' }),
    });
    expect(failed.statusCode, failed.body).toBe(200);
    const open = failed.json<SupervisionView>().rectifications.find((r) => r.state === 'open')!;
    expect(open).toMatchObject({ dueOn: '2026-12-20' });
    const body = {
      closedOn: '2026-12-14',
      reason: '重大食品安全隐患，责令停业',
      transferPlan: '当日通知全部家长，由乡镇卫生院陪同转入',
      placements: [{ receivingInstitutionId: kindergarten, receivingName: '保和镇中心幼儿园', children: 12 }],
    };
    const self = await send(county, 'POST', `/api/childcare/institutions/${centre}/emergency-closure`, {
      ...body,
      placements: [{ receivingInstitutionId: centre, receivingName: '自身', children: 12 }],
    });
    expect(self.json().code).toBe('childcareSupervision.placements');
    const res = await send(county, 'POST', `/api/childcare/institutions/${centre}/emergency-closure`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<SupervisionView>().closure).toMatchObject({ closedOn: '2026-12-14', placements: body.placements });
    const names = (await publicList()).townships.flatMap((x) => x.institutions.map((i) => i.name));
    expect(names).toEqual(['保和镇中心幼儿园']);
    expect(await countySlots('2026-12-14')).toEqual({ institutions: 1, slots: 20, affordableSlots: 10 });
    expect(await countySlots('2026-12-13')).toEqual({ institutions: 2, slots: 50, affordableSlots: 20 });
    const again = await send(county, 'POST', `/api/childcare/institutions/${centre}/emergency-closure`, body);
    expect(again.json().code).toBe('childcareSupervision.notFiled');
    expect(await actions('childcare.emergencyClose')).toBe(1);
    const closed = res.json<SupervisionView>().rectifications.find((r) => r.id === open.id);
    expect(closed).toMatchObject({ state: 'closed', closedOn: '2026-12-14', closedPassed: null, overdue: false });
    expect(res.json<SupervisionView>().rectifications.every((r) => r.state === 'closed')).toBe(true);
    const [logged] = await t.database.query<{ details: { closedRectifications: number[] } }>(
      `SELECT details FROM audit_log WHERE action = 'childcare.emergencyClose'`,
    );
    expect(logged!.details.closedRectifications).toEqual([open.id]);
    t.clock.set('2026-12-21T02:00:00Z');
    expect(await flagOverdueRectifications(t.database, '2026-12-21')).toBe(0);
    expect((await send(county, 'GET', '/api/childcare/rectifications?overdue=true')).json().items).toEqual([]);
    const sheet = await send(county, 'GET', '/api/childcare/supervision/export.xlsx');
    expect(sheet.statusCode).toBe(200);
  });
});
