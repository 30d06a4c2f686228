import type { IndicatorDefinition } from '../indicator.js';
import type { CountKind, ParityClass } from '../count-kinds.js';
import type { PeriodType } from '../types.js';

const REGISTRY = { kind: 'registry' } as const;
const COUNT_PERIODS: readonly PeriodType[] = ['year', 'quarter', 'month', 'rolling12Months'];
const RATE_PERIODS: readonly PeriodType[] = ['year', 'rolling12Months', 'rolling3Years'];
const PERSONS = { zh: '人', en: 'persons' };

const births: CountKind = { kind: 'liveBirths' };
const midYearResidents: CountKind = { kind: 'population', basis: 'resident', at: 'midPeriod' };

const midPeriodReading = {
  by: 'cradle',
  note: {
    zh: '分母取期初与期末常住人口的平均数（近似人年数）；种子未规定。',
    en: 'The denominator is the mean of the resident population at the start and end of the period (approximate person-years); no seed says which.',
  },
} as const;

export const REGISTERED_POPULATION: IndicatorDefinition = {
  code: 'registeredPopulation',
  name: { zh: '户籍人口', en: 'Registered population' },
  unit: PERSONS,
  formula: { kind: 'count', count: { kind: 'population', basis: 'registered', at: 'end' } },
  periodTypes: COUNT_PERIODS,
  source: REGISTRY,
  higherIsBetter: null,
  uncertainty: 'none',
  definition: {
    zh: '期末户籍在本区域的在世人口数。',
    en: 'Living persons with hukou in the region at the end of the period.',
  },
  readings: [],
};

export const RESIDENT_POPULATION: IndicatorDefinition = {
  code: 'residentPopulation',
  name: { zh: '常住人口', en: 'Resident population' },
  unit: PERSONS,
  formula: { kind: 'count', count: { kind: 'population', basis: 'resident', at: 'end' } },
  periodTypes: COUNT_PERIODS,
  source: REGISTRY,
  higherIsBetter: null,
  uncertainty: 'none',
  definition: {
    zh: '期末居住在本区域的在世人口数。',
    en: 'Living persons residing in the region at the end of the period.',
  },
  readings: [],
};

export const LIVE_BIRTHS: IndicatorDefinition = {
  code: 'liveBirths',
  name: { zh: '出生人口', en: 'Live births' },
  unit: PERSONS,
  formula: { kind: 'count', count: births },
  periodTypes: COUNT_PERIODS,
  source: REGISTRY,
  higherIsBetter: null,
  uncertainty: 'poisson',
  definition: {
    zh: '期内母亲常住本区域的活产数。',
    en: 'Live births in the period to mothers resident in the region.',
  },
  readings: [],
};

const PARITY_NAMES: Record<ParityClass, { zh: string; en: string }> = {
  1: { zh: '一孩', en: 'first' },
  2: { zh: '二孩', en: 'second' },
  3: { zh: '三孩及以上', en: 'third or later' },
};

function birthsOfParity(parity: ParityClass): IndicatorDefinition {
  const name = PARITY_NAMES[parity];
  return {
    ...LIVE_BIRTHS,
    code: `liveBirthsParity${parity}`,
    name: { zh: `${name.zh}出生数`, en: `Live births, ${name.en} child` },
    formula: { kind: 'count', count: { kind: 'liveBirths', parity } },
    definition: {
      zh: `期内${name.zh}活产数（孩次按母亲所生子女的顺序）。`,
      en: `Live births of a ${name.en} child in the period (birth order among the mother's children).`,
    },
  };
}

export const LIVE_BIRTHS_BY_PARITY = ([1, 2, 3] as const).map(birthsOfParity);

