import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEligibility, WEIXI_REWARD_ONLY_CHILD, yuan } from '@cradle/domain';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { createTestDatabase } from '../test/db.js';
import { budgetOf } from './budget.js';
import { runPaymentCycle } from './cycle.js';
import { beneficiaryFacts } from './facts-repo.js';
import { insertChildren } from './test-population.js';

// 奖励扶助 for one-child families (001 m21, 004 (二十); issue 16): read from the registry's
// parent–child links; no amount until the county sets one. The cycle's SQL and checkEligibility
// over the registry's facts give the same answers.

let database: Database;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ database, cleanup } = await createTestDatabase()));
afterAll(async () => cleanup());

const VILLAGE = '533423100003';
const actor = { userId: null, username: 'test', jurisdictionCode: '533423', clientIp: null };

async function family(parentBirth: string, children: { birthDate: string; sex: 'male' | 'female' }[]) {
  const [parent] = await insertChildren(database, [
    { birthDate: parentBirth, deathDate: null, hukouRegionCode: VILLAGE, parity: null },
  ]);
  const kids = await insertChildren(
    database,
    children.map((c) => ({ birthDate: c.birthDate, deathDate: null, hukouRegionCode: VILLAGE, parity: null })),
  );
  for (const [i, k] of kids.entries()) {
    await database.query('UPDATE persons SET sex = $2 WHERE id = $1', [k, children[i]!.sex]);
    await database.query(
      "INSERT INTO relationships (kind, from_person_id, to_person_id, region_code) VALUES ('mother', $1, $2, $3)",
      [parent, k, VILLAGE],
    );
  }
  return parent!;
}

describe('one-child family reward from the registry', () => {
  it('pays nothing before the county sets an amount, then the parents of one child born before 2016', async () => {
    const one = await family('1960-03-01', [{ birthDate: '1985-04-01', sex: 'female' }]);
    const two = await family('1961-03-01', [
      { birthDate: '1985-04-01', sex: 'male' },
      { birthDate: '1988-04-01', sex: 'male' },
    ]);
    const late = await family('1962-03-01', [{ birthDate: '2016-02-01', sex: 'male' }]);
    const young = await family('1972-03-01', [{ birthDate: '1995-04-01', sex: 'male' }]);
    const ids = [one, two, late, young];
    const cycle = async (period: string) => {
      await runPaymentCycle(database, {
        scheme: WEIXI_REWARD_ONLY_CHILD,
        periodKey: period,
        jurisdictionCode: '533423',
        actor,
      });
      const rows = await database.query<{ beneficiary_id: number; amount_fen: number }>(
        "SELECT beneficiary_id, amount_fen FROM payments WHERE scheme_code = 'weixi.rewardOnlyChild' AND period_key = $1",
        [period],
      );
      const all = new Map(rows.map((r) => [Number(r.beneficiary_id), Number(r.amount_fen)]));
      return ids.map((id) => all.get(id) ?? 0);
    };
    expect(await cycle('2025')).toEqual([0, 0, 0, 0]);
    await database.query(
      `INSERT INTO scheme_versions (scheme_code, jurisdiction_code, version, effective_from, values, legal_basis, status, published_at)
       VALUES ('weixi.rewardOnlyChild', '533423', 1, '2026-01-01', '{"yearlyAmount": 96000}', '{"document": "维西县测试", "clause": "1"}', 'published', now())`,
    );
    const budget = await withScope(database, { jurisdictionCode: '533423' }, (tx) =>
      budgetOf(tx, WEIXI_REWARD_ONLY_CHILD, '533423', null, '2026-12-07'),
    );
    expect(budget.backlog.periods.find((p) => p.period === '2026')?.registry?.count).toBeGreaterThanOrEqual(1);
    const want = [yuan(960), 0, 0, 0];
    expect(await cycle('2026')).toEqual(want);
    const overrides = [
      {
        jurisdictionCode: '533423',
        version: 1,
        effectiveFrom: '2026-01-01',
        values: { yearlyAmount: yuan(960) },
        basis: { document: '维西县测试', clause: '1' },
      },
    ];
    const domain = await withScope(database, { jurisdictionCode: '533423' }, async (tx) => {
      const out: number[] = [];
      for (const id of ids)
        out.push(
          checkEligibility(WEIXI_REWARD_ONLY_CHILD, (await beneficiaryFacts(tx, id))!, '2026', overrides).amount,
        );
      return out;
    });
    expect(domain).toEqual(want);
  });
});
