import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEligibility, NATIONAL_CHILDCARE_SUBSIDY, yuan, type SchemeDefinition } from '@cradle/domain';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { createTestDatabase } from '../test/db.js';
import { budgetOf, periodsStartingWithin12Months } from './budget.js';
import { runPaymentCycle } from './cycle.js';
import { factsOf, insertChildren, randomChildren, type TestChild } from './test-population.js';

let database: Database;
let cleanup: () => Promise<void>;
let children: TestChild[];
const TODAY = '2026-11-29';
// Monthly and proactive, so a forecast covers 12 months of the registry (the 白银 scheme has no
// amount without a county version; this one takes the national amounts per month).
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
  await insertChildren(database, children);
});
afterAll(async () => cleanup());

const budget = (draft: Parameters<typeof budgetOf>[3] = null) =>
  withScope(database, { jurisdictionCode: '533423' }, (tx) => budgetOf(tx, MONTHLY, '533423', draft, TODAY));
const expectedFor = (period: string, monthlyFen = yuan(300)) =>
  children.filter(
    (c) => c.hukouRegionCode.startsWith('533423') && checkEligibility(MONTHLY, factsOf(c), period).eligible,
  ).length * monthlyFen;

describe('budget view', () => {
  it('names the periods that start in the next 12 months', () => {
    expect(periodsStartingWithin12Months(MONTHLY, TODAY)).toEqual([
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
      '2027-08',
      '2027-09',
      '2027-10',
      '2027-11',
    ]);
    expect(periodsStartingWithin12Months(NATIONAL_CHILDCARE_SUBSIDY, TODAY)).toEqual(['2027']);
  });

  it('forecasts the next 12 months from the registry, without what is already paid for, and with a draft amount', async () => {
    const before = await budget();
    expect(before.next12Months.map((p) => p.amountFen)).toEqual(before.next12Months.map((p) => expectedFor(p.period)));
    expect(before.next12MonthsFen).toBeGreaterThan(0);
    expect(before).toMatchObject({ paidFen: 0, committedFen: 0 });

    const december = await runPaymentCycle(database, {
      scheme: MONTHLY,
      periodKey: '2026-12',
      jurisdictionCode: '533423',
      actor,
    });
    // Approved by a second person (the database refuses paying a draft), then paid in part.
    await database.query(
      "UPDATE payment_batches SET stage = 'approved', approved_by = coalesce(created_by, 0) + 1 WHERE id = $1",
      [december.id],
    );
    await database.query(
      "UPDATE payments SET status = 'paid' WHERE id IN (SELECT id FROM payments WHERE batch_id = $1 ORDER BY id LIMIT 5)",
      [december.id],
    );
    const after = await budget();
    expect(after.next12Months[0]).toMatchObject({ period: '2026-12', count: 0, amountFen: 0 });
    expect(after.paidCount).toBe(5);
    expect(after.paidFen + after.committedFen).toBe(december.totalFen);

    const draft = {
      jurisdictionCode: '533423',
      version: 9,
      effectiveFrom: '2027-06-01',
      values: { monthly: yuan(500) },
      basis: { document: '草案', clause: '1' },
    };
    const raised = await budget(draft);
    expect(raised.assumingVersion).toBe(9);
    const june = raised.next12Months.find((p) => p.period === '2027-06')!;
    expect(june.amountFen).toBe(expectedFor('2027-06', yuan(500)));
    expect(raised.next12Months.find((p) => p.period === '2027-05')!.amountFen).toBe(expectedFor('2027-05'));
  });
});
