import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilingContentBody, InstitutionDetail } from '@cradle/contract';
import { computeUsccCheckCharacter } from '@cradle/domain';
import { createTestApp, login, as, multipartFile, type Session, type TestApp } from '../test/app.js';

// Issue 14, "Done when" (first slice): an institution files a 30-slot centre (20 affordable) in
// 保和镇 with a class over its size limit, is refused with the rule, corrects it and files; the
// county completes the filing within its deadline; the centre appears on the public page; a
// closure removes it. Every step audited.

const uscc = (first17: string) => first17 + computeUsccCheckCharacter(first17);
const CENTRE_USCC = uscc('91533423MA6K00001');

const centre = (): FilingContentBody => ({
  name: '保和镇阳光托育中心',
  uscc: CENTRE_USCC,
  registrationAuthority: 'marketRegulation',
  type: 'community',
  operatorForm: 'privateWithPublicAid',
  regionCode: '533423101',
  address: '保和镇新华街8号',
  premisesArea: 420,
  establishedOn: '2026-03-01',
  slots: 30,
  affordableSlots: 20,
  monthlyFeeFen: 120_000,
  affordableFeeFen: 80_000,
  classes: [
    { name: '托小班', ageGroup: 'youngToddler', capacity: 8, enrolled: 6, carers: 2 },
    // Over 托大班's 20 (托育机构设置标准(试行) 2019).
    { name: '托大班', ageGroup: 'oldToddler', capacity: 22, enrolled: 12, carers: 4 },
  ],
  staff: ['和春梅', '李秀英', '王丽华', '余晓红', '杨金花', '和建英', '赵艳'].map((name, i) => ({
    name,
    post: i === 6 ? ('healthWorker' as const) : ('carer' as const),
    qualification: i === 6 ? '护士执业证书' : '保育师（四级）',
    healthCertificateNo: `JK2026${i}`,
    healthCertificateIssuedOn: '2026-03-01',
    healthCertificateValidUntil: '2027-02-28',
  })),
});

let t: TestApp;
let institution: Session;
let county: Session;
let township2: Session;

const post = (s: Session, url: string, payload?: object, lang = 'zh-CN') =>
  t.app.inject({ method: 'POST', url, ...(payload ? { payload } : {}), ...as(s, { 'accept-language': lang }) });
const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, ...as(s) });
const count = async (table: string) =>
  Number((await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);
const audited = async (action: string) =>
  await t.database.query<{ target_id: string; details: unknown }>(
    'SELECT target_id, details FROM audit_log WHERE action = $1 ORDER BY seq',
    [action],
  );
const publicList = async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/portal/childcare-institutions?county=533423' });
  expect(res.statusCode).toBe(200);
  return res.json<{ townships: { code: string; name: string; institutions: Record<string, unknown>[] }[] }>();
};

beforeAll(async () => {
  t = await createTestApp(200);
  // Monday 7 December 2026, 10:00 in China.
  t.clock.set('2026-12-07T02:00:00Z');
  institution = await login(t, 'institution');
  county = await login(t, 'county');
  township2 = await login(t, 'township2');
});
afterAll(() => t.close());

