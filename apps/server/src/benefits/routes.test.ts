import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BudgetView } from '@cradle/contract';
import { createTestApp, login, as, type TestApp, type Session } from '../test/app.js';

let t: TestApp;
let county: Session;
let admin: Session;
let township: Session;
let township2: Session;
let finance: Session;
let childId: number;
let thirdId: number;

beforeAll(async () => {
  t = await createTestApp(500);
  county = await login(t, 'county');
  admin = await login(t, 'admin');
  township = await login(t, 'township');
  township2 = await login(t, 'township2');
  finance = await login(t, 'finance');
  // A second child born in 2024 in 保和镇 (533423101), the township user's.
  const rows = await t.database.query<{ id: number }>(
    `INSERT INTO persons (name, sex, birth_date, id_kind, id_cipher, id_blind_index, id_masked, hukou_region_code, residence_region_code, parity, source, row_hash)
     VALUES ('和小二', 'female', '2024-05-05', 'resident', '\\x00', '\\x01', '533423********0001', '533423101001', '533423101001', 2, 'test', '') RETURNING id`,
  );
  childId = Number(rows[0]!.id);
  // A third child born in 2025: their years of age start in 2025, 2026 and 2027.
  const third = await t.database.query<{ id: number }>(
    `INSERT INTO persons (name, sex, birth_date, id_kind, id_cipher, id_blind_index, id_masked, hukou_region_code, residence_region_code, parity, source, row_hash)
     VALUES ('和小三', 'male', '2025-03-01', 'resident', '\\x00', '\\x02', '533423********0002', '533423101001', '533423101001', 3, 'test', '') RETURNING id`,
  );
  thirdId = Number(third[0]!.id);
});
afterAll(() => t.close());

const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, ...as(s) });
const post = (s: Session, url: string, payload?: unknown) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, ...as(s) });
const versionCount = async () =>
  (await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM scheme_versions'))[0]!.n;

describe('schemes', () => {
  it('lists the schemes that apply in the jurisdiction, with their clauses and marked interpretations', async () => {
    const res = await get(county, '/api/schemes');
    expect(res.statusCode).toBe(200);
    const codes = res.json().map((s: { code: string }) => s.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'national.childcareSubsidy',
        'yunnan.birthGrant',
        'yunnan.childcareAllowance',
        'weixi.nursingSubsidy',
      ]),
    );
    expect(codes.some((c: string) => c.startsWith('baiyin.'))).toBe(false);
    const allowance = res.json().find((s: { code: string }) => s.code === 'yunnan.childcareAllowance');
    expect(allowance.legalBasis).toEqual({ document: '维发〔2023〕15号', clause: '(十四)', seed: '004' });
    expect(allowance.interpretations.length).toBeGreaterThan(0);
  });

  it('shows the parameters in force and where each comes from', async () => {
    const res = await get(county, '/api/schemes/yunnan.birthGrant');
    expect(res.statusCode).toBe(200);
    const byParity = res.json().parameters.find((p: { name: string }) => p.name === 'amountByParity');
    expect(byParity.current).toMatchObject({
      value: { 2: 200000, 3: 500000 },
      jurisdictionCode: '',
      basis: { clause: '(十四)' },
    });
    expect((await get(county, '/api/schemes/no.such')).statusCode).toBe(404);
  });
});

