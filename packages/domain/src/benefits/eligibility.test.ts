import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BeneficiaryFacts } from './facts.js';
import { checkEligibility } from './eligibility.js';
import { formatYuan, yuan } from './money.js';
import { BAIYIN_CHILDCARE_SUBSIDY, BAIYIN_PRESCHOOL_FEE_WAIVER, BAIYIN_SPECIAL_ASSISTANCE } from './schemes/baiyin.js';
import { NATIONAL_CHILDCARE_SUBSIDY } from './schemes/national.js';
import { WEIXI_NURSING_SUBSIDY } from './schemes/weixi.js';
import { YUNNAN_BIRTH_GRANT, YUNNAN_CHILDCARE_ALLOWANCE, YUNNAN_INSURANCE_SUBSIDY } from './schemes/yunnan.js';
import type { ParameterOverride } from './parameters.js';
import type { SchemeDefinition } from './scheme.js';

const child = (birthDate: string, more: Partial<BeneficiaryFacts> = {}): BeneficiaryFacts => ({
  birthDate,
  deathDate: null,
  hukouRegionCode: '533423100001',
  parity: 1,
  specialFamilyStatus: null,
  declared: {},
  ...more,
});

const total = (
  scheme: SchemeDefinition,
  facts: BeneficiaryFacts,
  periods: string[],
  overrides: ParameterOverride[] = [],
) => periods.reduce((sum, p) => sum + checkEligibility(scheme, facts, p, overrides).amount, 0);

const YEARS = ['2023', '2024', '2025', '2026', '2027', '2028', '2029', '2030'];

describe('national childcare subsidy (育儿补贴, 2025)', () => {
  it('pays a child born in December 2023 for 24 months, 7,200 yuan (the published example)', () => {
    const c = child('2023-12-15');
    expect(checkEligibility(NATIONAL_CHILDCARE_SUBSIDY, c, '2025')).toMatchObject({
      eligible: true,
      amount: yuan(3600),
    });
    expect(checkEligibility(NATIONAL_CHILDCARE_SUBSIDY, c, '2026')).toMatchObject({
      eligible: true,
      amount: yuan(3600),
    });
    expect(checkEligibility(NATIONAL_CHILDCARE_SUBSIDY, c, '2027').eligible).toBe(false);
    expect(total(NATIONAL_CHILDCARE_SUBSIDY, c, YEARS)).toBe(yuan(7200));
  });

  it.each([
    ['2022-01-10', 1], // month 36 of life is January 2025, the scheme's first month
    ['2022-02-10', 2],
    ['2022-12-31', 12],
    ['2024-06-01', 30],
    ['2025-01-01', 36],
    ['2025-07-20', 36],
  ])('pays a child born %s for %i months in all', (birth, months) => {
    expect(total(NATIONAL_CHILDCARE_SUBSIDY, child(birth), YEARS)).toBe(yuan(300) * months);
  });

  it('pays nothing for 2024, before the scheme starts', () => {
    const e = checkEligibility(NATIONAL_CHILDCARE_SUBSIDY, child('2023-12-15'), '2024');
    expect(e).toMatchObject({ eligible: false, amount: 0 });
    expect(e.trace).toMatchObject([
      {
        check: 'inForce',
        pass: false,
        saw: { zh: '申请期间 2024，早于实施日期' },
        rule: { en: 'the scheme applies from 2025-01-01' },
      },
    ]);
  });

  it('stops after the month of death', () => {
    expect(
      checkEligibility(NATIONAL_CHILDCARE_SUBSIDY, child('2025-03-02', { deathDate: '2025-06-10' }), '2025').amount,
    ).toBe(yuan(300) * 3);
  });

  it('traces each condition with what it saw and the clause', () => {
    const e = checkEligibility(NATIONAL_CHILDCARE_SUBSIDY, child('2023-12-15'), '2025');
    expect(e.trace.map((s) => [s.check, s.pass])).toEqual([
      ['alive', true],
      ['underAgeMonths', true],
      ['amount', true],
    ]);
    expect(e.trace[1]!.saw).toEqual({ zh: '12 个月（2025-01 至 2025-12）', en: '12 months (2025-01 to 2025-12)' });
    expect(e.trace[1]!.interpretation?.zh).toContain('24个月');
    expect(e.trace.every((s) => s.basis.document === '育儿补贴制度实施方案（2025）')).toBe(true);
  });

  it('uses, for each month, the amount in force that month', () => {
    const raise: ParameterOverride = {
      jurisdictionCode: '',
      version: 2,
      effectiveFrom: '2026-07-01',
      values: { yearlyAmount: yuan(4800) },
      basis: { document: 'test', clause: '1' },
    };
    // 6 months at 300 and 6 at 400.
    expect(checkEligibility(NATIONAL_CHILDCARE_SUBSIDY, child('2025-01-05'), '2026', [raise]).amount).toBe(
      yuan(300 * 6 + 400 * 6),
    );
  });
});

