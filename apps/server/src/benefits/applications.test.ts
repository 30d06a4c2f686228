import { chinaDateOf } from '@cradle/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, as, type TestApp, type Session } from '../test/app.js';

let t: TestApp;
const s: Record<string, Session> = {};
const ids: Record<string, number> = {};

async function child(name: string, birthDate: string, village: string, parity: number): Promise<number> {
  const rows = await t.database.query<{ id: number }>(
    `INSERT INTO persons (name, sex, birth_date, id_kind, id_cipher, id_blind_index, id_masked, hukou_region_code, residence_region_code, parity, source, row_hash)
     VALUES ($1, 'female', $2, 'resident', '\\x00', sha256(convert_to($1, 'UTF8')), '533423********0000', $3, $3, $4, 'test', '') RETURNING id`,
    [name, birthDate, village, parity],
  );
  return Number(rows[0]!.id);
}

beforeAll(async () => {
  t = await createTestApp(300);
  for (const u of ['village', 'township', 'township2', 'county', 'admin', 'finance']) s[u] = await login(t, u);
  // The village worker's village is 533423101001 (保和镇).
  ids.a = await child('申请甲', '2024-03-10', '533423101001', 1);
  ids.b = await child('申请乙', '2025-06-01', '533423101001', 2);
  ids.c = await child('申请丙', '2024-08-08', '533423101001', 1);
  ids.other = await child('外乡丁', '2024-08-08', '533423102001', 1);
  // Lives in the village worker's village, hukou in the other township.
  ids.elsewhere = await child('户籍在外戊', '2024-08-08', '533423102001', 1);
  await t.database.query("UPDATE persons SET residence_region_code = '533423101001' WHERE id = $1", [ids.elsewhere]);
});
afterAll(() => t.close());

const post = (who: string, url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, payload, ...as(s[who]!) });
const get = (who: string, url: string) => t.app.inject({ method: 'GET', url, ...as(s[who]!) });
const apply = (who: string, body: object) => post(who, '/api/applications', body);

