import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkEligibility,
  NATIONAL_CHILDCARE_SUBSIDY,
  withApplicationFacts,
  YUNNAN_BIRTH_GRANT,
  YUNNAN_CHILDCARE_ALLOWANCE,
  YUNNAN_INSURANCE_SUBSIDY,
  yuan,
  type SchemeDefinition,
} from '@cradle/domain';
import type { Database } from '../db/client.js';
import { createTestDatabase } from '../test/db.js';
import { runPaymentCycle, type CycleRequest } from './cycle.js';
import { factsOf, insertChildren, randomChildren, type TestChild } from './test-population.js';

let database: Database;
let cleanup: () => Promise<void>;
let children: TestChild[];
let ids: number[];
const actor = { userId: null, username: 'test', jurisdictionCode: '533423', clientIp: null };
// The national subsidy is applied for; made proactive here to hold its SQL (pro rata, per-month values) to the domain.
const NATIONAL_PROACTIVE: SchemeDefinition = {
  ...NATIONAL_CHILDCARE_SUBSIDY,
  code: 'test.nationalProactive',
  proactive: true,
};
// An amount in force only from July: a child with an eligible month before it gets nothing (as computeAmount says).
const MIDYEAR: SchemeDefinition = {
  ...NATIONAL_PROACTIVE,
  code: 'test.midyear',
  parameters: {
    ...NATIONAL_PROACTIVE.parameters,
    yearlyAmount: {
      ...NATIONAL_PROACTIVE.parameters.yearlyAmount!,
      history: [{ from: '2025-07-01', value: yuan(3600), basis: NATIONAL_PROACTIVE.legalBasis }],
    },
  },
};

beforeAll(async () => {
  ({ database, cleanup } = await createTestDatabase());
  const villages = (
    await database.query<{ code: string }>(
      "SELECT code FROM regions WHERE level = 5 AND code LIKE '533423%' ORDER BY code",
    )
  ).map((r) => r.code);
  children = randomChildren(1500, villages.slice(0, 40), 20261129);
  ids = await insertChildren(database, children);
  // The county raises the yearly amount from July 2026: a month's payment uses the value then in force.
  await database.query(
    `INSERT INTO scheme_versions (scheme_code, jurisdiction_code, version, effective_from, values, legal_basis, status, published_at)
     VALUES ('test.nationalProactive', '533423', 1, '2026-07-01', '{"yearlyAmount": 480000}', '{"document": "维西县测试", "clause": "1"}', 'published', now())`,
  );
});
afterAll(async () => cleanup());

const cycle = (
  scheme: SchemeDefinition,
  periodKey: string,
  jurisdictionCode = '533423',
  more: Partial<CycleRequest> = {},
) => runPaymentCycle(database, { scheme, periodKey, jurisdictionCode, actor, ...more });

async function paid(schemeCode: string, periodKey: string): Promise<Map<number, number>> {
  const rows = await database.query<{ beneficiary_id: number; amount_fen: number }>(
    'SELECT beneficiary_id, amount_fen FROM payments WHERE scheme_code = $1 AND period_key = $2',
    [schemeCode, periodKey],
  );
  return new Map(rows.map((r) => [Number(r.beneficiary_id), Number(r.amount_fen)]));
}

function expected(scheme: SchemeDefinition, periodKey: string, prefix = '533423'): Map<number, number> {
  const overrides =
    scheme === NATIONAL_PROACTIVE
      ? [
          {
            jurisdictionCode: '533423',
            version: 1,
            effectiveFrom: '2026-07-01',
            values: { yearlyAmount: yuan(4800) },
            basis: { document: '维西县测试', clause: '1' },
          },
        ]
      : [];
  const out = new Map<number, number>();
  children.forEach((c, i) => {
    if (!c.hukouRegionCode.startsWith(prefix)) return;
    const e = checkEligibility(scheme, factsOf(c), periodKey, overrides);
    if (e.eligible) out.set(ids[i]!, e.amount);
  });
  return out;
}

describe('a payment cycle pays exactly whom checkEligibility would, the amount it would', () => {
  it.each(
    (
      [
        [YUNNAN_BIRTH_GRANT, 'once'],
        [YUNNAN_CHILDCARE_ALLOWANCE, '2024'],
        [YUNNAN_CHILDCARE_ALLOWANCE, '2026'],
        [NATIONAL_PROACTIVE, '2025'],
        [NATIONAL_PROACTIVE, '2026'],
        [MIDYEAR, '2025'],
      ] as const
    ).map(([s, p]) => [s.code, p, s] as const),
  )('%s, period %s', async (_code, period, scheme) => {
    const want = expected(scheme, period);
    expect(want.size).toBeGreaterThan(20);
    const batch = await cycle(scheme, period);
    expect(await paid(scheme.code, period)).toEqual(want);
    expect(batch).toMatchObject({
      status: 'complete',
      paymentCount: want.size,
      totalFen: [...want.values()].reduce((a, b) => a + b, 0),
    });
  });
});

