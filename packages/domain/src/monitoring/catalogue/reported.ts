import type { Department } from '../../departments.js';
import type { CountKind, ReportedItem } from '../count-kinds.js';
import type { IndicatorDefinition } from '../indicator.js';
import type { Factor, Reading } from '../types.js';

// Figures the registry cannot know: a department reports numerator and denominator (or a
// count) for a region and period (glossary: reportedValue). Later issues may compute some of
// them instead: slots are counted from the childcare institutions' filings (slots.ts).

const reported = (item: ReportedItem, department: Department): CountKind => ({ kind: 'reported', item, department });

function ratio(
  code: string,
  name: { zh: string; en: string },
  unit: { zh: string; en: string },
  numerator: CountKind,
  denominator: CountKind,
  factor: Factor,
  department: Department,
  definition: { zh: string; en: string },
  readings: readonly Reading[] = [],
): IndicatorDefinition {
  return {
    code,
    name,
    unit,
    formula: { kind: 'ratio', numerator, denominator, factor },
    periodTypes: ['year'],
    source: { kind: 'reported', department },
    higherIsBetter: true,
    uncertainty: 'none',
    definition,
    readings,
  };
}

function count(
  code: string,
  name: { zh: string; en: string },
  unit: { zh: string; en: string },
  item: ReportedItem,
  department: Department,
  higherIsBetter: boolean,
  definition: { zh: string; en: string },
): IndicatorDefinition {
  return {
    code,
    name,
    unit,
    formula: { kind: 'count', count: reported(item, department) },
    periodTypes: ['year'],
    source: { kind: 'reported', department },
    higherIsBetter,
    uncertainty: 'none',
    definition,
    readings: [],
  };
}

export const PRENATAL_SCREENING_RATE: IndicatorDefinition = {
  ...ratio(
    'prenatalScreeningRate',
    { zh: '产前筛查率', en: 'Prenatal screening rate' },
    { zh: '%', en: '%' },
    reported('prenatalScreenings', 'healthCommission'),
    reported('womenGivingBirth', 'healthCommission'),
    100,
    'healthCommission',
    {
      zh: '期内接受产前筛查的孕产妇数 ÷ 同期产妇数 × 100。',
      en: 'Women screened before birth ÷ women who gave birth in the period × 100.',
    },
    [
      {
        by: 'cradle',
        note: {
          zh: '004 (九) 只给目标80%，未给口径；分母取同期产妇数（妇幼卫生年报的常用口径）。',
          en: '004 (九) gives the 80% target but no definition; the denominator is the women who gave birth in the period (as MCH annual reports count).',
        },
      },
    ],
  ),
  // Each woman is screened or not: a proportion of persons, so it gets an interval.
  uncertainty: 'binomial',
};

export const AFFORDABLE_KINDERGARTEN_COVERAGE = ratio(
  'affordableKindergartenCoverage',
  { zh: '普惠性幼儿园覆盖率', en: 'Affordable kindergarten coverage' },
  { zh: '%', en: '%' },
  reported('kindergartenChildrenInAffordable', 'education'),
  reported('kindergartenChildren', 'education'),
  100,
  'education',
  {
    zh: '在公办园和普惠性民办园就读的幼儿数 ÷ 在园幼儿总数 × 100。',
    en: 'Children in public and affordable private kindergartens ÷ all kindergarten children × 100.',
  },
);

export const ELDERLY_CARE_BEDS_PER_1000 = ratio(
  'elderlyCareBedsPer1000',
  { zh: '每千名老年人养老床位数', en: 'Elderly care beds per 1,000 elderly' },
  { zh: '张/千名老年人', en: 'beds per 1,000 aged 60+' },
  reported('elderlyCareBeds', 'civilAffairs'),
  { kind: 'population', basis: 'resident', at: 'end', age: 'years60Plus' },
  1000,
  'civilAffairs',
  { zh: '养老床位数 ÷ 60岁及以上常住人口 × 1000。', en: 'Elderly care beds ÷ residents aged 60 or over × 1,000.' },
  [
    {
      by: 'cradle',
      note: {
        zh: '「老年人」按《老年人权益保障法》第二条取60周岁以上，按常住人口计。',
        en: '"Elderly" is 60 or over (Law on the Protection of the Rights and Interests of the Elderly, art. 2), counted among residents.',
      },
    },
  ],
);

export const AFFORDABLE_ELDERLY_CARE_BED_SHARE = ratio(
  'affordableElderlyCareBedShare',
  { zh: '普惠型养老机构床位占比', en: 'Share of beds in affordable elderly care institutions' },
  { zh: '%', en: '%' },
  reported('affordableElderlyCareBeds', 'civilAffairs'),
  reported('elderlyCareBeds', 'civilAffairs'),
  100,
  'civilAffairs',
  { zh: '普惠型养老机构床位 ÷ 养老床位 × 100。', en: 'Beds in affordable institutions ÷ all elderly care beds × 100.' },
);

export const DEMONSTRATION_CHILDCARE_INSTITUTIONS = count(
  'demonstrationChildcareInstitutions',
  { zh: '示范性托育服务机构数', en: 'Demonstration childcare institutions' },
  { zh: '个', en: 'institutions' },
  'demonstrationChildcareInstitutions',
  'healthCommission',
  true,
  {
    zh: '期末已建立的示范性托育服务机构数。',
    en: 'Demonstration childcare institutions established by the end of the period.',
  },
);

export const WARM_HEART_HOMES = count(
  'warmHeartHomes',
  { zh: '「暖心家园」数', en: '"Warm heart" homes' },
  { zh: '个', en: 'homes' },
  'warmHeartHomes',
  'healthCommission',
  true,
  {
    zh: '期末已建立的「暖心家园」数。',
    en: '"Warm heart" homes for special families established by the end of the period.',
  },
);

export const MAJOR_CHILDCARE_SAFETY_INCIDENTS: IndicatorDefinition = {
  ...count(
    'majorChildcareSafetyIncidents',
    { zh: '托育机构重大安全事故数', en: 'Major safety incidents in childcare' },
    { zh: '起', en: 'incidents' },
    'majorChildcareSafetyIncidents',
    'healthCommission',
    false,
    { zh: '期内托育机构发生的重大安全事故数。', en: 'Major safety incidents in childcare institutions in the period.' },
  ),
  periodTypes: ['year', 'rolling3Years'],
};

export const REPORTED_INDICATORS: readonly IndicatorDefinition[] = [
  PRENATAL_SCREENING_RATE,
  AFFORDABLE_KINDERGARTEN_COVERAGE,
  ELDERLY_CARE_BEDS_PER_1000,
  AFFORDABLE_ELDERLY_CARE_BED_SHARE,
  DEMONSTRATION_CHILDCARE_INSTITUTIONS,
  WARM_HEART_HOMES,
  MAJOR_CHILDCARE_SAFETY_INCIDENTS,
];
