import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkEligibility,
  NATIONAL_CHILDCARE_SUBSIDY,
  YUNNAN_BIRTH_GRANT,
  YUNNAN_INSURANCE_SUBSIDY,
  yuan,
  type SchemeDefinition,
} from '@cradle/domain';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { createTestDatabase } from '../test/db.js';
import { budgetOf, duePeriods, periodsStartingWithin12Months } from './budget.js';
import { runPaymentCycle } from './cycle.js';
import { factsOf, insertChildren, randomChildren, type TestChild } from './test-population.js';

let database: Database;
let cleanup: () => Promise<void>;
let children: TestChild[];
let ids: number[];
const TODAY = '2026-11-29';
// Monthly and proactive, so a budget covers 23 months of backlog and 12 ahead from the registry
// (the 白银 scheme has no amount without a county version; this one takes the national amounts per month).
const MONTHLY: SchemeDefinition = {
  ...NATIONAL_CHILDCARE_SUBSIDY,
  code: 'test.monthly',
  frequency: 'monthly',
  proactive: true,
  amount: { kind: 'perPeriod', param: 'monthly', basis: NATIONAL_CHILDCARE_SUBSIDY.legalBasis },
  parameters: {
    ...NATIONAL_CHILDCARE_SUBSIDY.parameters,
    monthly: {
      label: { zh: '每月', en: 'Monthly' },
      unit: 'fen',
      history: [{ from: '2025-01-01', value: yuan(300), basis: NATIONAL_CHILDCARE_SUBSIDY.legalBasis }],
    },
  },
};
const actor = { userId: null, username: 'test', jurisdictionCode: '533423', clientIp: null };

beforeAll(async () => {
  ({ database, cleanup } = await createTestDatabase());
  const villages = (
    await database.query<{ code: string }>(
      "SELECT code FROM regions WHERE level = 5 AND code LIKE '533423%' ORDER BY code",
    )
  ).map((r) => r.code);
  children = randomChildren(800, villages.slice(0, 20), 4242);
  ids = await insertChildren(database, children);
  await database.query('ANALYZE');
});
afterAll(async () => cleanup());

const budget = (scheme: SchemeDefinition, draft: Parameters<typeof budgetOf>[3] = null) =>
  withScope(database, { jurisdictionCode: '533423' }, (tx) => budgetOf(tx, scheme, '533423', draft, TODAY));
/** What checkEligibility says the county's children are owed for a period, person by person. */
const owed = (
  scheme: SchemeDefinition,
  period: string,
  only?: Set<number>,
  overrides: Parameters<typeof checkEligibility>[3] = [],
) => {
  let count = 0;
  let amountFen = 0;
  children.forEach((c, i) => {
    if (!c.hukouRegionCode.startsWith('533423') || (only && !only.has(ids[i]!))) return;
    const e = checkEligibility(scheme, factsOf(c), period, overrides);
    if (e.eligible && e.amount > 0) {
      count++;
      amountFen += e.amount;
    }
  });
  return { count, amountFen };
};

describe('budget periods', () => {
  it('counts the periods begun up to today as due and those starting in the next 12 months as ahead', () => {
    expect(duePeriods(NATIONAL_CHILDCARE_SUBSIDY, [], TODAY)).toEqual(['2025', '2026']);
    expect(periodsStartingWithin12Months(NATIONAL_CHILDCARE_SUBSIDY, TODAY)).toEqual(['2027']);
    const due = duePeriods(MONTHLY, [], TODAY);
    expect(due).toHaveLength(23);
    expect([due[0], due.at(-1)]).toEqual(['2025-01', '2026-11']);
    expect(periodsStartingWithin12Months(MONTHLY, TODAY)).toEqual(
      Array.from({ length: 12 }, (_, i) => (i === 0 ? '2026-12' : `2027-${String(i).padStart(2, '0')}`)),
    );
    expect(duePeriods(YUNNAN_BIRTH_GRANT, [], TODAY)).toEqual(['once']);
    expect(duePeriods(MONTHLY, [], '2024-12-31')).toEqual([]);
  });
});