describe('applying', () => {
  it('refuses what is not needed, not allowed or not valid, and stores nothing', async () => {
    const before = (await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM applications'))[0]!.n;
    expect((await apply('village', { scheme: 'yunnan.birthGrant', beneficiaryId: ids.a })).json().code).toBe(
      'application.notNeeded',
    );
    expect((await apply('village', { scheme: 'baiyin.childcareSubsidy', beneficiaryId: ids.a })).json().code).toBe(
      'application.outsideScheme',
    );
    const badFacts = await apply('village', {
      scheme: 'yunnan.insuranceSubsidy',
      beneficiaryId: ids.a,
      facts: { colour: true, accidentInsurancePurchased: 'yes' },
    });
    expect(badFacts.statusCode).toBe(400);
    expect(
      badFacts
        .json()
        .details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['facts.accidentInsurancePurchased', 'facts.colour']);
    expect((await apply('village', { scheme: 'national.childcareSubsidy', beneficiaryId: ids.other })).statusCode).toBe(
      404,
    );
    expect((await apply('finance', { scheme: 'national.childcareSubsidy', beneficiaryId: ids.a })).statusCode).toBe(
      403,
    );
    expect(
      (await apply('village', { scheme: 'national.childcareSubsidy', beneficiaryId: ids.elsewhere })).json().code,
    ).toBe('application.hukouElsewhere');
    expect((await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM applications'))[0]!.n).toBe(before);
  });

  it('takes one application per child and scheme, with the eligibility trace from the registry', async () => {
    const res = await apply('village', {
      scheme: 'national.childcareSubsidy',
      beneficiaryId: ids.a,
      applicantName: '申请甲之母',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'inReview',
      level: 'township',
      channel: 'villageWorker',
      beneficiaryName: '申请甲',
    });
    expect(res.json().eligibility).toMatchObject({ eligible: true, period: '2026' });
    expect(res.json().decisions.map((d: { action: string }) => d.action)).toEqual(['submit']);
    ids.appA = res.json().id;
    expect((await apply('village', { scheme: 'national.childcareSubsidy', beneficiaryId: ids.a })).json().code).toBe(
      'application.duplicate',
    );
  });
});

describe('review', () => {
  it('goes township → county; the wrong level and a reason-less rejection are refused', async () => {
    const base = `/api/applications/${ids.appA}`;
    expect((await post('county', `${base}/approve`)).json().code).toBe('review.wrongLevel');
    expect((await get('township', '/api/applications')).json().map((a: { id: number }) => a.id)).toContain(ids.appA);
    expect((await get('township2', base)).statusCode).toBe(404);
    const noReason = await post('township', `${base}/reject`, { reason: '   ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().code).toBe('review.reasonRequired');
    expect((await post('township', `${base}/approve`)).json()).toMatchObject({ status: 'inReview', level: 'county' });
    const done = await post('county', `${base}/approve`);
    expect(done.json()).toMatchObject({ status: 'approved' });
    expect(
      done.json().decisions.map((d: { action: string; decidedByName: string }) => [d.action, d.decidedByName]),
    ).toEqual([
      ['submit', '村计生专干 熊梅'],
      ['approve', '乡镇计生专干 和丽'],
      ['approve', '县卫健委 李主任'],
    ]);
    const actions = (
      await t.database.query<{ action: string }>(
        "SELECT action FROM audit_log WHERE target_type = 'application' AND target_id = $1 ORDER BY seq",
        [String(ids.appA)],
      )
    ).map((r) => r.action);
    expect(actions).toEqual([
      'benefits.applicationSubmit',
      'benefits.applicationApprove',
      'benefits.applicationApprove',
    ]);
  });

  it('takes one appeal of a rejection, reviewed one level up', async () => {
    const created = await apply('village', { scheme: 'national.childcareSubsidy', beneficiaryId: ids.b });
    const base = `/api/applications/${created.json().id}`;
    const rejected = await post('township', `${base}/reject`, { reason: '材料不全' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectionReason: '材料不全', level: 'township' });
    expect(
      (await get('village', `/api/applications?beneficiaryId=${ids.b}`))
        .json()
        .map((x: { status: string }) => x.status),
    ).toEqual(['rejected']);
    expect((await get('township2', `/api/applications?beneficiaryId=${ids.b}`)).json()).toEqual([]);
    expect((await post('village', `${base}/appeal`)).json()).toMatchObject({
      status: 'inReview',
      level: 'county',
      appealed: true,
    });
    expect((await post('county', `${base}/approve`)).json().status).toBe('approved');
    ids.appB = created.json().id;
  });

  it('holds a public notice before final approval, for the days the county set', async () => {
    // The county shortens the insurance subsidy's notice to 3 days (the scheme's default is 7).
    const v = await post('county', '/api/schemes/yunnan.insuranceSubsidy/versions', {
      effectiveFrom: '2020-01-01',
      values: { publicNoticeDays: 3 },
      legalBasis: { document: '维西县卫健局 公示规定', clause: '第二条' },
    });
    expect(v.statusCode).toBe(201);
    await post('county', `/api/schemes/yunnan.insuranceSubsidy/versions/${v.json().id}/submit`);
    expect(
      (await post('admin', `/api/schemes/yunnan.insuranceSubsidy/versions/${v.json().id}/publish`)).json().status,
    ).toBe('published');
    const days = (await get('county', '/api/schemes/yunnan.insuranceSubsidy'))
      .json()
      .parameters.find((p: { name: string }) => p.name === 'publicNoticeDays');
    expect(days).toMatchObject({ unit: 'days', current: { value: 3, jurisdictionCode: '533423' } });
    const tooLong = await post('county', '/api/schemes/yunnan.insuranceSubsidy/versions', {
      effectiveFrom: '2020-01-01',
      values: { publicNoticeDays: 365 },
      legalBasis: { document: '规定', clause: '1' },
    });
    expect(tooLong.json().details.map((d: { field: string }) => d.field)).toEqual(['values.publicNoticeDays']);
    const created = await apply('village', {
      scheme: 'yunnan.insuranceSubsidy',
      beneficiaryId: ids.c,
      facts: { accidentInsurancePurchased: true },
    });
    expect(created.json().eligibility).toMatchObject({ eligible: true, amountFen: 5000 });
    const base = `/api/applications/${created.json().id}`;
    await post('township', `${base}/approve`);
    const notice = await post('county', `${base}/approve`);
    expect(notice.json()).toMatchObject({ status: 'publicNotice' });
    const until = new Date(`${chinaDateOf(new Date())}T00:00:00Z`);
    until.setUTCDate(until.getUTCDate() + 3);
    expect(notice.json().noticeUntil).toBe(until.toISOString().slice(0, 10));
    expect((await post('county', `${base}/close-notice`)).json().code).toBe('review.noticeRunning');
  });
});

describe('a cycle of a scheme that needs applications', () => {
  it('pays the approved applications only, the amount checkEligibility gives', async () => {
    const started = await post('finance', '/api/payment-cycles', {
      scheme: 'national.childcareSubsidy',
      period: '2026',
    });
    expect(started.statusCode).toBe(202);
    let batch = started.json();
    for (let i = 0; i < 100 && batch.status !== 'complete'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      batch = (await get('finance', `/api/payment-batches/${batch.id}`)).json();
    }
    const paid = await t.database.query<{ beneficiary_id: number; amount_fen: number }>(
      "SELECT beneficiary_id, amount_fen FROM payments WHERE scheme_code = 'national.childcareSubsidy' AND period_key = '2026' ORDER BY beneficiary_id",
    );
    // 申请甲 (born March 2024): all of 2026; 申请乙 (born June 2025): all of 2026. Not 申请丙, who has no application.
    expect(paid.map((p) => [Number(p.beneficiary_id), Number(p.amount_fen)])).toEqual([
      [ids.a, 360000],
      [ids.b, 360000],
    ]);
    expect(batch).toMatchObject({ status: 'complete', paymentCount: 2, totalFen: 720000 });
  });
});

describe('an application whose child moves', () => {
  it('follows the hukou to the new township, which reviews it there', async () => {
    const created = await apply('village', {
      scheme: 'yunnan.insuranceSubsidy',
      beneficiaryId: ids.b,
      facts: { accidentInsurancePurchased: true },
    });
    const id = created.json().id;
    expect((await get('township2', `/api/applications/${id}`)).statusCode).toBe(404);
    await t.database.query(
      "UPDATE persons SET hukou_region_code = '533423102001', residence_region_code = '533423102001' WHERE id = $1",
      [ids.b],
    );
    const there = await get('township2', `/api/applications/${id}`);
    expect(there.statusCode).toBe(200);
    expect(there.json().regionCode).toBe('533423102001');
    expect((await get('township', `/api/applications/${id}`)).statusCode).toBe(404);
    const viewed = await t.database.query(
      "SELECT 1 FROM audit_log WHERE action = 'benefits.applicationView' AND target_id = $1",
      [String(id)],
    );
    expect(viewed.length).toBeGreaterThan(0);
  });
});

describe('cycles', () => {
  it('pay nothing ahead: a period that has not begun is refused', async () => {
    const res = await post('finance', '/api/payment-cycles', { scheme: 'yunnan.childcareAllowance', period: '2099' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('period.future');
  });
});

describe('an opinion (审核意见) with an approval (issue 12)', () => {
  it('is stored with the decision, shown in the history and audited; optional and bounded', async () => {
    const kid = await child('意见己', '2024-09-09', '533423101001', 1);
    const created = await apply('village', { scheme: 'national.childcareSubsidy', beneficiaryId: kid });
    const base = `/api/applications/${created.json().id}`;
    expect((await post('township', `${base}/approve`, { opinion: 'x'.repeat(501) })).statusCode).toBe(400);
    expect((await post('township', `${base}/approve`, { opinion: 'a\u0000b' })).statusCode).toBe(400);
    const passed = await post('township', `${base}/approve`, { opinion: '  材料齐全，同意上报  ' });
    expect(passed.statusCode).toBe(200);
    const done = await post('county', `${base}/approve`, { opinion: '   ' });
    expect(done.json().status).toBe('approved');
    expect(done.json().decisions.map((d: { action: string; reason: string | null }) => [d.action, d.reason])).toEqual([
      ['submit', null],
      ['approve', '材料齐全，同意上报'],
      ['approve', null],
    ]);
    const audit = await t.database.query<{ details: { opinion?: string } }>(
      "SELECT details FROM audit_log WHERE action = 'benefits.applicationApprove' AND target_id = $1 ORDER BY seq",
      [String(created.json().id)],
    );
    expect(audit.map((r) => r.details.opinion ?? null)).toEqual(['材料齐全，同意上报', null]);
  });
});

describe('the applications I submitted (issue 12)', () => {
  it('lists what the user submitted, any status, newest first, within the jurisdiction', async () => {
    const mine = (await get('village', '/api/applications?mine=true')).json<{ id: number; status: string }[]>();
    expect(mine.map((a) => a.id)).toContain(ids.appA);
    expect(mine.map((a) => a.id)).toEqual([...mine.map((a) => a.id)].sort((x, y) => y - x));
    expect(new Set(mine.map((a) => a.status))).toContain('approved');
    // Submitted by someone else: not the reviewer's own.
    expect((await get('township', '/api/applications?mine=true')).json()).toEqual([]);
    // Only within the jurisdiction: one whose child moved to another township is that township's now.
    const rows = await t.database.query<{ id: number; region_code: string }>(
      "SELECT a.id, a.region_code FROM applications a JOIN users u ON u.id = a.submitted_by WHERE u.username = 'village' ORDER BY a.id DESC",
    );
    expect(rows.some((r) => !r.region_code.startsWith('533423101001'))).toBe(true);
    expect(mine.map((a) => a.id)).toEqual(
      rows.filter((r) => r.region_code.startsWith('533423101001')).map((r) => Number(r.id)),
    );
  });
});