describe('a scheme that needs applications', () => {
  it('pays exactly the approved applications checkEligibility accepts, reading their declarations', async () => {
    // Every third child of the county: approved, half of them declaring the insurance bought; every third other: rejected.
    const apps: { id: number; status: string; facts: Record<string, boolean> }[] = [];
    children.forEach((c, i) => {
      if (!c.hukouRegionCode.startsWith('533423')) return;
      if (i % 3 === 0)
        apps.push({ id: ids[i]!, status: 'approved', facts: { accidentInsurancePurchased: i % 2 === 0 } });
      if (i % 3 === 1) apps.push({ id: ids[i]!, status: 'rejected', facts: { accidentInsurancePurchased: true } });
    });
    await database.query(
      `INSERT INTO applications (scheme_code, beneficiary_id, region_code, facts, channel, status, level, rejection_reason)
       SELECT 'yunnan.insuranceSubsidy', u.id, p.hukou_region_code, u.facts::jsonb, 'villageWorker', u.status, 'county', CASE WHEN u.status = 'rejected' THEN '测试' END
       FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(id, status, facts) JOIN persons p ON p.id = u.id`,
      [apps.map((a) => a.id), apps.map((a) => a.status), apps.map((a) => JSON.stringify(a.facts))],
    );
    const want = new Map<number, number>();
    for (const a of apps) {
      if (a.status !== 'approved') continue;
      const e = checkEligibility(
        YUNNAN_INSURANCE_SUBSIDY,
        withApplicationFacts(factsOf(children[ids.indexOf(a.id)]!), a.facts),
        '2025',
      );
      if (e.eligible) want.set(a.id, e.amount);
    }
    expect(want.size).toBeGreaterThan(10);
    const batch = await cycle(YUNNAN_INSURANCE_SUBSIDY, '2025');
    expect(await paid('yunnan.insuranceSubsidy', '2025')).toEqual(want);
    expect(batch.paymentCount).toBe(want.size);
  });
});

describe('no double payment', () => {
  it('re-running a complete cycle changes nothing', async () => {
    const first = await cycle(YUNNAN_CHILDCARE_ALLOWANCE, '2025');
    const before = await database.query('SELECT id, beneficiary_id, amount_fen, batch_id FROM payments ORDER BY id');
    const again = await cycle(YUNNAN_CHILDCARE_ALLOWANCE, '2025');
    expect(again).toEqual(first);
    expect(await database.query('SELECT id, beneficiary_id, amount_fen, batch_id FROM payments ORDER BY id')).toEqual(
      before,
    );
  });

  it('a child whose hukou moved to another county after being paid is not paid there again', async () => {
    // Small chunks, so that the moved children's chunk also holds children never paid: those are paid, the moved ones skipped.
    const from = (
      await database.query<{ t: string }>(
        "SELECT left(hukou_region_code, 9) AS t FROM persons WHERE hukou_region_code LIKE '533423%' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
      )
    )[0]!.t;
    const paidFrom = await cycle(YUNNAN_CHILDCARE_ALLOWANCE, '2027', from);
    const moved = await database.query<{ beneficiary_id: number }>(
      "SELECT beneficiary_id FROM payments WHERE scheme_code = 'yunnan.childcareAllowance' AND period_key = '2027' AND batch_id = $1 LIMIT 3",
      [paidFrom.id],
    );
    expect(moved.length).toBe(3);
    const movedIds = moved.map((m) => Number(m.beneficiary_id));
    // To 五华区 (530102), another county of Yunnan, whose own cycle then runs.
    await database.query("UPDATE persons SET hukou_region_code = '530102002001' WHERE id = ANY ($1::bigint[])", [
      movedIds,
    ]);
    const paidTo = await cycle(YUNNAN_CHILDCARE_ALLOWANCE, '2027', '530102', {
      chunkIds: 50,
      actor: { ...actor, jurisdictionCode: '530102' },
    });
    expect(paidTo.paymentCount).toBe(expected(YUNNAN_CHILDCARE_ALLOWANCE, '2027', '530102').size);
    const there = await database.query(
      'SELECT 1 FROM payments WHERE batch_id = $1 AND beneficiary_id = ANY ($2::bigint[])',
      [paidTo.id, movedIds],
    );
    expect(there).toEqual([]);
    const once = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM payments WHERE scheme_code = 'yunnan.childcareAllowance' AND period_key = '2027' AND beneficiary_id = ANY ($1::bigint[])",
      [movedIds],
    );
    expect(once[0]!.n).toBe(3);
  });

  it('the database itself refuses a second payment for the same beneficiary, scheme and period', async () => {
    const row = (
      await database.query<{ beneficiary_id: number; batch_id: number }>(
        'SELECT beneficiary_id, batch_id FROM payments LIMIT 1',
      )
    )[0]!;
    const existing = (
      await database.query<{ scheme_code: string; period_key: string }>(
        'SELECT scheme_code, period_key FROM payments WHERE beneficiary_id = $1 LIMIT 1',
        [row.beneficiary_id],
      )
    )[0]!;
    await expect(
      database.query(
        `INSERT INTO payments (scheme_code, period_key, beneficiary_id, amount_fen, batch_id, region_code) VALUES ($1, $2, $3, 100, $4, '533423')`,
        [existing.scheme_code, existing.period_key, row.beneficiary_id, row.batch_id],
      ),
    ).rejects.toMatchObject({ code: '23505' });
  });
});

