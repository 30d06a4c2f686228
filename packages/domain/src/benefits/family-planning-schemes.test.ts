import { describe, expect, it } from 'vitest';
import type { BeneficiaryFacts } from './facts.js';
import { checkEligibility } from './eligibility.js';
import { yuan } from './money.js';
import type { ParameterOverride } from './parameters.js';
import { WEIXI_REWARD_ONLY_CHILD, WEIXI_REWARD_TWO_DAUGHTERS } from './schemes/rewards.js';
import { WEIXI_MEDICAL_ASSISTANCE } from './schemes/weixi.js';

// The schemes the seeds name without amounts (issue 16): 004 (二十二)'s medical assistance and
// 奖励扶助 (001 m21, 004 (二十)). Nothing is paid until the county sets the amount.

const child = (birthDate: string, more: Partial<BeneficiaryFacts> = {}): BeneficiaryFacts => ({
  birthDate,
  deathDate: null,
  hukouRegionCode: '533423100001',
  parity: 1,
  specialFamilyStatus: null,
  declared: {},
  ...more,
});

describe('medical assistance for special families (seed 004 (二十二))', () => {
  const parent = child('1962-02-01', {
    specialFamilyStatus: 'disabledChild',
    specialFamilyFile: { id: 9, version: 2, effectiveFrom: '2025-02-01' },
    specialFamilyNeeds: ['nearSubsistence'],
    declared: { heavyMedicalBurden: true },
  });
  const overrides: ParameterOverride[] = [
    {
      jurisdictionCode: '533423',
      version: 1,
      effectiveFrom: '2025-01-01',
      values: { yearlyAmount: yuan(2000) },
      basis: { document: '维西县测试', clause: '1' },
    },
  ];

  it('pays nothing until the county sets an amount, and says so', () => {
    const e = checkEligibility(WEIXI_MEDICAL_ASSISTANCE, parent, '2025');
    expect(e.amount).toBe(0);
    expect(JSON.stringify(e.trace)).toContain('须由县级设定');
  });

  it('holds all four conditions: not on 低保, 低保边缘 or at risk, a heavy bill, a special family', () => {
    expect(checkEligibility(WEIXI_MEDICAL_ASSISTANCE, parent, '2025', overrides).amount).toBe(yuan(2000));
    const without = (more: Partial<BeneficiaryFacts>) =>
      checkEligibility(WEIXI_MEDICAL_ASSISTANCE, { ...parent, ...more }, '2025', overrides).eligible;
    expect(without({ specialFamilyNeeds: ['nearSubsistence', 'subsistence'] })).toBe(false);
    expect(without({ specialFamilyNeeds: [] })).toBe(false);
    expect(without({ declared: {} })).toBe(false);
    expect(without({ specialFamilyStatus: null })).toBe(false);
  });
});

describe('奖励扶助 (seed 001 m21, 004 (二十))', () => {
  const set: ParameterOverride[] = [
    {
      jurisdictionCode: '533423',
      version: 1,
      effectiveFrom: '2025-01-01',
      values: { yearlyAmount: yuan(960) },
      basis: { document: '维西县测试', clause: '1' },
    },
  ];
  const parent = (children: { birthDate: string; sex: string }[], more: Partial<BeneficiaryFacts> = {}) =>
    child('1960-05-01', { children, ...more });

  it('pays nothing until the county sets the amount, and says why', () => {
    const e = checkEligibility(WEIXI_REWARD_ONLY_CHILD, parent([{ birthDate: '1988-01-01', sex: 'male' }]), '2025');
    expect(e.amount).toBe(0);
    expect(JSON.stringify(e.trace)).toContain('须由县级设定');
  });

  it('a one-child family: one child born before 2016, a parent aged 60', () => {
    const pays = (f: BeneficiaryFacts) => checkEligibility(WEIXI_REWARD_ONLY_CHILD, f, '2025', set).amount;
    expect(pays(parent([{ birthDate: '1988-01-01', sex: 'male' }]))).toBe(yuan(960));
    expect(pays(parent([{ birthDate: '2016-03-01', sex: 'male' }]))).toBe(0);
    expect(
      pays(
        parent([
          { birthDate: '1988-01-01', sex: 'male' },
          { birthDate: '1990-01-01', sex: 'male' },
        ]),
      ),
    ).toBe(0);
    expect(pays(parent([]))).toBe(0);
    expect(pays({ ...parent([{ birthDate: '1988-01-01', sex: 'male' }]), birthDate: '1970-01-01' })).toBe(0);
  });

  it('a two-daughter family: two daughters, and the family states it is rural', () => {
    const two = [
      { birthDate: '1986-01-01', sex: 'female' },
      { birthDate: '1989-01-01', sex: 'female' },
    ];
    const pays = (f: BeneficiaryFacts) => checkEligibility(WEIXI_REWARD_TWO_DAUGHTERS, f, '2025', set).amount;
    expect(pays(parent(two, { declared: { ruralHousehold: true } }))).toBe(yuan(960));
    expect(pays(parent(two))).toBe(0);
    expect(
      pays(parent([two[0]!, { birthDate: '1989-01-01', sex: 'male' }], { declared: { ruralHousehold: true } })),
    ).toBe(0);
  });
});