describe('budget of a scheme paid without application', () => {
  it('owes the registry’s eligible children every period begun and forecasts the next 12 months, without what is paid', async () => {
    const before = await budget(MONTHLY);
    expect(before.paidOnApplication).toBe(false);
    expect(before.takeUpRates).toEqual([]);
    for (const p of [...before.backlog.periods, ...before.next12Months.periods]) {
      expect(p.registry, p.period).toEqual(owed(MONTHLY, p.period));
      expect(p.approved).toBeNull();
      expect(p.expectedFen).toBe(p.registry!.amountFen);
    }
    expect(before.backlog.periods.every((p) => p.due)).toBe(true);
    expect(before.next12Months.periods.some((p) => p.due)).toBe(false);
    expect(before.backlog.expectedFen).toBeGreaterThan(0);
    expect(before).toMatchObject({ paidFen: 0, committedFen: 0 });

    // November 2026 is paid (five confirmed by the bank): it leaves the backlog, the rest stays.
    const november = await runPaymentCycle(database, {
      scheme: MONTHLY,
      periodKey: '2026-11',
      jurisdictionCode: '533423',
      actor,
    });
    // Approved by a second person (the database refuses paying a draft), then paid in part.
    await database.query(
      "UPDATE payment_batches SET stage = 'approved', approved_by = coalesce(created_by, 0) + 1 WHERE id = $1",
      [november.id],
    );
    await database.query(
      "UPDATE payments SET status = 'paid' WHERE id IN (SELECT id FROM payments WHERE batch_id = $1 ORDER BY id LIMIT 5)",
      [november.id],
    );
    const after = await budget(MONTHLY);
    const nov = after.backlog.periods.find((p) => p.period === '2026-11')!;
    expect(nov.registry).toEqual({ count: 0, amountFen: 0 });
    expect(after.backlog.expectedFen).toBe(before.backlog.expectedFen - november.totalFen);
    expect(after.paidCount).toBe(5);
    expect(after.paidFen + after.committedFen).toBe(november.totalFen);

    const draft = {
      jurisdictionCode: '533423',
      version: 9,
      effectiveFrom: '2027-06-01',
      values: { monthly: yuan(500) },
      basis: { document: '草案', clause: '1' },
    };
    const raised = await budget(MONTHLY, draft);
    expect(raised.assumingVersion).toBe(9);
    const june = raised.next12Months.periods.find((p) => p.period === '2027-06')!;
    expect(june.registry).toEqual(owed(MONTHLY, '2027-06', undefined, [draft]));
    expect(june.registry!.amountFen).toBe(owed(MONTHLY, '2027-06').count * yuan(500));
    expect(raised.next12Months.periods.find((p) => p.period === '2027-05')!.registry).toEqual(owed(MONTHLY, '2027-05'));
  });

  it('owes a one-time grant until its cycle pays it, and forecasts nothing for it', async () => {
    const before = await budget(YUNNAN_BIRTH_GRANT);
    expect(before.backlog.periods).toHaveLength(1);
    expect(before.backlog.registry).toEqual(owed(YUNNAN_BIRTH_GRANT, 'once'));
    expect(before.backlog.registry!.count).toBeGreaterThan(0);
    expect(before.next12Months).toEqual({
      periods: [],
      registry: { count: 0, amountFen: 0 },
      approved: null,
      expectedFen: 0,
    });
    await runPaymentCycle(database, {
      scheme: YUNNAN_BIRTH_GRANT,
      periodKey: 'once',
      jurisdictionCode: '533423',
      actor,
    });
    const after = await budget(YUNNAN_BIRTH_GRANT);
    expect(after.backlog.registry).toEqual({ count: 0, amountFen: 0 });
    expect(after.committedFen).toBe(before.backlog.expectedFen);
  });
});

