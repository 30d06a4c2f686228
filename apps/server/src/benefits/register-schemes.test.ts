import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BAIYIN_SPECIAL_ASSISTANCE,
  checkEligibility,
  WEIXI_MEDICAL_ASSISTANCE,
  WEIXI_NURSING_SUBSIDY,
  yuan,
  type SchemeDefinition,
} from '@cradle/domain';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { createTestDatabase } from '../test/db.js';
import { budgetOf } from './budget.js';
import { runPaymentCycle } from './cycle.js';
import { beneficiaryFacts } from './facts-repo.js';
import { insertChildren, type TestChild } from './test-population.js';

// The schemes the special-family register pays without an application (issue 16): 001 m21's special
// assistance and 004 (二十一)'s nursing subsidy. The cycle's SQL and checkEligibility over the
// register's facts must give the same answers, and the trace cites the file and its version.

let database: Database;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ database, cleanup } = await createTestDatabase()));
afterAll(async () => cleanup());

const actorIn = (j: string) => ({ userId: null, username: 'test', jurisdictionCode: j, clientIp: null });

async function paidIn(scheme: SchemeDefinition, period: string, jurisdiction: string, ids: number[]) {
  await runPaymentCycle(database, {
    scheme,
    periodKey: period,
    jurisdictionCode: jurisdiction,
    actor: actorIn(jurisdiction),
  });
  const rows = await database.query<{ beneficiary_id: number; amount_fen: number }>(
    'SELECT beneficiary_id, amount_fen FROM payments WHERE scheme_code = $1 AND period_key = $2',
    [scheme.code, period],
  );
  const all = new Map(rows.map((r) => [Number(r.beneficiary_id), Number(r.amount_fen)]));
  return ids.map((id) => all.get(id) ?? 0);
}

/** What checkEligibility says over the register's facts at the period's start (service.ts does the same). */
async function domainSays(
  scheme: SchemeDefinition,
  period: string,
  start: string,
  jurisdiction: string,
  ids: number[],
) {
  return withScope(database, { jurisdictionCode: jurisdiction }, async (tx) => {
    const out: number[] = [];
    for (const id of ids) out.push(checkEligibility(scheme, (await beneficiaryFacts(tx, id, start))!, period).amount);
    return out;
  });
}

async function fileFor(
  region: string,
  kind: 'bereaved' | 'disabledChild',
  parents: { mother?: number; father?: number },
  child: number,
  changes: [string, string][],
  needs: string[] = [],
): Promise<number> {
  const [f] = await database.query<{ id: number }>(
    `INSERT INTO special_family_files (region_code, kind, child_person_id, mother_person_id, father_person_id, event_date,
       disability_grade, status, version, needs, proposed_by, proposed_by_name, decided_by, decided_by_name)
     VALUES ($1, $2, $3, $4, $5, '2020-01-01', $6, $7, $8, $9, 1, '甲', 2, '乙') RETURNING id`,
    [
      region,
      kind,
      child,
      parents.mother ?? null,
      parents.father ?? null,
      kind === 'disabledChild' ? 2 : null,
      changes[changes.length - 1]![0],
      changes.length,
      needs,
    ],
  );
  for (const [i, [status, from]] of changes.entries())
    await database.query(
      `INSERT INTO special_family_status_changes (file_id, region_code, version, status, effective_from, changed_by, changed_by_name)
       VALUES ($1, $2, $3, $4, $5, 1, '甲')`,
      [f!.id, region, i + 1, status, from],
    );
  return Number(f!.id);
}

