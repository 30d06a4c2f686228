import { yuan } from '../money.js';
import type { SchemeDefinition } from '../scheme.js';
import { NATIONAL_2025 } from './bases.js';

const basis = NATIONAL_2025('补贴对象和标准');

/**
 * 育儿补贴 (national, 2025): 3,600 yuan a year for each child under 3, from 2025-01-01; a child
 * born before 2025 is paid pro rata for the months left (born December 2023: 24 months, 7,200
 * yuan). Applied for where the child's hukou is; one applicant per child.
 */
export const NATIONAL_CHILDCARE_SUBSIDY: SchemeDefinition = {
  code: 'national.childcareSubsidy',
  name: { zh: '国家育儿补贴', en: 'National childcare subsidy' },
  kind: 'childcareSubsidy',
  regionCode: '',
  beneficiary: 'child',
  frequency: 'yearly',
  proactive: false,
  reviewLevels: ['township', 'county'],
  publicNoticeDays: 0,
  legalBasis: basis,
  parameters: {
    yearlyAmount: {
      label: { zh: '每孩每年补贴标准', en: 'Yearly amount per child' },
      unit: 'fen',
      history: [{ from: '2025-01-01', value: yuan(3600), basis }],
    },
    ageLimitYears: {
      label: { zh: '补贴至满（周岁）', en: 'Paid until age' },
      unit: 'years',
      history: [{ from: '2025-01-01', value: 3, basis }],
    },
    payableFrom: {
      label: { zh: '补贴起始日', en: 'Payable from' },
      unit: 'date',
      history: [{ from: '2025-01-01', value: '2025-01-01', basis }],
    },
  },
  conditions: [
    { kind: 'alive', basis },
    {
      kind: 'underAgeMonths',
      param: 'ageLimitYears',
      basis,
      interpretation: {
        zh: '「不满3周岁」按月计：出生次月为第1个月，至第36个月止；使2023年12月出生的孩子恰得24个月（7200元）。',
        en: '"Under 3" counted in months: the month after birth is month 1, month 36 the last; so a child born in December 2023 gets exactly 24 months (7,200 yuan).',
      },
    },
  ],
  amount: {
    kind: 'yearlyProRata',
    param: 'yearlyAmount',
    monthsParam: 'ageLimitYears',
    payableFromParam: 'payableFrom',
    basis,
  },
  interpretations: [
    {
      zh: '按自然年度发放，每年金额为当年符合条件的月数 × 3600 ÷ 12；各月按当月有效的标准计算。',
      en: 'Paid per calendar year: the eligible months of the year × 3,600 ÷ 12, each month at the amount then in force.',
    },
  ],
};