describe('filing a childcare centre (Done when)', () => {
  let id = 0;
  let filingId = 0;

  it('refuses a class over its size limit, citing the rule, and writes nothing', async () => {
    const before = await count('childcare_filings');
    const res = await post(institution, '/api/childcare/filings', { content: centre() });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('childcare.rules');
    expect(body.message).toContain('托大班');
    expect(body.message).toContain('超过上限20人');
    expect(body.message).toContain('托育机构设置标准(试行)');
    expect(body.details.breaches.map((b: { rule: string }) => b.rule)).toEqual(['class.size']);
    expect(await count('childcare_filings')).toBe(before);
    expect(await count('childcare_institutions')).toBe(0);
    const en = await post(institution, '/api/childcare/filings', { content: centre() }, 'en');
    expect(en.json().message).toMatch(/older toddler class of 22; the most is 20/);
  });

  it('files the corrected centre with a document: received, due in 5 working days', async () => {
    const form = multipartFile('营业执照.pdf', '%PDF-1.4 licence');
    const uploaded = await t.app.inject({
      method: 'POST',
      url: '/api/childcare/documents',
      payload: form.payload,
      headers: { ...form.headers, ...as(institution).headers },
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const content = centre();
    content.classes = [
      { name: '托小班', ageGroup: 'youngToddler', capacity: 10, enrolled: 6, carers: 2 },
      { name: '托大班', ageGroup: 'oldToddler', capacity: 20, enrolled: 12, carers: 3 },
    ];
    const res = await post(institution, '/api/childcare/filings', { content, documentIds: [uploaded.json().id] });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<InstitutionDetail>();
    id = d.id;
    expect(d).toMatchObject({ status: 'pending', uscc: CENTRE_USCC, regionName: '保和镇', filingNo: null });
    expect(d.versions).toHaveLength(1);
    expect(d.versions[0]).toMatchObject({
      version: 1,
      kind: 'filing',
      state: 'received',
      receivedOn: '2026-12-07',
      reviewDeadline: '2026-12-14',
      reviewState: 'onTime',
    });
    expect(d.versions[0]!.documents.map((x) => x.fileName)).toEqual(['营业执照.pdf']);
    expect(d.versions[0]!.staff[0]!.name).toBe('和春梅');
    filingId = d.versions[0]!.id;
    expect((await audited('childcare.file')).map((a) => a.target_id)).toEqual([String(id)]);
    // Not public until the county files it.
    expect((await publicList()).townships).toEqual([]);
  });

  it('shows it in the county queue with its deadline; another township does not see it', async () => {
    const q = await get(county, '/api/childcare/filings');
    expect(q.statusCode).toBe(200);
    expect(q.json().items).toMatchObject([
      { id: filingId, name: '保和镇阳光托育中心', reviewDeadline: '2026-12-14', overdue: false },
    ]);
    const other = await get(township2, `/api/childcare/institutions/${id}`);
    expect(other.statusCode).toBe(404);
    expect((await get(township2, '/api/childcare/institutions')).json().items).toEqual([]);
  });

  it('the county completes the filing within its deadline; the centre is public, nothing personal shown', async () => {
    t.clock.set('2026-12-10T02:00:00Z');
    const res = await post(county, `/api/childcare/filings/${filingId}/complete`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<InstitutionDetail>();
    expect(d.status).toBe('filed');
    expect(d.filingNo).toMatch(/^TY533423\d{6}$/);
    expect(d.versions[0]).toMatchObject({ state: 'filed', decidedOn: '2026-12-10', reviewState: null });
    const [entry] = await audited('childcare.complete');
    expect(entry!.details).toMatchObject({ onTime: true, reviewDeadline: '2026-12-14' });

    const list = await publicList();
    expect(list.townships).toHaveLength(1);
    expect(list.townships[0]).toMatchObject({ code: '533423101', name: '保和镇' });
    expect(list.townships[0]!.institutions).toEqual([
      {
        filingNo: d.filingNo,
        name: '保和镇阳光托育中心',
        type: 'community',
        operatorForm: 'privateWithPublicAid',
        address: '保和镇新华街8号',
        affordable: true,
        slots: 30,
        affordableSlots: 20,
        vacancies: 12,
        monthlyFeeFen: 120_000,
        affordableFeeFen: 80_000,
        filedOn: '2026-12-10',
        rating: null,
      },
    ]);
    const raw = JSON.stringify(list);
    for (const secret of ['和春梅', 'JK2026', CENTRE_USCC]) expect(raw).not.toContain(secret);
  });

  it('masks staff names for a reader who is not the reviewer', async () => {
    const township = await login(t, 'township');
    const d = (await get(township, `/api/childcare/institutions/${id}`)).json<InstitutionDetail>();
    expect(d.versions[0]!.staff[0]!.name).toBe('和*梅');
    expect((await audited('childcare.view')).length).toBeGreaterThan(0);
  });

  it('a change is a new version; a send-back gives 15 working days; the correction resubmits', async () => {
    const content = { ...centre(), monthlyFeeFen: 130_000 };
    content.classes = [
      { name: '托小班', ageGroup: 'youngToddler', capacity: 10, enrolled: 6, carers: 2 },
      { name: '托大班', ageGroup: 'oldToddler', capacity: 20, enrolled: 12, carers: 3 },
    ];
    const changed = (
      await post(institution, '/api/childcare/filings', { institutionId: id, content })
    ).json<InstitutionDetail>();
    expect(changed.versions.map((v) => [v.version, v.kind, v.state])).toEqual([
      [2, 'change', 'received'],
      [1, 'filing', 'filed'],
    ]);
    // A second while one awaits review is refused.
    expect((await post(institution, '/api/childcare/filings', { institutionId: id, content })).json().code).toBe(
      'childcare.pendingVersion',
    );
    const back = await post(county, `/api/childcare/filings/${changed.versions[0]!.id}/send-back`, {
      reason: '收费标准未附物价备案',
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().versions[0]).toMatchObject({ state: 'sentBack', correctionDeadline: '2026-12-31' });
    const queue = (await get(county, '/api/childcare/filings?state=sentBack')).json();
    expect(queue.items[0]).toMatchObject({ correctionDeadline: '2026-12-31', overdue: false });
    // The public page still shows the version in force.
    expect((await publicList()).townships[0]!.institutions[0]!.monthlyFeeFen).toBe(120_000);

    const again = (
      await post(institution, '/api/childcare/filings', { institutionId: id, content })
    ).json<InstitutionDetail>();
    expect(again.versions.map((v) => [v.version, v.state])).toEqual([
      [3, 'received'],
      [2, 'resubmitted'],
      [1, 'filed'],
    ]);
    expect((await post(county, `/api/childcare/filings/${again.versions[0]!.id}/complete`)).statusCode).toBe(200);
    expect((await publicList()).townships[0]!.institutions[0]!.monthlyFeeFen).toBe(130_000);
  });

  it('flags a filing whose review deadline has passed as overdue', async () => {
    const other = {
      ...centre(),
      name: '保和镇小太阳托育点',
      uscc: uscc('52533423MJ0000002'),
      registrationAuthority: 'civilAffairs' as const,
    };
    other.classes = [{ name: '混合班', ageGroup: 'mixed', capacity: 18, enrolled: 10, carers: 4 }];
    other.slots = 18;
    other.affordableSlots = 0;
    other.affordableFeeFen = null;
    const res = await post(institution, '/api/childcare/filings', { content: other });
    expect(res.statusCode, res.body).toBe(200);
    t.clock.set('2026-12-21T02:00:00Z');
    const q = (await get(county, '/api/childcare/filings')).json();
    expect(q.items).toMatchObject([
      { name: '保和镇小太阳托育点', reviewDeadline: '2026-12-17', reviewState: 'overdue', overdue: true },
    ]);
    const xlsx = await get(county, '/api/childcare/filings/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('a filed closure removes the centre from the public page; every version is kept', async () => {
    const res = await post(institution, `/api/childcare/institutions/${id}/closure`, {
      closedOn: '2026-12-20',
      reason: '租约到期',
      childrenPlacement: '在托12名幼儿转入保和镇中心幼儿园托班',
    });
    expect(res.statusCode, res.body).toBe(200);
    const closure = res.json<InstitutionDetail>().versions[0]!;
    expect(closure).toMatchObject({ kind: 'closure', state: 'received', closure: { closedOn: '2026-12-20' } });
    expect((await publicList()).townships[0]!.institutions).toHaveLength(1);
    const done = await post(county, `/api/childcare/filings/${closure.id}/complete`);
    expect(done.json()).toMatchObject({ status: 'closed', closedOn: '2026-12-20' });
    expect(done.json<InstitutionDetail>().versions).toHaveLength(4);
    expect((await publicList()).townships).toEqual([]);
    for (const action of ['childcare.close', 'childcare.sendBack', 'childcare.change', 'childcare.uploadDocument'])
      expect((await audited(action)).length, action).toBeGreaterThan(0);
  });
});

describe('bad input', () => {
  const cases: [string, (c: FilingContentBody) => void, string, RegExp][] = [
    [
      'a wrong check character',
      (c) => (c.uscc = CENTRE_USCC.slice(0, 17) + (CENTRE_USCC.endsWith('0') ? '1' : '0')),
      'uscc.checkCharacter',
      /校验位错误/,
    ],
    ['a code of 17 characters', (c) => (c.uscc = CENTRE_USCC.slice(0, 17)), 'uscc.length', /应为18位，当前为17位/],
    ['a code of another authority', (c) => (c.registrationAuthority = 'civilAffairs'), 'uscc.authority', /首位应为 5/],
    ['a future date of establishment', (c) => (c.establishedOn = '2027-05-01'), 'institution.futureDate', /晚于今天/],
    [
      'a future health certificate',
      (c) => (c.staff[0]!.healthCertificateIssuedOn = '2027-01-01'),
      'staff.futureDate',
      /晚于今天/,
    ],
    [
      'an expired health certificate',
      (c) => (c.staff[0]!.healthCertificateValidUntil = '2026-01-01'),
      'staff.healthCertificate',
      /已于 2026-01-01 过期/,
    ],
    ['too few carers', (c) => (c.classes[0]!.carers = 1), 'class.ratio', /至少需保育人员2名/],
  ];

  it.each(cases)('refuses %s with a clear message in both languages, writing nothing', async (_, spoil, rule, zh) => {
    const c = centre();
    c.uscc = uscc('91533423MA6K00009');
    c.classes[1] = { ...c.classes[1]!, capacity: 20, carers: 3 };
    c.classes[0] = { ...c.classes[0]!, capacity: 10 };
    spoil(c);
    const before = await count('childcare_filings');
    const res = await post(institution, '/api/childcare/filings', { content: c });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.breaches.map((b: { rule: string }) => b.rule)).toContain(rule);
    expect(res.json().message).toMatch(zh);
    const en = await post(institution, '/api/childcare/filings', { content: c }, 'en');
    expect(en.json().message).toMatch(/^The filing breaks the standard; nothing was saved: [A-Za-z"]/);
    expect(await count('childcare_filings')).toBe(before);
  });

  it('refuses premises outside the account’s jurisdiction, a non-date and a closure dated ahead', async () => {
    const c = centre();
    c.regionCode = '533423102';
    const outside = await post(institution, '/api/childcare/filings', { content: c });
    expect(outside.json().code).toBe('childcare.region');
    const notADate = await post(institution, '/api/childcare/filings', {
      content: { ...centre(), establishedOn: '2026-02-30' },
    });
    expect(notADate.statusCode).toBe(400);
    expect(notADate.json().code).toBe('request.invalid');
    const ahead = await post(institution, '/api/childcare/institutions/1/closure', {
      closedOn: '2099-01-01',
      reason: '搬迁',
      childrenPlacement: '无在托幼儿',
    });
    expect(ahead.json().code).toBe('childcare.futureClosure');
  });

  it('refuses a second institution with a credit code already on file, writing nothing', async () => {
    const c = centre();
    c.classes = [
      { name: '托小班', ageGroup: 'youngToddler', capacity: 10, enrolled: 6, carers: 2 },
      { name: '托大班', ageGroup: 'oldToddler', capacity: 20, enrolled: 12, carers: 3 },
    ];
    const before = await count('childcare_filings');
    const res = await post(institution, '/api/childcare/filings', { content: c });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('childcare.usccTaken');
    expect(res.json().message).toContain('已有机构使用此统一社会信用代码备案');
    expect(await count('childcare_filings')).toBe(before);
  });

  it('keeps an institution account out of the registry and the county’s work', async () => {
    for (const url of ['/api/persons', '/api/dashboard', '/api/childcare/filings', '/api/childcare/institutions'])
      expect((await get(institution, url)).statusCode, url).toBe(403);
    expect((await post(institution, '/api/childcare/filings/1/complete')).statusCode).toBe(403);
  });
});