describe('Yunnan (seed 004 (十四))', () => {
  const yn = (birth: string, parity: number, more: Partial<BeneficiaryFacts> = {}) => child(birth, { parity, ...more });

  it.each([
    ['2023-01-01', 2, 2000],
    ['2025-12-31', 3, 5000],
    ['2024-05-05', 1, 0],
    ['2024-05-05', 4, 0],
    ['2022-12-31', 2, 0],
    ['2026-01-01', 3, 0],
  ])('birth grant: born %s, parity %i → %i yuan', (birth, parity, amount) => {
    expect(checkEligibility(YUNNAN_BIRTH_GRANT, yn(birth, parity), 'once').amount).toBe(yuan(amount));
  });

  it('birth grant: a child born in 2014 is told in plain words that the birth is before the start', () => {
    const e = checkEligibility(YUNNAN_BIRTH_GRANT, yn('2014-05-03', 2), 'once');
    expect(e.eligible).toBe(false);
    expect(e.trace.find((s) => s.check === 'bornOnOrAfter')).toEqual(
      expect.objectContaining({
        pass: false,
        rule: { zh: '2023-01-01 及以后出生', en: 'born on or after 2023-01-01' },
        saw: {
          zh: '出生日期 2014-05-03，早于本补贴起始日期 2023-01-01',
          en: "born 2014-05-03, before the scheme's start 2023-01-01",
        },
      }),
    );
  });

  it('no trace of any scheme names a parameter by its internal name or shows a bare code', () => {
    const schemes = [
      YUNNAN_BIRTH_GRANT,
      YUNNAN_CHILDCARE_ALLOWANCE,
      YUNNAN_INSURANCE_SUBSIDY,
      NATIONAL_CHILDCARE_SUBSIDY,
    ];
    const baiyin = [BAIYIN_CHILDCARE_SUBSIDY, BAIYIN_SPECIAL_ASSISTANCE, BAIYIN_PRESCHOOL_FEE_WAIVER];
    const births = ['2014-05-03', '2022-12-31', '2023-06-01', '2025-12-31', '2030-01-01'];
    const keys = [...schemes, ...baiyin, WEIXI_NURSING_SUBSIDY].flatMap((s) => Object.keys(s.parameters));
    for (const scheme of [...schemes, ...baiyin, WEIXI_NURSING_SUBSIDY])
      for (const birthDate of births)
        for (const parity of [null, 1, 2, 4]) {
          const period = scheme.frequency === 'once' ? 'once' : scheme.frequency === 'yearly' ? '2025' : '2025-03';
          const facts = child(birthDate, {
            parity,
            deathDate: parity === 4 ? '2024-01-01' : null,
            hukouRegionCode: baiyin.includes(scheme) ? '620402000000' : '533423100001',
          });
          for (const step of checkEligibility(scheme, facts, period).trace)
            for (const text of [step.rule.zh, step.rule.en, step.saw.zh, step.saw.en]) {
              for (const key of keys) expect(text).not.toMatch(new RegExp(`\\b${key}\\b`));
              expect(text).not.toMatch(/\b(null|undefined|NaN)\b|\b1 years\b/);
            }
          // The Chinese words carry no Latin word at all (an English word, a code like "alive").
          for (const step of checkEligibility(scheme, facts, period).trace)
            expect(`${step.rule.zh} ${step.saw.zh}`).not.toMatch(/[A-Za-z]/);
        }
  });

  it('birth grant: not for a child whose hukou is outside Yunnan, and says so', () => {
    const e = checkEligibility(YUNNAN_BIRTH_GRANT, yn('2024-03-01', 2, { hukouRegionCode: '620402000000' }), 'once');
    expect(e.eligible).toBe(false);
    expect(e.trace[0]).toMatchObject({
      check: 'hukouIn',
      pass: false,
      saw: {
        zh: '户籍地在甘肃省（代码 620402000000），不在云南省',
        en: 'hukou in Gansu (code 620402000000), outside Yunnan',
      },
      basis: { document: '维发〔2023〕15号', clause: '(十四)', seed: '004' },
    });
  });

  it('birth grant: parity unknown to the registry fails the parity check', () => {
    const e = checkEligibility(YUNNAN_BIRTH_GRANT, yn('2024-03-01', 2, { parity: null }), 'once');
    expect(e.trace.find((s) => s.check === 'parityIn')).toMatchObject({
      pass: false,
      saw: { zh: '孩次未知（全员人口库无其母亲记录）' },
    });
  });

  it('childcare allowance: 800 yuan in each of three years of age (interpretation), 2,400 in all', () => {
    const c = yn('2024-05-10', 2);
    expect(YEARS.map((y) => checkEligibility(YUNNAN_CHILDCARE_ALLOWANCE, c, y).amount / 100)).toEqual([
      0, 800, 800, 800, 0, 0, 0, 0,
    ]);
    expect(checkEligibility(YUNNAN_CHILDCARE_ALLOWANCE, c, '2024').trace.some((s) => s.interpretation)).toBe(true);
  });

  it('insurance subsidy: 50 yuan a year only when the family declares the insurance bought', () => {
    const c = yn('2024-05-10', 1);
    expect(checkEligibility(YUNNAN_INSURANCE_SUBSIDY, c, '2025').eligible).toBe(false);
    expect(
      checkEligibility(YUNNAN_INSURANCE_SUBSIDY, { ...c, declared: { accidentInsurancePurchased: true } }, '2025')
        .amount,
    ).toBe(yuan(50));
  });
});