describe('special assistance from the register alone (001 m21, issue 16)', () => {
  it('pays a confirmed file from the next period without an application, stops an ended one, ignores applications', async () => {
    const people: TestChild[] = [
      { birthDate: '1961-03-01', deathDate: null, hukouRegionCode: '620402100001', parity: null },
      { birthDate: '1963-07-09', deathDate: null, hukouRegionCode: '620402100002', parity: null },
      { birthDate: '1964-07-09', deathDate: null, hukouRegionCode: '620402100002', parity: null },
      { birthDate: '1990-01-01', deathDate: '2024-12-01', hukouRegionCode: '620402100002', parity: null },
    ];
    const [mother, father, declaredOnly, child] = await insertChildren(database, people);
    // An approved application stating 失独, for a parent the register does not hold: no longer pays.
    await database.query(
      `INSERT INTO applications (scheme_code, beneficiary_id, region_code, facts, channel, status, level)
       VALUES ('baiyin.specialAssistance', $1, '620402100002', '{"specialFamilyStatus": "bereaved"}', 'villageWorker', 'approved', 'county')`,
      [declaredOnly],
    );
    await fileFor('620402100001', 'bereaved', { mother: mother! }, child!, [
      ['proposed', '2025-04-10'],
      ['confirmed', '2025-06-01'],
    ]);
    await fileFor('620402100002', 'disabledChild', { father: father! }, child!, [
      ['proposed', '2025-04-10'],
      ['confirmed', '2025-06-01'],
      ['ended', '2025-07-01'],
    ]);
    const ids = [mother!, father!, declaredOnly!];
    const months: [string, number[]][] = [
      ['2025-05', [0, 0, 0]],
      ['2025-06', [yuan(1000), yuan(750), 0]],
      ['2025-07', [yuan(1000), 0, 0]],
    ];
    for (const [period, want] of months) {
      expect(await paidIn(BAIYIN_SPECIAL_ASSISTANCE, period, '620402', ids), period).toEqual(want);
      expect(await domainSays(BAIYIN_SPECIAL_ASSISTANCE, period, `${period}-01`, '620402', ids), period).toEqual(want);
    }
  });

  it('names the file, its version and its start in the trace', async () => {
    const [mother, child] = await insertChildren(database, [
      { birthDate: '1962-03-01', deathDate: null, hukouRegionCode: '620402100003', parity: null },
      { birthDate: '1992-01-01', deathDate: '2025-01-01', hukouRegionCode: '620402100003', parity: null },
    ]);
    const file = await fileFor('620402100003', 'bereaved', { mother: mother! }, child!, [
      ['proposed', '2025-02-10'],
      ['confirmed', '2025-03-01'],
    ]);
    const facts = await withScope(database, { jurisdictionCode: '620402' }, (tx) =>
      beneficiaryFacts(tx, mother!, '2025-03-01'),
    );
    const e = checkEligibility(BAIYIN_SPECIAL_ASSISTANCE, facts!, '2025-03');
    expect(e.amount).toBe(yuan(1000));
    expect(e.trace.find((s) => s.check === 'specialFamily')!.saw.zh).toBe(
      `独生子女死亡（失独）（特殊家庭档案 ${file} 第 2 版，自 2025-03-01 起）`,
    );
  });
});