describe('budget of a scheme paid on application', () => {
  it('owes everyone the registry finds eligible, applied or not, counts approved applications apart, and expects the rest at the county’s take-up rate', async () => {
    // A fifth of the county's children hold an approved application, a few a rejected one.
    const inCounty = ids.filter((_, i) => children[i]!.hukouRegionCode.startsWith('533423'));
    const approvedIds = new Set(inCounty.filter((_, i) => i % 5 === 0));
    const rejected = inCounty.filter((_, i) => i % 5 === 1).slice(0, 20);
    await database.query(
      `INSERT INTO applications (scheme_code, beneficiary_id, region_code, channel, status, level, rejection_reason)
       SELECT $1, p.id, p.hukou_region_code, 'villageWorker', u.status, 'county', CASE WHEN u.status = 'rejected' THEN '测试' END
       FROM unnest($2::bigint[], $3::text[]) AS u(id, status) JOIN persons p ON p.id = u.id`,
      [
        NATIONAL_CHILDCARE_SUBSIDY.code,
        [...approvedIds, ...rejected],
        [...[...approvedIds].map(() => 'approved'), ...rejected.map(() => 'rejected')],
      ],
    );
    const b = await budget(NATIONAL_CHILDCARE_SUBSIDY);
    expect(b).toMatchObject({ paidOnApplication: true, registryEstimate: true });
    expect(b.backlog.periods.map((p) => p.period)).toEqual(['2025', '2026']);
    expect(b.next12Months.periods.map((p) => p.period)).toEqual(['2027']);
    expect(b.takeUpRates).toEqual([
      { jurisdictionCode: '533423', basisPoints: 10_000, isDefault: true, basis: null, setByName: null, setAt: null },
    ]);
    for (const p of [...b.backlog.periods, ...b.next12Months.periods]) {
      expect(p.registry, p.period).toEqual(owed(NATIONAL_CHILDCARE_SUBSIDY, p.period));
      expect(p.approved, p.period).toEqual(owed(NATIONAL_CHILDCARE_SUBSIDY, p.period, approvedIds));
      expect(p.expectedFen).toBe(p.registry!.amountFen); // 100% by default
    }
    expect(b.backlog.registry!.count).toBeGreaterThan(b.backlog.approved!.count);
    expect(b.backlog.approved!.count).toBeGreaterThan(0);

    // At 62.5%: approved in full, the rest at 62.5%, rounded half up per period.
    await database.query(
      `INSERT INTO scheme_take_up_rates (scheme_code, jurisdiction_code, rate_basis_points, basis, set_by_name)
       VALUES ($1, '533423', 6250, '上年度申领情况', '县级管理员')`,
      [NATIONAL_CHILDCARE_SUBSIDY.code],
    );
    const r = await budget(NATIONAL_CHILDCARE_SUBSIDY);
    expect(r.takeUpRates[0]).toMatchObject({ basisPoints: 6250, isDefault: false, basis: '上年度申领情况' });
    for (const p of [...r.backlog.periods, ...r.next12Months.periods]) {
      const rest = p.registry!.amountFen - p.approved!.amountFen;
      expect(p.expectedFen, p.period).toBe(p.approved!.amountFen + Math.floor((rest * 5) / 8 + 0.5));
    }
    expect(r.backlog.expectedFen).toBe(r.backlog.periods.reduce((t, p) => t + p.expectedFen, 0));
  });

  it('counts only approved applications where the rules need what an application states', async () => {
    const b = await budget(YUNNAN_INSURANCE_SUBSIDY);
    expect(b.registryEstimate).toBe(false);
    expect(b.backlog.registry).toBeNull();
    expect(b.backlog.approved).toEqual({ count: 0, amountFen: 0 });
    const child = ids.find(
      (_, i) =>
        checkEligibility(
          YUNNAN_INSURANCE_SUBSIDY,
          { ...factsOf(children[i]!), declared: { accidentInsurancePurchased: true } },
          '2026',
        ).eligible,
    )!;
    await database.query(
      `INSERT INTO applications (scheme_code, beneficiary_id, region_code, facts, channel, status, level)
       SELECT $1, id, hukou_region_code, '{"accidentInsurancePurchased": true}', 'villageWorker', 'approved', 'county' FROM persons WHERE id = $2`,
      [YUNNAN_INSURANCE_SUBSIDY.code, child],
    );
    const after = await budget(YUNNAN_INSURANCE_SUBSIDY);
    const y2026 = after.backlog.periods.find((p) => p.period === '2026')!;
    expect(y2026).toMatchObject({ registry: null, approved: { count: 1, amountFen: yuan(50) }, expectedFen: yuan(50) });
  });
});