export const CRUDE_BIRTH_RATE: IndicatorDefinition = {
  code: 'crudeBirthRate',
  name: { zh: '出生率', en: 'Crude birth rate' },
  unit: { zh: '‰', en: 'per 1,000' },
  formula: { kind: 'ratio', numerator: births, denominator: midYearResidents, factor: 1000 },
  periodTypes: RATE_PERIODS,
  source: REGISTRY,
  higherIsBetter: null,
  uncertainty: 'poisson',
  definition: { zh: '期内活产数 ÷ 期中常住人口 × 1000。', en: 'Live births ÷ mid-period resident population × 1,000.' },
  readings: [midPeriodReading],
};

export const GENERAL_FERTILITY_RATE: IndicatorDefinition = {
  code: 'generalFertilityRate',
  name: { zh: '一般生育率', en: 'General fertility rate' },
  unit: { zh: '‰', en: 'per 1,000 women 15–49' },
  formula: {
    kind: 'ratio',
    numerator: births,
    denominator: { kind: 'population', basis: 'resident', at: 'midPeriod', sex: 'female', age: 'women15to49' },
    factor: 1000,
  },
  periodTypes: RATE_PERIODS,
  source: REGISTRY,
  higherIsBetter: null,
  uncertainty: 'poisson',
  definition: {
    zh: '期内活产数 ÷ 期中15—49岁常住妇女数 × 1000。',
    en: 'Live births ÷ mid-period resident women aged 15–49 × 1,000.',
  },
  readings: [midPeriodReading],
};

export const TOTAL_FERTILITY_RATE: IndicatorDefinition = {
  code: 'totalFertilityRate',
  name: { zh: '总和生育率', en: 'Total fertility rate' },
  unit: { zh: '个/妇女', en: 'children per woman' },
  formula: { kind: 'totalFertility' },
  periodTypes: ['year', 'rolling3Years'],
  source: REGISTRY,
  higherIsBetter: null,
  uncertainty: 'none',
  definition: {
    zh: '各五岁年龄组（15—49岁）生育率之和 × 5：按当期年龄别生育率，一名妇女一生平均生育的子女数。',
    en: '5 × the sum of the age-specific rates of the five-year groups 15–49: children per woman at the period’s rates.',
  },
  readings: [
    midPeriodReading,
    {
      by: 'cradle',
      note: {
        zh: '县级年出生约1500人，年龄别生育率波动大，宜看三年滚动值；不给出置信区间。',
        en: 'A county has about 1,500 births a year, so its age-specific rates are noisy: read the 3-year rolling value. No interval is given.',
      },
    },
  ],
};

export const SEX_RATIO_AT_BIRTH: IndicatorDefinition = {
  code: 'sexRatioAtBirth',
  name: { zh: '出生人口性别比', en: 'Sex ratio at birth' },
  unit: { zh: '女=100', en: 'boys per 100 girls' },
  formula: {
    kind: 'ratio',
    numerator: { kind: 'liveBirths', sex: 'male' },
    denominator: { kind: 'liveBirths', sex: 'female' },
    factor: 100,
  },
  periodTypes: ['year', 'rolling3Years'],
  source: REGISTRY,
  higherIsBetter: null,
  uncertainty: 'sexRatio',
  definition: { zh: '期内男婴活产数 ÷ 女婴活产数 × 100。', en: 'Male live births ÷ female live births × 100.' },
  readings: [
    {
      by: 'cradle',
      note: {
        zh: '种子只说「基本正常」（000 二、001 一(二)、004 (二)），未给数值；103—107为通常的正常范围，系Cradle的解读。',
        en: 'The seeds say only "basically normal" (000 二, 001 一(二), 004 (二)), with no figure; 103–107, the usual normal range, is Cradle’s reading.',
      },
    },
  ],
};

export const POPULATION_INDICATORS: readonly IndicatorDefinition[] = [
  REGISTERED_POPULATION,
  RESIDENT_POPULATION,
  LIVE_BIRTHS,
  ...LIVE_BIRTHS_BY_PARITY,
  CRUDE_BIRTH_RATE,
  GENERAL_FERTILITY_RATE,
  TOTAL_FERTILITY_RATE,
  SEX_RATIO_AT_BIRTH,
];