describe('白银 (seed 001)', () => {
  const by = (birth: string, parity: number, county = '620402') =>
    child(birth, { parity, hukouRegionCode: `${county}100001` });
  const countyAmount = (county: string, amount: number, from = '2024-01-01'): ParameterOverride => ({
    jurisdictionCode: county,
    version: 1,
    effectiveFrom: from,
    values: { monthlyAmount: yuan(amount) },
    basis: { document: `${county} 县区核定`, clause: '1' },
  });

  it('pays nothing until the county sets its amount (measure 13 leaves it to each county)', () => {
    const e = checkEligibility(BAIYIN_CHILDCARE_SUBSIDY, by('2024-03-01', 2), '2024-06');
    expect(e).toMatchObject({ eligible: false, amount: 0 });
    expect(e.trace.at(-1)).toMatchObject({ check: 'amount', pass: false });
  });

  it("pays each county's own amount: the county overrides, the city supplies the rules", () => {
    const overrides = [countyAmount('620402', 200), countyAmount('620421', 150)];
    expect(checkEligibility(BAIYIN_CHILDCARE_SUBSIDY, by('2024-03-01', 2, '620402'), '2024-06', overrides).amount).toBe(
      yuan(200),
    );
    expect(checkEligibility(BAIYIN_CHILDCARE_SUBSIDY, by('2024-03-01', 3, '620421'), '2024-06', overrides).amount).toBe(
      yuan(150),
    );
    expect(
      checkEligibility(BAIYIN_CHILDCARE_SUBSIDY, by('2024-03-01', 1, '620402'), '2024-06', overrides).eligible,
    ).toBe(false);
    expect(
      checkEligibility(BAIYIN_CHILDCARE_SUBSIDY, by('2023-12-31', 2, '620402'), '2024-06', overrides).eligible,
    ).toBe(false);
  });

  it('a payment for a month uses the version in force in that month, whatever was published later', () => {
    const overrides = [countyAmount('620402', 200), { ...countyAmount('620402', 300, '2025-01-01'), version: 2 }];
    const c = by('2024-03-01', 2);
    expect(checkEligibility(BAIYIN_CHILDCARE_SUBSIDY, c, '2024-12', overrides).amount).toBe(yuan(200));
    expect(checkEligibility(BAIYIN_CHILDCARE_SUBSIDY, c, '2025-01', overrides).amount).toBe(yuan(300));
  });

  it('special assistance: 1,000 a month for a bereaved parent, 750 for a disabled child’s parent (measure 21)', () => {
    const parent = (s: 'bereaved' | 'disabledChild' | null) =>
      child('1965-04-01', { hukouRegionCode: '620402100001', specialFamilyStatus: s });
    expect(checkEligibility(BAIYIN_SPECIAL_ASSISTANCE, parent('bereaved'), '2025-03').amount).toBe(yuan(1000));
    expect(checkEligibility(BAIYIN_SPECIAL_ASSISTANCE, parent('disabledChild'), '2025-03').amount).toBe(yuan(750));
    expect(checkEligibility(BAIYIN_SPECIAL_ASSISTANCE, parent(null), '2025-03').eligible).toBe(false);
  });
});

