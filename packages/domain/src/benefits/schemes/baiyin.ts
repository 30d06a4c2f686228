import { yuan } from '../money.js';
import type { SchemeDefinition } from '../scheme.js';
import { BAIYIN_2024 } from './bases.js';

const BAIYIN = { zh: '白银市', en: 'Baiyin' };

// Seed 001, measure 13: "…以后按政策生育二孩、三孩并落户白银市户籍的家庭，每月发放育儿补贴，直至孩子满3周岁。
// 补贴标准由各县区政府…自行核定…"
const m13 = BAIYIN_2024('13');

export const BAIYIN_CHILDCARE_SUBSIDY: SchemeDefinition = {
  code: 'baiyin.childcareSubsidy',
  name: { zh: '白银市育儿补贴', en: 'Baiyin childcare subsidy' },
  kind: 'childcareSubsidy',
  regionCode: '6204',
  beneficiary: 'child',
  frequency: 'monthly',
  proactive: false,
  reviewLevels: ['village', 'township', 'county'],
  publicNoticeDays: 7 /* our default: the seeds give no figure (scheme.ts) */,
  legalBasis: m13,
  parameters: {
    bornFrom: {
      label: { zh: '出生日期起', en: 'Born from' },
      unit: 'date',
      history: [{ from: '2024-01-01', value: '2024-01-01', basis: m13 }],
    },
    parities: {
      label: { zh: '适用孩次', en: 'Parities covered' },
      unit: 'parities',
      history: [{ from: '2024-01-01', value: [2, 3], basis: m13 }],
    },
    ageLimitYears: {
      label: { zh: '发放至满（周岁）', en: 'Paid until age' },
      unit: 'years',
      history: [{ from: '2024-01-01', value: 3, basis: m13 }],
    },
    // No city-wide value: each county sets its own (由各县区政府…自行核定).
    monthlyAmount: { label: { zh: '每月补贴标准', en: 'Monthly amount' }, unit: 'fen', history: [], setBy: 'county' },
  },
  conditions: [
    { kind: 'hukouIn', regionPrefix: '6204', regionName: BAIYIN, basis: m13 },
    {
      kind: 'bornOnOrAfter',
      param: 'bornFrom',
      basis: m13,
      interpretation: {
        zh: '种子文本此处为「202411日」（扫描缺字），按2024年1月1日理解。',
        en: 'The seed reads "202411日" (characters lost in the scan); read as 1 January 2024.',
      },
    },
    { kind: 'parityIn', param: 'parities', basis: m13 },
    { kind: 'alive', basis: m13 },
    {
      kind: 'underAgeMonths',
      param: 'ageLimitYears',
      basis: m13,
      interpretation: {
        zh: '「直至满3周岁」按月计：出生次月起共36个月，与国家育儿补贴一致。',
        en: '"Until age 3" counted as 36 months from the month after birth, as for the national subsidy.',
      },
    },
  ],
  amount: { kind: 'perPeriod', param: 'monthlyAmount', basis: m13 },
  interpretations: [],
};

// Seed 001, measure 21: "对符合条件的失独家庭夫妻每人每月发放特别扶助金1000元，独生子女伤（病）残家庭的夫妻每人每月发放特别扶助金750"
const m21 = BAIYIN_2024('21');

export const BAIYIN_SPECIAL_ASSISTANCE: SchemeDefinition = {
  code: 'baiyin.specialAssistance',
  name: { zh: '计划生育家庭特别扶助金', en: 'Special assistance for family-planning families' },
  kind: 'specialAssistance',
  regionCode: '6204',
  beneficiary: 'parent',
  frequency: 'monthly',
  // Proactive (issue 16): the special-family register holds the status, so a confirmed file pays from
  // the period after the county's decision without an application, and an ended file stops it.
  proactive: true,
  reviewLevels: ['township', 'county'],
  publicNoticeDays: 0,
  legalBasis: m21,
  parameters: {
    amountByStatus: {
      label: { zh: '每人每月标准', en: 'Monthly amount per person' },
      unit: 'fenByKey',
      history: [{ from: '2024-05-17', value: { bereaved: yuan(1000), disabledChild: yuan(750) }, basis: m21 }],
    },
  },
  conditions: [
    { kind: 'hukouIn', regionPrefix: '6204', regionName: BAIYIN, basis: m21 },
    { kind: 'alive', basis: m21 },
    { kind: 'specialFamily', statuses: ['bereaved', 'disabledChild'], basis: m21 },
  ],
  amount: { kind: 'bySpecialFamilyStatus', param: 'amountByStatus', basis: m21 },
  interpretations: [
    {
      zh: '标准自方案发布日（2024-05-17）起适用；此前的标准未在种子中给出。',
      en: 'Amounts apply from the plan’s publication (2024-05-17); earlier amounts are not in the seeds.',
    },
  ],
};

// Seed 001, measure 18: "…具有甘肃户籍，以及非甘肃户籍的家庭经济困难儿童、孤儿和残疾儿童，每生每年减免1000元的保教费。"
const m18 = BAIYIN_2024('18');

export const BAIYIN_PRESCHOOL_FEE_WAIVER: SchemeDefinition = {
  code: 'baiyin.preschoolFeeWaiver',
  name: { zh: '学前教育保教费减免', en: 'Preschool fee waiver' },
  kind: 'preschoolFeeWaiver',
  regionCode: '62',
  beneficiary: 'child',
  frequency: 'yearly',
  proactive: false,
  reviewLevels: ['county'],
  publicNoticeDays: 0,
  legalBasis: m18,
  parameters: {
    yearlyAmount: {
      label: { zh: '每生每年减免', en: 'Yearly waiver per child' },
      unit: 'fen',
      history: [{ from: '2024-05-17', value: yuan(1000), basis: m18 }],
    },
    ageLimitYears: {
      label: { zh: '幼儿园年龄上限（周岁）', en: 'Kindergarten age limit' },
      unit: 'years',
      history: [{ from: '2024-05-17', value: 7, basis: m18 }],
    },
  },
  conditions: [
    { kind: 'hukouIn', regionPrefix: '62', regionName: { zh: '甘肃省', en: 'Gansu' }, basis: m18 },
    { kind: 'alive', basis: m18 },
    {
      kind: 'underAgeMonths',
      param: 'ageLimitYears',
      basis: m18,
      interpretation: {
        zh: '「在园幼儿」按未满7周岁理解，入小学后不再减免。',
        en: '"Kindergarten children" read as under 7: no waiver once at primary school.',
      },
    },
    { kind: 'declared', fact: 'enrolledInAffordableKindergarten', basis: m18 },
  ],
  amount: { kind: 'perPeriod', param: 'yearlyAmount', basis: m18 },
  interpretations: [
    {
      zh: '按自然年度计；非甘肃户籍的困难儿童、孤儿、残疾儿童一项需人工审核，暂未纳入自动判定。',
      en: 'Counted per calendar year; the branch for children without Gansu hukou (hardship, orphans, disability) needs manual review and is not checked automatically yet.',
    },
  ],
};
