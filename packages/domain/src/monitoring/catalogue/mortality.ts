import type { LegalBasis } from '../../benefits/scheme.js';
import type { CountKind, DeathAgeBand } from '../count-kinds.js';
import type { IndicatorDefinition } from '../indicator.js';
import type { PeriodType } from '../types.js';

// Period rates as China's maternal and child health surveillance computes them: deaths in the
// period ÷ live births in the same period, not a life-table probability.
const YEARBOOK = (clause: string): LegalBasis => ({ document: '中国卫生健康统计年鉴·主要指标解释', clause });

const births: CountKind = { kind: 'liveBirths' };
// Small numbers (issue 13): read a county's rates over rolling windows as well as by year.
const PERIODS: readonly PeriodType[] = ['year', 'rolling12Months', 'rolling3Years'];
const PER_MILLE = { zh: '‰', en: 'per 1,000 live births' };

export const MATERNAL_MORTALITY_RATIO: IndicatorDefinition = {
  code: 'maternalMortalityRatio',
  name: { zh: '孕产妇死亡率', en: 'Maternal mortality ratio' },
  unit: { zh: '/10万', en: 'per 100,000 live births' },
  formula: { kind: 'ratio', numerator: { kind: 'deaths', maternal: true }, denominator: births, factor: 100000 },
  periodTypes: PERIODS,
  source: { kind: 'registry' },
  higherIsBetter: false,
  uncertainty: 'poisson',
  definition: {
    zh: '期内孕产妇死亡数（妊娠期至妊娠结束后42天内，因妊娠相关原因死亡）÷ 同期活产数 × 10万。',
    en: 'Maternal deaths (in pregnancy or within 42 days of its end, from a pregnancy-related cause) ÷ live births in the period × 100,000.',
  },
  basis: YEARBOOK('孕产妇死亡率'),
  readings: [],
};

function childMortality(
  code: string,
  name: { zh: string; en: string },
  age: DeathAgeBand,
  ageWords: { zh: string; en: string },
): IndicatorDefinition {
  return {
    code,
    name,
    unit: PER_MILLE,
    formula: { kind: 'ratio', numerator: { kind: 'deaths', age }, denominator: births, factor: 1000 },
    periodTypes: PERIODS,
    source: { kind: 'registry' },
    higherIsBetter: false,
    uncertainty: 'poisson',
    definition: {
      zh: `期内${ageWords.zh}死亡数 ÷ 同期活产数 × 1000。`,
      en: `Deaths ${ageWords.en} in the period ÷ live births in the period × 1,000.`,
    },
    basis: YEARBOOK(name.zh),
    readings: [],
  };
}

export const NEONATAL_MORTALITY_RATE = childMortality(
  'neonatalMortalityRate',
  { zh: '新生儿死亡率', en: 'Neonatal mortality rate' },
  'under28Days',
  { zh: '出生后28天内（0—27天）', en: 'in the first 28 days of life (0–27 days)' },
);

export const INFANT_MORTALITY_RATE = childMortality(
  'infantMortalityRate',
  { zh: '婴儿死亡率', en: 'Infant mortality rate' },
  'under1Year',
  { zh: '未满1周岁', en: 'under age 1' },
);

export const UNDER5_MORTALITY_RATE = childMortality(
  'under5MortalityRate',
  { zh: '5岁以下儿童死亡率', en: 'Under-5 mortality rate' },
  'under5Years',
  { zh: '未满5周岁', en: 'under age 5' },
);

/**
 * 婴幼儿死亡率 of 001 一(二) and 004 (二): a figure of its own in the plans, kept as its own
 * indicator so that a change of reading changes one definition, not the targets.
 */
export const INFANT_YOUNG_CHILD_MORTALITY_RATE: IndicatorDefinition = {
  ...childMortality(
    'infantYoungChildMortalityRate',
    { zh: '婴幼儿死亡率', en: 'Infant and young child mortality rate' },
    'under1Year',
    { zh: '未满1周岁（按解读）', en: 'under age 1 (as read)' },
  ),
  basis: { document: '维发〔2023〕15号', clause: '(二)', seed: '004' },
  readings: [
    {
      by: 'cradle',
      note: {
        zh:
          '种子未说明「婴幼儿死亡率」的年龄范围（REQUIREMENTS「源文本问题」6）。按婴儿死亡率（未满1周岁）计：' +
          '妇幼卫生监测只报告新生儿、婴儿和5岁以下儿童死亡率；5‰、4‰与婴儿死亡率的水平相符' +
          '（《健康儿童行动提升计划（2021—2025年）》：婴儿5.2‰、5岁以下6.6‰）；种子README亦作infant。这是较宽松的解读：' +
          '若指3岁或5岁以下，数值只会更高，故同时显示5岁以下儿童死亡率。',
        en:
          'The seeds do not say what ages "婴幼儿死亡率" covers (REQUIREMENTS, "Problems with the source texts" 6). ' +
          'Read as infant mortality (under age 1): MCH surveillance reports only neonatal, infant and under-5 rates; ' +
          '5‰ and 4‰ sit at infant levels (the national 健康儿童行动提升计划 2021–2025: infant 5.2‰, under-5 6.6‰); the seeds README ' +
          'says infant too. It is the lenient reading: under 3 or under 5 can only be higher, so the under-5 rate is shown beside it.',
      },
    },
  ],
};

export const MORTALITY_INDICATORS: readonly IndicatorDefinition[] = [
  MATERNAL_MORTALITY_RATIO,
  NEONATAL_MORTALITY_RATE,
  INFANT_MORTALITY_RATE,
  UNDER5_MORTALITY_RATE,
  INFANT_YOUNG_CHILD_MORTALITY_RATE,
];