describe('nursing subsidy from the register (004 (二十一), issue 16)', () => {
  it('pays an elderly parent whose confirmed file flags 失能 or 失智 and 低保 or 低保边缘; the flags alone decide', async () => {
    const people: TestChild[] = [
      { birthDate: '1955-03-01', deathDate: null, hukouRegionCode: '533423100001', parity: null },
      { birthDate: '1956-03-01', deathDate: null, hukouRegionCode: '533423100001', parity: null },
      { birthDate: '1957-03-01', deathDate: null, hukouRegionCode: '533423100001', parity: null },
      { birthDate: '1970-03-01', deathDate: null, hukouRegionCode: '533423100001', parity: null },
    ];
    const [both, oneFlag, proposed, young] = await insertChildren(database, people);
    // One only child per file (a child has one open file).
    const kids = await insertChildren(
      database,
      people.map(() => ({
        birthDate: '1985-01-01',
        deathDate: '2024-01-01',
        hukouRegionCode: '533423100001',
        parity: null,
      })),
    );
    const confirmed: [string, string][] = [
      ['proposed', '2024-05-10'],
      ['confirmed', '2024-06-01'],
    ];
    await fileFor('533423100001', 'bereaved', { mother: both! }, kids[0]!, confirmed, ['disabled', 'subsistence']);
    await fileFor('533423100001', 'bereaved', { mother: oneFlag! }, kids[1]!, confirmed, ['dementia', 'livingAlone']);
    await fileFor(
      '533423100001',
      'bereaved',
      { mother: proposed! },
      kids[2]!,
      [['proposed', '2024-05-10']],
      ['disabled', 'subsistence'],
    );
    await fileFor('533423100001', 'bereaved', { mother: young! }, kids[3]!, confirmed, ['disabled', 'nearSubsistence']);
    const ids = [both!, oneFlag!, proposed!, young!];
    const want = [yuan(100), 0, 0, 0];
    // Before the cycle, the budget counts the register's parents: 2026 owes the one (2025 too).
    const budget = await withScope(database, { jurisdictionCode: '533423' }, (tx) =>
      budgetOf(tx, WEIXI_NURSING_SUBSIDY, '533423', null, '2026-12-07'),
    );
    expect(budget.registryEstimate).toBe(true);
    const owed = budget.backlog.periods.filter((p) => p.period === '2025' || p.period === '2026');
    expect(owed.map((p) => [p.period, p.registry?.count, p.expectedFen])).toEqual([
      ['2025', 1, yuan(100)],
      ['2026', 1, yuan(100)],
    ]);
    expect(await paidIn(WEIXI_NURSING_SUBSIDY, '2025', '533423', ids)).toEqual(want);
    expect(await domainSays(WEIXI_NURSING_SUBSIDY, '2025', '2025-01-01', '533423', ids)).toEqual(want);
  });
});

describe('medical assistance for special families (004 (二十二), issue 16)', () => {
  it('pays nothing until the county sets an amount; then an approved application whose file meets the four conditions', async () => {
    const people: TestChild[] = [
      { birthDate: '1963-03-01', deathDate: null, hukouRegionCode: '533423100002', parity: null },
      { birthDate: '1964-03-01', deathDate: null, hukouRegionCode: '533423100002', parity: null },
    ];
    const [near, onSubsistence] = await insertChildren(database, people);
    const kids = await insertChildren(
      database,
      people.map(() => ({
        birthDate: '1988-01-01',
        deathDate: '2023-01-01',
        hukouRegionCode: '533423100002',
        parity: null,
      })),
    );
    const confirmed: [string, string][] = [
      ['proposed', '2024-05-10'],
      ['confirmed', '2024-06-01'],
    ];
    await fileFor('533423100002', 'bereaved', { mother: near! }, kids[0]!, confirmed, ['nearSubsistence']);
    await fileFor('533423100002', 'bereaved', { mother: onSubsistence! }, kids[1]!, confirmed, [
      'nearSubsistence',
      'subsistence',
    ]);
    await database.query(
      `INSERT INTO applications (scheme_code, beneficiary_id, region_code, facts, channel, status, level)
       SELECT 'weixi.medicalAssistance', u.id, '533423100002', '{"heavyMedicalBurden": true}', 'villageWorker', 'approved', 'county'
         FROM unnest($1::bigint[]) u(id)`,
      [[near, onSubsistence]],
    );
    const ids = [near!, onSubsistence!];
    expect(await paidIn(WEIXI_MEDICAL_ASSISTANCE, '2025', '533423', ids)).toEqual([0, 0]);
    await database.query(
      `INSERT INTO scheme_versions (scheme_code, jurisdiction_code, version, effective_from, values, legal_basis, status, published_at)
       VALUES ('weixi.medicalAssistance', '533423', 1, '2026-01-01', '{"yearlyAmount": 300000}', '{"document": "维西县测试", "clause": "1"}', 'published', now())`,
    );
    expect(await paidIn(WEIXI_MEDICAL_ASSISTANCE, '2026', '533423', ids)).toEqual([yuan(3000), 0]);
  });
});
