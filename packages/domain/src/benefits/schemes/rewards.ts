import type { LegalBasis, SchemeDefinition } from '../scheme.js';
import { BAIYIN_2024, WEIXI_2023 } from './bases.js';

// 奖励扶助 (issue 16). Seed 001 m21: "对全面两孩政策实施前,符合条件的独生子女家庭、农村二女户家庭继续实行现行各项
// 奖励扶助制度和优惠政策"; 004 (二十) says the same for 维西 ("…继续实行现行各项奖励扶助制度和优惠政策,各级要按
// 规定的条件、标准做好奖励扶助对象资格确认工作"). The seeds give no amount and no conditions beyond the
// family's shape: the amount is the jurisdiction's to set (nothing is paid until it does, and the
// trace says so); the age and the cut-off date are Cradle's readings, marked as such.

const AGE_READING = {
  zh: '「符合条件」未在种子中写明；按国家奖励扶助制度，父母年满60周岁起每年发放（国家规定，非种子）。',
  en: '"Who qualifies" is not in the seeds; as the national reward scheme does, parents are paid yearly from age 60 (a national rule, not a seed).',
};
const CUTOFF_READING = {
  zh: '「全面两孩政策实施前」按子女均出生于2016-01-01（修正后的人口与计划生育法施行日）之前理解。',
  en: '"Before the universal two-child policy" read as every child born before 2016-01-01, when the amended Population and Family Planning Law took effect.',
};

function reward(
  code: string,
  family: 'onlyChild' | 'twoDaughters',
  region: { code: string; name: { zh: string; en: string } },
  basis: LegalBasis,
  from: string,
): SchemeDefinition {
  const onlyChild = family === 'onlyChild';
  return {
    code,
    name: onlyChild
      ? { zh: '独生子女家庭奖励扶助', en: 'Reward assistance for one-child families' }
      : { zh: '农村二女户家庭奖励扶助', en: 'Reward assistance for rural two-daughter families' },
    kind: 'familyPlanningReward',
    regionCode: region.code,
    beneficiary: 'parent',
    frequency: 'yearly',
    // A one-child family is known from the registry: granted without applying. 农村 is not in the
    // registry, so a two-daughter family applies and states it.
    proactive: onlyChild,
    reviewLevels: ['township', 'county'],
    publicNoticeDays: 7 /* our default: the seeds give no figure (scheme.ts) */,
    legalBasis: basis,
    parameters: {
      yearlyAmount: {
        label: { zh: '每人每年奖励扶助金', en: 'Yearly reward per person' },
        unit: 'fen',
        history: [],
        setBy: 'county',
      },
      minimumAge: {
        label: { zh: '父母年龄（周岁）', en: 'Parent from age' },
        unit: 'years',
        history: [{ from, value: 60, basis }],
      },
      childrenBornBefore: {
        label: { zh: '子女出生早于（全面两孩政策实施日）', en: 'Children born before (universal two-child policy)' },
        unit: 'date',
        history: [{ from, value: '2016-01-01', basis }],
      },
    },
    conditions: [
      { kind: 'hukouIn', regionPrefix: region.code, regionName: region.name, basis },
      { kind: 'alive', basis },
      { kind: 'ageAtLeast', param: 'minimumAge', basis, interpretation: AGE_READING },
      {
        kind: 'registeredChildren',
        family,
        bornBeforeParam: 'childrenBornBefore',
        basis,
        interpretation: CUTOFF_READING,
      },
      ...(onlyChild ? [] : [{ kind: 'declared' as const, fact: 'ruralHousehold' as const, basis }]),
    ],
    amount: { kind: 'perPeriod', param: 'yearlyAmount', basis },
    interpretations: [
      {
        zh: '种子未给出奖励扶助标准，由县级设定；设定前不发放。子女按人口库中的父母子女关系计算。',
        en: 'The seeds give no amount: the county sets it, and nothing is paid until it does. Children are those the registry links to the parent.',
      },
    ],
  };
}

const BAIYIN = { code: '6204', name: { zh: '白银市', en: 'Baiyin' } };
const WEIXI = { code: '533423', name: { zh: '维西县', en: 'Weixi County' } };

export const BAIYIN_REWARD_ONLY_CHILD = reward(
  'baiyin.rewardOnlyChild',
  'onlyChild',
  BAIYIN,
  BAIYIN_2024('21'),
  '2024-05-17',
);
export const BAIYIN_REWARD_TWO_DAUGHTERS = reward(
  'baiyin.rewardTwoDaughters',
  'twoDaughters',
  BAIYIN,
  BAIYIN_2024('21'),
  '2024-05-17',
);
export const WEIXI_REWARD_ONLY_CHILD = reward(
  'weixi.rewardOnlyChild',
  'onlyChild',
  WEIXI,
  WEIXI_2023('(二十)'),
  '2023-06-28',
);
export const WEIXI_REWARD_TWO_DAUGHTERS = reward(
  'weixi.rewardTwoDaughters',
  'twoDaughters',
  WEIXI,
  WEIXI_2023('(二十)'),
  '2023-06-28',
);
