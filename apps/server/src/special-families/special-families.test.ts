import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDateOf } from '@cradle/domain';
import { createTestApp, login, as, type Session, type TestApp } from '../test/app.js';
import { testIdNumber } from '../events/test-persons.js';
import { flagOverdueVisits } from './index.js';
import { insertTestFamily } from './test-family.js';

// Issue 16, "Done when": a township worker proposes a 失独 file with two contacts, the county
// confirms it, a visit goes overdue and its contact hears of it, another township or a department
// cannot see it, and bad input is refused with a clear message and nothing written.

let t: TestApp;
const s: Record<string, Session> = {};
beforeAll(async () => {
  t = await createTestApp(200);
  for (const u of ['county', 'township', 'township2', 'village', 'education', 'housing', 'leader', 'admin'])
    s[u] = await login(t, u);
});
afterAll(() => t.close());

const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, lang = 'zh-CN') =>
  t.app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload }),
    ...as(s[who]!, { 'accept-language': lang }),
  });
const count = async (table: string) =>
  Number((await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);
const CONTACTS = [
  { role: 'worker', name: '熊梅', username: 'village' },
  { role: 'doctor', name: '王医生', organisation: '保和镇卫生院', phone: '13800001111' },
];

describe('the special-family register', () => {
  let fileId = 0;
  let motherId = 0;

  it('refuses 失独 for a family whose only child is alive and not disabled, writing nothing', async () => {
    const fam = await insertTestFamily(t, '在世', [{ birthDate: '1996-01-02' }]);
    const before = await Promise.all(['special_family_files', 'special_family_contacts', 'audit_log'].map(count));
    const res = await call('township', 'POST', '/api/special-families', {
      childIdNumber: fam.children[0]!.idNumber,
      kind: 'bereaved',
      eventDate: '2025-01-01',
      contacts: CONTACTS,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('specialFamily.childAlive');
    expect(res.json().message).toContain('仍在世');
    expect(res.json().details.problems[0].clause).toContain('001 m21');
    expect(await Promise.all(['special_family_files', 'special_family_contacts', 'audit_log'].map(count))).toEqual(
      before,
    );
  });

  it('refuses a family with two children, and a file with one contact', async () => {
    const two = await insertTestFamily(t, '二孩', [
      { birthDate: '1994-01-02', deathDate: '2024-05-06' },
      { birthDate: '1998-03-04' },
    ]);
    const res = await call('township', 'POST', '/api/special-families', {
      childIdNumber: two.children[0]!.idNumber,
      kind: 'bereaved',
      eventDate: '2024-05-06',
      contacts: [CONTACTS[0]],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.problems.map((p: { code: string }) => p.code)).toEqual([
      'specialFamily.notOnlyChild',
      'specialFamily.contacts',
    ]);
  });

  it('lets a township worker propose a 失独 file with a worker and a family doctor', async () => {
    const fam = await insertTestFamily(t, '失独', [{ birthDate: '1995-02-03', deathDate: '2025-03-01' }]);
    const res = await call('township', 'POST', '/api/special-families', {
      childIdNumber: fam.children[0]!.idNumber,
      kind: 'bereaved',
      eventDate: '2025-03-01',
      needs: ['livingAlone'],
      contacts: CONTACTS,
    });
    expect(res.statusCode, res.body).toBe(200);
    const file = res.json();
    fileId = file.id;
    motherId = file.mother.personId;
    expect(file).toMatchObject({
      status: 'proposed',
      kind: 'bereaved',
      version: 1,
      mine: true,
      regionCode: '533423101001',
    });
    // Names masked: the first and last characters only.
    expect(file.mother.name).toBe('失*母');
    expect(file.contacts.map((c: { role: string; phoneMasked: string | null }) => [c.role, c.phoneMasked])).toEqual([
      ['worker', null],
      ['doctor', '138****1111'],
    ]);
    const [stored] = await t.database.query<{ phone_cipher: Buffer }>(
      "SELECT phone_cipher FROM special_family_contacts WHERE file_id = $1 AND role = 'doctor'",
      [fileId],
    );
    expect(stored!.phone_cipher.toString('latin1')).not.toContain('13800001111');
    // A second file for the same child is refused while this one is open.
    const again = await call('township', 'POST', '/api/special-families', {
      childIdNumber: fam.children[0]!.idNumber,
      kind: 'bereaved',
      eventDate: '2025-03-01',
      contacts: CONTACTS,
    });
    expect(again.json().code).toBe('specialFamily.alreadyOpen');
  });

  it('has the county confirm it, never its proposer (four eyes, in the database too)', async () => {
    expect((await call('township', 'POST', `/api/special-families/${fileId}/confirm`, {})).statusCode).toBe(403);
    await expect(
      t.database.query('UPDATE special_family_files SET decided_by = proposed_by WHERE id = $1', [fileId]),
    ).rejects.toThrow(/four_eyes/);
    const res = await call('county', 'POST', `/api/special-families/${fileId}/confirm`, {});
    expect(res.statusCode, res.body).toBe(200);
    const file = res.json();
    expect(file.status).toBe('confirmed');
    expect(file.history.map((h: { version: number; status: string }) => [h.version, h.status])).toEqual([
      [1, 'proposed'],
      [2, 'confirmed'],
    ]);
    // Payments start from the next period: the first of next month.
    expect(file.history[1].effectiveFrom).toMatch(/^\d{4}-\d{2}-01$/);
    expect(file.visitIntervalMonths).toBe(3);
    expect(file.nextVisitDue).not.toBeNull();
  });

  it('gives benefits the register’s status from the next period, the trace citing the file', async () => {
    const detail = (await call('county', 'GET', `/api/special-families/${fileId}`)).json();
    const from: string = detail.history[1].effectiveFrom;
    // The nursing subsidy (004 (二十一)) is yearly: the first year whose start the confirmation covers.
    const year = Number(from.slice(0, 4)) + (from.endsWith('-01-01') ? 0 : 1);
    const res = await call(
      'township',
      'GET',
      `/api/eligibility?personId=${motherId}&scheme=weixi.nursingSubsidy&period=${year}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const step = (res.json().trace as { check: string; pass: boolean; saw: { zh: string } }[]).find(
      (s) => s.check === 'specialFamily',
    )!;
    expect(step.pass).toBe(true);
    expect(step.saw.zh).toContain(`特殊家庭档案 ${fileId} 第 2 版，自 ${from} 起`);
  });

  it('shows the file to its township, the county and its contact, and to no one else', async () => {
    for (const u of ['township', 'county', 'village']) {
      const res = await call(u, 'GET', `/api/special-families/${fileId}`);
      expect(res.statusCode, u).toBe(200);
      const list = await call(u, 'GET', '/api/special-families');
      expect(list.statusCode, list.body).toBe(200);
      expect(
        list.json().items.map((f: { id: number }) => f.id),
        u,
      ).toContain(fileId);
    }
    expect((await call('township2', 'GET', `/api/special-families/${fileId}`)).statusCode).toBe(404);
    expect((await call('township2', 'GET', '/api/special-families')).json().items).toEqual([]);
    for (const u of ['education', 'housing', 'leader', 'admin'])
      expect((await call(u, 'GET', `/api/special-families/${fileId}`)).statusCode, u).toBe(403);
    // Listing is audited like viewing a person, with the files it showed.
    const [entry] = await t.database.query<{ details: { files: number[] } }>(
      "SELECT details FROM audit_log WHERE action = 'specialFamily.list' ORDER BY seq DESC LIMIT 1",
    );
    expect(entry!.details.files).toEqual([]);
    const viewed = await t.database.query(
      "SELECT 1 FROM audit_log WHERE action = 'specialFamily.view' AND target_id = $1",
      [String(fileId)],
    );
    expect(viewed.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a visit dated in the future, writing nothing; records one dated today', async () => {
    const before = await t.database.query('SELECT * FROM special_family_visits WHERE file_id = $1 ORDER BY id', [
      fileId,
    ]);
    const tomorrow = chinaDateOf(new Date(t.clock.now().getTime() + 86_400_000));
    const bad = await call('village', 'POST', `/api/special-families/${fileId}/visits`, {
      visitDate: tomorrow,
      kind: 'festival',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'specialFamily.visitDate', message: '走访日期不能晚于今天' });
    const en = await call(
      'village',
      'POST',
      `/api/special-families/${fileId}/visits`,
      { visitDate: tomorrow, kind: 'festival' },
      'en',
    );
    expect(en.json().message).toBe('The visit date cannot be after today');
    expect(
      await t.database.query('SELECT * FROM special_family_visits WHERE file_id = $1 ORDER BY id', [fileId]),
    ).toEqual(before);

    const today = chinaDateOf(t.clock.now());
    const ok = await call('village', 'POST', `/api/special-families/${fileId}/visits`, {
      visitDate: today,
      kind: 'festival',
      note: '春节送温暖',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const visits = ok.json().visits as { visitDate: string | null; recordedByName: string | null }[];
    expect(visits.filter((v) => v.visitDate === today)).toHaveLength(1);
    expect(visits.filter((v) => v.visitDate === null)).toHaveLength(1);
  });

  it('flags an overdue visit once and tells its contact', async () => {
    t.clock.advanceDays(200);
    try {
      const today = chinaDateOf(t.clock.now());
      expect(await flagOverdueVisits(t.database, today)).toBeGreaterThanOrEqual(1);
      expect(await flagOverdueVisits(t.database, today)).toBe(0);
      const inbox = await call('village', 'GET', '/api/notifications');
      expect(inbox.body).toContain(`特殊家庭档案 ${fileId} 的走访已逾期`);
      // The other township's worker hears nothing of it.
      expect((await call('township2', 'GET', '/api/notifications')).body).not.toContain(`特殊家庭档案 ${fileId}`);
      const overdue = await call('township', 'GET', '/api/special-families?overdue=true');
      expect(overdue.json().items.map((f: { id: number; overdue: boolean }) => [f.id, f.overdue])).toContainEqual([
        fileId,
        true,
      ]);
    } finally {
      t.clock.set(new Date());
    }
  });

  it('exports the list as XLSX with masked names', async () => {
    const res = await call('township', 'GET', '/api/special-families/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
  });

  it('lets the county set its visit interval, one of the allowed months', async () => {
    expect((await call('county', 'PUT', '/api/special-family-settings', { visitIntervalMonths: 5 })).json().code).toBe(
      'specialFamily.visitInterval',
    );
    const res = await call('county', 'PUT', '/api/special-family-settings', { visitIntervalMonths: 1 });
    expect(res.json()).toMatchObject({ jurisdictionCode: '533423', visitIntervalMonths: 1, isDefault: false });
    expect((await call('township', 'GET', '/api/special-family-settings')).json().visitIntervalMonths).toBe(1);
    await call('county', 'PUT', '/api/special-family-settings', { visitIntervalMonths: 3 });
  });
});

describe('the family-size check', () => {
  let parent = '';
  beforeAll(async () => {
    const fam = await insertTestFamily(t, '三孩', [
      { birthDate: '2005-01-01' }, // an adult now
      { birthDate: '2012-04-05' },
      { birthDate: '2015-06-07' },
      { birthDate: '2019-08-09' },
    ]);
    parent = fam.mother.idNumber;
  });

  it('answers a housing operator with the count and birth years only, audited with the purpose', async () => {
    const res = await call('housing', 'POST', '/api/family-size-checks', {
      idNumber: parent,
      purpose: 'publicRentalHousing',
      note: '公租房申请 2026-118',
    });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    expect(a).toMatchObject({
      found: true,
      minorChildren: 3,
      birthYears: [2012, 2015, 2019],
      answer: '未成年子女 3 人',
    });
    expect(a.basis).toContain('001 m17');
    expect(res.body).not.toContain('三孩子');
    const [entry] = await t.database.query<{ details: { purpose: string; minorChildren: number }; username: string }>(
      "SELECT username, details FROM audit_log WHERE action = 'familySize.check' ORDER BY seq DESC LIMIT 1",
    );
    expect(entry).toMatchObject({ username: 'housing', details: { purpose: 'publicRentalHousing', minorChildren: 3 } });
  });

  it('refuses a check without a purpose, writing nothing', async () => {
    const before = await Promise.all(['family_size_checks', 'audit_log'].map(count));
    const res = await call('housing', 'POST', '/api/family-size-checks', { idNumber: parent });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'familySize.purposeRequired' });
    expect(res.json().message).toContain('请选择核验用途');
    expect(await Promise.all(['family_size_checks', 'audit_log'].map(count))).toEqual(before);
  });

  it('is for housing, provident-fund, education and civil-affairs operators only', async () => {
    for (const u of ['township', 'county', 'leader'])
      expect(
        (await call(u, 'POST', '/api/family-size-checks', { idNumber: parent, purpose: 'schoolPlacement' })).statusCode,
        u,
      ).toBe(403);
    expect(
      (await call('education', 'POST', '/api/family-size-checks', { idNumber: parent, purpose: 'schoolPlacement' }))
        .statusCode,
    ).toBe(200);
  });

  it('says so when the registry does not know the number', async () => {
    const res = await call('housing', 'POST', '/api/family-size-checks', {
      idNumber: testIdNumber('1980-01-01', '998'),
      purpose: 'providentFundLoan',
    });
    expect(res.json()).toMatchObject({ found: false, minorChildren: 0, answer: '人口库中没有此公民身份号码' });
  });

  it('limits an operator to 30 checks an hour, counted in the database', async () => {
    const fund = await login(t, 'fund');
    const [u] = await t.database.query<{ id: number }>("SELECT id FROM users WHERE username = 'fund'");
    await t.database.query(
      `INSERT INTO family_size_checks (user_id, department, jurisdiction_code, purpose) SELECT $1, 'providentFund', '533423', 'providentFundLoan' FROM generate_series(1, 30)`,
      [u!.id],
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/family-size-checks',
      payload: { idNumber: parent, purpose: 'providentFundLoan' },
      ...as(fund),
    });
    expect(res.statusCode).toBe(429);
    expect(res.json().message).toContain('每小时 30 次');
  });
});