describe('a cycle stopped halfway', () => {
  it('resumes after the last chunk it finished and ends as an uninterrupted run would', async () => {
    let seen = 0;
    const stop = new Error('stopped');
    await expect(
      runPaymentCycle(
        database,
        { scheme: YUNNAN_CHILDCARE_ALLOWANCE, periodKey: '2023', jurisdictionCode: '533423', actor, chunkIds: 100 },
        (b) => {
          if (b.chunksDone > 0 && ++seen === 3) throw stop;
        },
      ),
    ).rejects.toBe(stop);
    const half = await database.query<{ status: string; chunks_done: number; chunks_total: number }>(
      "SELECT status, chunks_done, chunks_total FROM payment_batches WHERE scheme_code = 'yunnan.childcareAllowance' AND period_key = '2023'",
    );
    expect(half[0]).toMatchObject({ status: 'running', chunks_done: 3 });
    expect(half[0]!.chunks_total).toBeGreaterThan(3);
    const done = await cycle(YUNNAN_CHILDCARE_ALLOWANCE, '2023', '533423', { chunkIds: 100 });
    const want = expected(YUNNAN_CHILDCARE_ALLOWANCE, '2023');
    expect(await paid('yunnan.childcareAllowance', '2023')).toEqual(want);
    expect(done).toMatchObject({ status: 'complete', chunksDone: half[0]!.chunks_total, paymentCount: want.size });
  });
});

describe('failed payments', () => {
  it('carry over into the next cycle of the scheme, keeping their period, once', async () => {
    const first = await cycle(NATIONAL_PROACTIVE, '2027');
    const failed = await database.query<{ id: number; amount_fen: number }>(
      "UPDATE payments SET status = 'failed', failure_reason = '账户已销户' WHERE id IN (SELECT id FROM payments WHERE batch_id = $1 ORDER BY id LIMIT 2) RETURNING id, amount_fen",
      [first.id],
    );
    expect(failed).toHaveLength(2);
    const next = await cycle(NATIONAL_PROACTIVE, '2028');
    const moved = await database.query<{
      batch_id: number;
      status: string;
      attempts: number;
      period_key: string;
      failure_reason: string | null;
    }>('SELECT batch_id, status, attempts, period_key, failure_reason FROM payments WHERE id = ANY ($1::bigint[])', [
      failed.map((f) => f.id),
    ]);
    expect(moved.map((m) => ({ ...m, batch_id: Number(m.batch_id) }))).toEqual([
      { batch_id: next.id, status: 'pending', attempts: 2, period_key: '2027', failure_reason: null },
      { batch_id: next.id, status: 'pending', attempts: 2, period_key: '2027', failure_reason: null },
    ]);
    const own = await paid(NATIONAL_PROACTIVE.code, '2028');
    expect(next.paymentCount).toBe(own.size + 2);
    expect(next.totalFen).toBe(
      [...own.values()].reduce((a, b) => a + b, 0) + failed.reduce((a, f) => a + Number(f.amount_fen), 0),
    );
    expect(await cycle(NATIONAL_PROACTIVE, '2028')).toEqual(next);
  });
});

describe('a supplementary run', () => {
  it('pays, in a new round, a child who became eligible after the period was paid; a plain re-run does not', async () => {
    const first = await cycle(YUNNAN_BIRTH_GRANT, 'once');
    const [late] = await insertChildren(database, [
      { birthDate: '2025-10-10', deathDate: null, hukouRegionCode: '533423101001', parity: 3 },
    ]);
    expect(await cycle(YUNNAN_BIRTH_GRANT, 'once')).toEqual(first);
    const second = await cycle(YUNNAN_BIRTH_GRANT, 'once', '533423', { supplement: true });
    expect(second).toMatchObject({ round: first.round + 1, status: 'complete', paymentCount: 1, totalFen: yuan(5000) });
    expect(
      (
        await database.query<{ beneficiary_id: number }>('SELECT beneficiary_id FROM payments WHERE batch_id = $1', [
          second.id,
        ])
      ).map((r) => Number(r.beneficiary_id)),
    ).toEqual([late]);
    // Nobody new: the next round pays no one, and every child still has one grant.
    expect(await cycle(YUNNAN_BIRTH_GRANT, 'once', '533423', { supplement: true })).toMatchObject({
      round: first.round + 2,
      paymentCount: 0,
    });
    const twice = await database.query(
      "SELECT beneficiary_id FROM payments WHERE scheme_code = 'yunnan.birthGrant' GROUP BY beneficiary_id HAVING count(*) > 1",
    );
    expect(twice).toEqual([]);
  });
});