describe('preschool fee waiver (seed 001 measure 18)', () => {
  it('waives 1,000 a year for an enrolled child with Gansu hukou, until the child is 7 (our reading)', () => {
    const c = child('2021-09-01', {
      hukouRegionCode: '620402100001',
      declared: { enrolledInAffordableKindergarten: true },
    });
    expect(checkEligibility(BAIYIN_PRESCHOOL_FEE_WAIVER, c, '2025').amount).toBe(yuan(1000));
    expect(checkEligibility(BAIYIN_PRESCHOOL_FEE_WAIVER, { ...c, birthDate: '2016-09-01' }, '2025').eligible).toBe(
      false,
    );
    expect(checkEligibility(BAIYIN_PRESCHOOL_FEE_WAIVER, { ...c, declared: {} }, '2025').eligible).toBe(false);
  });
});

describe('nursing subsidy (seed 004 (二十一))', () => {
  it('pays at least 100 yuan a year to an elderly parent whose confirmed file flags need and hardship', () => {
    const file = { id: 7, version: 2, effectiveFrom: '2024-06-01' };
    const p = child('1960-02-01', {
      specialFamilyStatus: 'bereaved',
      specialFamilyFile: file,
      specialFamilyNeeds: ['dementia', 'nearSubsistence'],
    });
    const e = checkEligibility(WEIXI_NURSING_SUBSIDY, p, '2025');
    expect(e.amount).toBe(yuan(100));
    // The trace cites the file for each need it read, in words.
    const needs = e.trace.filter((s) => s.check === 'specialFamilyNeed').map((s) => s.saw.zh);
    expect(needs).toEqual(['特殊家庭档案 7已标记：失智', '特殊家庭档案 7已标记：低保边缘或返贫致贫风险']);
    expect(checkEligibility(WEIXI_NURSING_SUBSIDY, { ...p, birthDate: '1966-02-01' }, '2025').eligible).toBe(false);
    // A declaration no longer counts: only the register's flags do.
    expect(
      checkEligibility(
        WEIXI_NURSING_SUBSIDY,
        { ...p, specialFamilyNeeds: ['dementia'], declared: { economicHardship: true } },
        '2025',
      ).eligible,
    ).toBe(false);
    // Flags on a file that is not confirmed (no status) pay nothing.
    expect(checkEligibility(WEIXI_NURSING_SUBSIDY, { ...p, specialFamilyStatus: null }, '2025').eligible).toBe(false);
  });
});

describe('invariants', () => {
  const birth = fc
    .date({ min: new Date('2018-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('the national subsidy never pays more than 36 months, nor for a month after the third birthday month', () => {
    fc.assert(
      fc.property(birth, (b) => {
        const c = child(b);
        const byYear = YEARS.concat(['2031', '2032', '2033', '2034']).map((y) =>
          checkEligibility(NATIONAL_CHILDCARE_SUBSIDY, c, y),
        );
        const sum = byYear.reduce((s, e) => s + e.amount, 0);
        const lastPaidYear = Math.max(0, ...byYear.filter((e) => e.eligible).map((e) => Number(e.period)));
        return (
          sum <= yuan(10_800) &&
          sum % yuan(300) === 0 &&
          (lastPaidYear === 0 || lastPaidYear <= Number(b.slice(0, 4)) + 3)
        );
      }),
    );
  });

  it('every amount is a whole number of fen and every trace step cites a document and clause', () => {
    fc.assert(
      fc.property(birth, fc.integer({ min: 1, max: 5 }), fc.constantFrom('2024', '2025', '2026'), (b, parity, year) => {
        for (const [scheme, period] of [
          [NATIONAL_CHILDCARE_SUBSIDY, year],
          [YUNNAN_BIRTH_GRANT, 'once'],
          [YUNNAN_CHILDCARE_ALLOWANCE, year],
        ] as const) {
          const e = checkEligibility(scheme, child(b, { parity }), period);
          if (!Number.isSafeInteger(e.amount) || e.trace.some((s) => !s.basis.document || !s.basis.clause))
            return false;
        }
        return true;
      }),
    );
  });

  it('formats fen as yuan', () => {
    expect(formatYuan(yuan(7200))).toBe('7,200.00');
  });
});
