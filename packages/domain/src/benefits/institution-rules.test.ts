import { describe, expect, it } from 'vitest';
import { checkEligibility } from './eligibility.js';
import type { BeneficiaryFacts, InstitutionFacts } from './facts.js';
import type { ParameterOverride } from './parameters.js';
import { BAIYIN_OPERATING_SUBSIDY, WEIXI_SLOT_AWARD } from './schemes/childcare.js';

const centre = (over: Partial<InstitutionFacts> = {}): BeneficiaryFacts => {
  const institution: InstitutionFacts = {
    id: 7,
    name: '阳光托育中心',
    filingNo: 'TY533423000001',
    asOf: '2026-12-07',
    filed: true,
    version: 2,
    slots: 30,
    affordableSlots: 20,
    ...over,
  };
  return {
    birthDate: institution.asOf,
    deathDate: null,
    hukouRegionCode: '533423101',
    parity: null,
    specialFamilyStatus: null,
    declared: {},
    institution,
  };
};
const basis = { document: '确认函', clause: '一' };
const targetMet = (on: string): ParameterOverride[] => [
  { jurisdictionCode: '533423', version: 1, effectiveFrom: '2026-01-01', values: { provincialTargetMetOn: on }, basis },
];

describe('schemes paid to childcare institutions', () => {
  it('pays 004 (十二)’s 2,000 yuan per affordable slot once the provincial target is recorded met', () => {
    const e = checkEligibility(WEIXI_SLOT_AWARD, centre(), 'once', targetMet('2026-11-30'));
    expect(e).toMatchObject({ eligible: true, amount: 20 * 200_000 });
    expect(e.trace.map((s) => s.basis.clause)).toEqual(Array(3).fill('(十二)'));
    expect(e.trace[2]!.rule.zh).toBe('普惠托位 20 个 × 每个 ¥2,000.00');
  });

  it('pays nothing before the target is recorded, or when it is recorded for a later day, and says why', () => {
    const none = checkEligibility(WEIXI_SLOT_AWARD, centre(), 'once');
    expect(none.eligible).toBe(false);
    expect(none.trace[1]!.rule.zh).toContain('「省级指标任务完成日期」在 2026-12-07 尚无生效值，须由县级设定');
    const later = checkEligibility(WEIXI_SLOT_AWARD, centre(), 'once', targetMet('2026-12-31'));
    expect(later.eligible).toBe(false);
    expect(later.trace[1]!.saw.zh).toBe('记录日期 2026-12-31');
  });

  it('pays a closed or unfiled institution nothing, and never a person', () => {
    const closed = checkEligibility(
      WEIXI_SLOT_AWARD,
      centre({ filed: false, version: null, slots: 0, affordableSlots: 0 }),
      'once',
      targetMet('2026-11-30'),
    );
    expect(closed.eligible).toBe(false);
    expect(closed.trace[0]!.saw.zh).toBe('阳光托育中心：无有效备案或已关停');
    const person = { ...centre(), institution: null, birthDate: '2026-01-01' };
    const p = checkEligibility(WEIXI_SLOT_AWARD, person, 'once', targetMet('2026-11-30'));
    expect(p.eligible).toBe(false);
    expect(p.trace[0]!.saw.zh).toBe('非托育机构');
  });

  it('leaves 001 m10’s subsidies unpaid until a county sets the amount, and says so', () => {
    const e = checkEligibility(BAIYIN_OPERATING_SUBSIDY, { ...centre(), hukouRegionCode: '620402001' }, '2026');
    expect(e.eligible).toBe(false);
    expect(e.amount).toBe(0);
    expect(e.trace.at(-1)!.rule.zh).toContain('「每个托位每年运营补贴」在 2026-12-07 尚无生效值，须由县级设定');
    const set: ParameterOverride[] = [
      { jurisdictionCode: '620402', version: 1, effectiveFrom: '2026-01-01', values: { amountPerSlot: 50_000 }, basis },
    ];
    const paid = checkEligibility(BAIYIN_OPERATING_SUBSIDY, { ...centre(), hukouRegionCode: '620402001' }, '2026', set);
    expect(paid).toMatchObject({ eligible: true, amount: 30 * 50_000 });
  });
});
