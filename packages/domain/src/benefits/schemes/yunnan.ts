import { yuan } from '../money.js';
import type { ParameterDefinition, SchemeDefinition } from '../scheme.js';
import { WEIXI_2023 } from './bases.js';

// Seed 004 (十四): "对 2023 年 1 月 1 日至 2025 年 12 月 31 日新出生且户口登记在云南的二孩、三孩分别发放
// 2000 元、5000 元的一次性生育补贴，并按年度发放 800 元育儿补助；对新出生且户口登记在云南的婴幼儿购买
// 意外伤害险给予每人每年 50 元参保补贴。"
const basis = WEIXI_2023('(十四)');
const YUNNAN = { kind: 'hukouIn', regionPrefix: '53', regionName: { zh: '云南省', en: 'Yunnan' }, basis } as const;

const cohort: Record<string, ParameterDefinition> = {
  bornFrom: {
    label: { zh: '出生日期起', en: 'Born from' },
    unit: 'date',
    history: [{ from: '2023-01-01', value: '2023-01-01', basis }],
  },
  bornTo: {
    label: { zh: '出生日期止', en: 'Born until' },
    unit: 'date',
    history: [{ from: '2023-01-01', value: '2025-12-31', basis }],
  },
};
const secondAndThird: ParameterDefinition = {
  label: { zh: '适用孩次', en: 'Parities covered' },
  unit: 'parities',
  history: [{ from: '2023-01-01', value: [2, 3], basis }],
};
const untilThree: ParameterDefinition = {
  label: { zh: '发放至满（周岁）', en: 'Paid until age' },
  unit: 'years',
  history: [{ from: '2023-01-01', value: 3, basis }],
};
const common = {
  regionCode: '53',
  beneficiary: 'child',
  legalBasis: basis,
  reviewLevels: ['township', 'county'],
  publicNoticeDays: 7 /* our default: the seeds give no figure (scheme.ts) */,
} as const;

export const YUNNAN_BIRTH_GRANT: SchemeDefinition = {
  ...common,
  code: 'yunnan.birthGrant',
  name: { zh: '云南省一次性生育补贴', en: 'Yunnan one-time birth grant' },
  kind: 'birthGrant',
  frequency: 'once',
  proactive: true,
  parameters: {
    ...cohort,
    parities: secondAndThird,
    amountByParity: {
      label: { zh: '按孩次金额', en: 'Amount by parity' },
      unit: 'fenByKey',
      history: [{ from: '2023-01-01', value: { 2: yuan(2000), 3: yuan(5000) }, basis }],
    },
  },
  conditions: [
    YUNNAN,
    { kind: 'bornOnOrAfter', param: 'bornFrom', basis },
    { kind: 'bornOnOrBefore', param: 'bornTo', basis },
    {
      kind: 'parityIn',
      param: 'parities',
      basis,
      interpretation: {
        zh: '原文仅列二孩、三孩；四孩及以上不在本项目内。',
        en: 'The text names second and third children only; a fourth or later child is not covered.',
      },
    },
  ],
  amount: { kind: 'byParity', param: 'amountByParity', basis },
  interpretations: [],
};

export const YUNNAN_CHILDCARE_ALLOWANCE: SchemeDefinition = {
  ...common,
  code: 'yunnan.childcareAllowance',
  name: { zh: '云南省育儿补助', en: 'Yunnan childcare allowance' },
  kind: 'childcareSubsidy',
  frequency: 'yearly',
  proactive: true,
  parameters: {
    ...cohort,
    parities: secondAndThird,
    ageLimitYears: untilThree,
    yearlyAmount: {
      label: { zh: '每年金额', en: 'Yearly amount' },
      unit: 'fen',
      history: [{ from: '2023-01-01', value: yuan(800), basis }],
    },
  },
  conditions: [
    YUNNAN,
    { kind: 'bornOnOrAfter', param: 'bornFrom', basis },
    { kind: 'bornOnOrBefore', param: 'bornTo', basis },
    { kind: 'parityIn', param: 'parities', basis },
    { kind: 'alive', basis },
    {
      kind: 'yearOfAgeStarts',
      param: 'ageLimitYears',
      basis,
      interpretation: {
        zh: '原文「按年度发放800元」未写止期；按至满3周岁、每个年龄年一次（出生当年、1周岁、2周岁生日所在年度）执行。',
        en: '"800 yuan a year" gives no end; read as until age 3, once per year of age (the years of birth and of the 1st and 2nd birthdays).',
      },
    },
  ],
  amount: { kind: 'perPeriod', param: 'yearlyAmount', basis },
  interpretations: [
    {
      zh: '对象按同句理解为2023—2025年出生、户籍在云南的二孩、三孩。',
      en: 'Read from the same sentence: second and third children born 2023–2025 with Yunnan hukou.',
    },
  ],
};

export const YUNNAN_INSURANCE_SUBSIDY: SchemeDefinition = {
  ...common,
  code: 'yunnan.insuranceSubsidy',
  name: { zh: '云南省婴幼儿意外伤害险参保补贴', en: 'Yunnan infant accident-insurance subsidy' },
  kind: 'insuranceSubsidy',
  frequency: 'yearly',
  proactive: false,
  parameters: {
    ...cohort,
    ageLimitYears: untilThree,
    yearlyAmount: {
      label: { zh: '每人每年补贴', en: 'Yearly amount per infant' },
      unit: 'fen',
      history: [{ from: '2023-01-01', value: yuan(50), basis }],
    },
  },
  conditions: [
    YUNNAN,
    { kind: 'bornOnOrAfter', param: 'bornFrom', basis },
    {
      kind: 'bornOnOrBefore',
      param: 'bornTo',
      basis,
      interpretation: {
        zh: '「新出生」按同段的2023—2025年出生理解。',
        en: '"Newborn" read as born 2023–2025, as in the same paragraph.',
      },
    },
    { kind: 'alive', basis },
    {
      kind: 'yearOfAgeStarts',
      param: 'ageLimitYears',
      basis,
      interpretation: {
        zh: '「婴幼儿」按未满3周岁理解，每个年龄年一次。',
        en: '"Infant" read as under 3, once per year of age.',
      },
    },
    { kind: 'declared', fact: 'accidentInsurancePurchased', basis },
  ],
  amount: { kind: 'perPeriod', param: 'yearlyAmount', basis },
  interpretations: [],
};