describe('scheme versions', () => {
  const draft = {
    effectiveFrom: '2027-01-01',
    values: { yearlyAmount: 100000 },
    legalBasis: { document: '维西县人民政府 维政发〔2026〕1号', clause: '第三条' },
  };

  it('refuses a bad draft with every problem named and stores nothing', async () => {
    const before = await versionCount();
    const res = await post(county, '/api/schemes/yunnan.childcareAllowance/versions', {
      effectiveFrom: '2027-02-30',
      values: { yearlyAmount: -5, colour: 1 },
      legalBasis: { document: '', clause: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['effectiveFrom', 'legalBasis.document', 'values.colour', 'values.yearlyAmount']);
    const low = await post(county, '/api/schemes/weixi.nursingSubsidy/versions', {
      ...draft,
      values: { yearlyAmount: 5000 },
    });
    expect(low.statusCode).toBe(400);
    expect(JSON.stringify(low.json().details)).toContain('不得低于 100 元');
    expect(await versionCount()).toBe(before);
  });

  it('is drafted, submitted and published by another administrator, then frozen', async () => {
    expect((await post(township, '/api/schemes/yunnan.childcareAllowance/versions', draft)).statusCode).toBe(403);
    const created = await post(county, '/api/schemes/yunnan.childcareAllowance/versions', draft);
    expect(created.statusCode).toBe(201);
    const v = created.json();
    expect(v).toMatchObject({
      jurisdictionCode: '533423',
      version: 1,
      status: 'draft',
      values: { yearlyAmount: 100000 },
    });
    const base = `/api/schemes/yunnan.childcareAllowance/versions/${v.id}`;
    expect((await post(county, `${base}/publish`)).statusCode).toBe(409); // not under review yet
    expect((await post(county, `${base}/submit`)).json().status).toBe('inReview');
    const own = await post(county, `${base}/publish`);
    expect(own.statusCode).toBe(409);
    expect(own.json().code).toBe('version.sameReviewer');
    const published = await post(admin, `${base}/publish`);
    expect(published.json()).toMatchObject({ status: 'published', version: 1 });
    await expect(
      t.database.query('UPDATE scheme_versions SET values = \'{"yearlyAmount": 1}\' WHERE id = $1', [v.id]),
    ).rejects.toThrow(/published and cannot change/);
    await expect(t.database.query('DELETE FROM scheme_versions WHERE id = $1', [v.id])).rejects.toThrow(
      /published and cannot change/,
    );
    const actions = (
      await t.database.query<{ action: string }>(
        "SELECT action FROM audit_log WHERE target_type = 'schemeVersion' AND target_id = $1 ORDER BY seq",
        [String(v.id)],
      )
    ).map((r) => r.action);
    expect(actions).toEqual(['benefits.versionDraft', 'benefits.versionSubmit', 'benefits.versionPublish']);
  });

  it('applies the published value from its date on, and not before', async () => {
    const at = async (period: string) =>
      (
        await get(township, `/api/eligibility?personId=${thirdId}&scheme=yunnan.childcareAllowance&period=${period}`)
      ).json();
    expect(await at('2026')).toMatchObject({ eligible: true, amountFen: 80000 });
    expect(await at('2027')).toMatchObject({ eligible: true, amountFen: 100000 });
    expect(
      (await get(county, '/api/schemes/yunnan.childcareAllowance'))
        .json()
        .versions.map((v: { status: string }) => v.status),
    ).toEqual(['published']);
  });
});

describe('versions of a higher jurisdiction', () => {
  it('are seen by a county once published, not while drafts', async () => {
    await t.database.query(
      `INSERT INTO scheme_versions (scheme_code, jurisdiction_code, version, effective_from, values, legal_basis, status, published_at)
       VALUES ('yunnan.birthGrant', '53', 1, '2027-01-01', '{"amountByParity": {"2": 300000, "3": 600000}}', '{"document": "省草案", "clause": "1"}', 'draft', NULL),
              ('yunnan.insuranceSubsidy', '53', 1, '2027-01-01', '{"yearlyAmount": 8000}', '{"document": "省文件", "clause": "1"}', 'published', now())`,
    );
    expect((await get(county, '/api/schemes/yunnan.birthGrant')).json().versions).toEqual([]);
    expect(
      (await get(county, '/api/schemes/yunnan.insuranceSubsidy'))
        .json()
        .versions.map((v: { jurisdictionCode: string }) => v.jurisdictionCode),
    ).toEqual(['53']);
  });
});

describe('budget', () => {
  it('shows paid, committed, the backlog and the next 12 months, and refuses a published version as a draft', async () => {
    const res = await get(county, '/api/schemes/yunnan.childcareAllowance/budget');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      schemeCode: 'yunnan.childcareAllowance',
      jurisdictionCode: '533423',
      paidOnApplication: false,
      takeUpRates: [],
      assumingVersion: null,
    });
    expect(res.json().next12Months.periods.length).toBe(1);
    // The third child (born 2025, third) is owed 2025 and 2026 at 800 yuan: both in the backlog.
    expect(res.json().backlog.registry.count).toBeGreaterThanOrEqual(2);
    const published = (await get(county, '/api/schemes/yunnan.childcareAllowance')).json().versions[0].id;
    expect(
      (await get(county, `/api/schemes/yunnan.childcareAllowance/budget?draftVersionId=${published}`)).statusCode,
    ).toBe(404);
    expect((await get(township, '/api/schemes/yunnan.childcareAllowance/budget')).statusCode).toBe(403);
  });

  it('lets the county administrator set the take-up rate of a scheme paid on application, audited, and the budget expects it', async () => {
    const url = '/api/schemes/national.childcareSubsidy/take-up-rate';
    const put = (s: Session, payload: unknown, lang = 'zh-CN') =>
      t.app.inject({ method: 'PUT', url, payload: payload as object, ...as(s, { 'accept-language': lang }) });
    const before = (await get(county, '/api/schemes/national.childcareSubsidy/budget')).json();
    expect(before.takeUpRates).toMatchObject([{ jurisdictionCode: '533423', basisPoints: 10000, isDefault: true }]);
    expect(before.backlog.expectedFen).toBe(before.backlog.registry.amountFen);
    expect(before.backlog.registry.amountFen).toBeGreaterThan(0);

    // Bad input changes nothing and says why, in the user's language.
    const over = await put(county, { basisPoints: 10001, basis: '上年度' });
    expect(over.statusCode).toBe(400);
    const blank = await put(county, { basisPoints: 5000, basis: '   ' }, 'en');
    expect(blank.statusCode).toBe(400);
    expect(blank.json()).toMatchObject({ code: 'takeUp.basisRequired', message: expect.stringContaining('based on') });
    const proactive = await t.app.inject({
      method: 'PUT',
      url: '/api/schemes/yunnan.birthGrant/take-up-rate',
      payload: { basisPoints: 5000, basis: '上年度' },
      ...as(county),
    });
    expect(proactive.statusCode).toBe(409);
    expect(proactive.json().message).toContain('免申即享');
    expect((await put(admin, { basisPoints: 5000, basis: '上年度' })).statusCode).toBe(403);
    expect((await put(finance, { basisPoints: 5000, basis: '上年度' })).statusCode).toBe(403);
    const rows = async () => (await t.database.query('SELECT * FROM scheme_take_up_rates')).length;
    expect(await rows()).toBe(0);

    const set = await put(county, { basisPoints: 6250, basis: ' 2025年度申领情况 ' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({
      jurisdictionCode: '533423',
      basisPoints: 6250,
      isDefault: false,
      basis: '2025年度申领情况',
    });
    expect((await put(county, { basisPoints: 7000, basis: '抽样调查' })).statusCode).toBe(200);
    const audit = await t.database.query<{ details: Record<string, unknown> }>(
      "SELECT details FROM audit_log WHERE action = 'benefits.takeUpRateSet' ORDER BY seq",
    );
    expect(audit.map((a) => [a.details.fromBasisPoints, a.details.toBasisPoints])).toEqual([
      [null, 6250],
      [6250, 7000],
    ]);

    const after = (await get(county, '/api/schemes/national.childcareSubsidy/budget')).json<BudgetView>();
    expect(after.takeUpRates[0]).toMatchObject({ basisPoints: 7000, isDefault: false, basis: '抽样调查' });
    const { registry, approved, expectedFen } = after.next12Months.periods[0]!;
    expect(expectedFen).toBe(approved!.amountFen + Math.round(((registry!.amountFen - approved!.amountFen) * 7) / 10));
  });
});

describe('eligibility', () => {
  it('gives a family’s second child the Yunnan birth grant with the trace of every rule, and audits the look-up', async () => {
    const res = await get(township, `/api/eligibility?personId=${childId}&scheme=yunnan.birthGrant&period=once`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ eligible: true, amountFen: 200000 });
    expect(res.json().trace.map((s: { check: string; pass: boolean }) => [s.check, s.pass])).toEqual([
      ['hukouIn', true],
      ['bornOnOrAfter', true],
      ['bornOnOrBefore', true],
      ['parityIn', true],
      ['amount', true],
    ]);
    const audited = await t.database.query(
      "SELECT 1 FROM audit_log WHERE action = 'benefits.eligibilityCheck' AND target_id = $1",
      [String(childId)],
    );
    expect(audited.length).toBeGreaterThan(0);
  });

  it('does not show another township’s child, and names a bad period', async () => {
    expect(
      (await get(township2, `/api/eligibility?personId=${childId}&scheme=yunnan.birthGrant&period=once`)).statusCode,
    ).toBe(404);
    const bad = await get(township, `/api/eligibility?personId=${childId}&scheme=yunnan.birthGrant&period=2026-13`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('period.invalid');
  });
});

describe('payment cycles through the API', () => {
  it('are run by a finance operator, not a township worker, and complete', async () => {
    expect(
      (await post(township, '/api/payment-cycles', { scheme: 'yunnan.birthGrant', period: 'once' })).statusCode,
    ).toBe(403);
    const hospital = await login(t, 'hospital');
    expect(
      (await post(hospital, '/api/payment-cycles', { scheme: 'yunnan.birthGrant', period: 'once' })).statusCode,
    ).toBe(403);
    const started = await post(finance, '/api/payment-cycles', { scheme: 'yunnan.birthGrant', period: 'once' });
    expect(started.statusCode).toBe(202);
    let batch = started.json();
    for (let i = 0; i < 100 && batch.status !== 'complete'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      batch = (await get(finance, `/api/payment-batches/${batch.id}`)).json();
    }
    expect(batch).toMatchObject({ status: 'complete', schemeCode: 'yunnan.birthGrant', jurisdictionCode: '533423' });
    const mine = await t.database.query<{ amount_fen: number }>(
      "SELECT amount_fen FROM payments WHERE beneficiary_id = $1 AND scheme_code = 'yunnan.birthGrant'",
      [childId],
    );
    expect(mine.map((r) => Number(r.amount_fen))).toEqual([200000]);
    expect((await get(township, `/api/payment-batches/${batch.id}`)).statusCode).toBe(403);
    expect((await get(finance, '/api/payment-batches')).json().map((b: { id: number }) => b.id)).toContain(batch.id);
  });
});
