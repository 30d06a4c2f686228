import type { RegistryQualityMeasure } from '../count-kinds.js';
import type { IndicatorDefinition, Uncertainty } from '../indicator.js';

// The registry's own quality, as quality.ts computes it (docs/data-quality.md); the targets are
// seed 003 三(二)'s 95/95/90.
const basis = { document: '关于全面开展全国生育友好工作先进单位创建活动的实施方案', clause: '三(二)', seed: '003' };

function quality(
  code: string,
  name: { zh: string; en: string },
  numerator: RegistryQualityMeasure,
  denominator: RegistryQualityMeasure,
  uncertainty: Uncertainty,
  definition: { zh: string; en: string },
): IndicatorDefinition {
  return {
    code,
    name,
    unit: { zh: '%', en: '%' },
    formula: {
      kind: 'ratio',
      numerator: { kind: 'registryQuality', measure: numerator },
      denominator: { kind: 'registryQuality', measure: denominator },
      factor: 100,
    },
    periodTypes: ['year', 'quarter', 'month'],
    source: { kind: 'registry' },
    higherIsBetter: true,
    uncertainty,
    definition,
    basis,
    readings: [],
  };
}

export const REGISTRY_COVERAGE: IndicatorDefinition = {
  ...quality(
    'registryCoverage',
    { zh: '全员人口库常住人口覆盖率', en: 'Registry coverage of residents' },
    'registryResidents',
    'referenceResidents',
    'none',
    {
      zh: '库内常住人口 ÷ 统计部门常住人口 × 100（不超过100%）。',
      en: 'Residents in the registry ÷ resident population from statistics × 100 (capped at 100%).',
    },
  ),
  readings: [
    {
      by: 'cradle',
      note: {
        zh: '参考人口可能滞后于人口库，覆盖率封顶100%（quality.ts）。',
        en: 'The reference population can lag behind the registry, so coverage is capped at 100% (quality.ts).',
      },
    },
  ],
};

export const REGISTRY_ACCURACY = quality(
  'registryAccuracy',
  { zh: '主要数据项准确率', en: 'Accuracy of main data items' },
  'recordsWithoutIssues',
  'checkedRecords',
  'binomial',
  {
    zh: '主要数据项无误的核查记录 ÷ 核查记录 × 100。',
    en: 'Checked records with no wrong or missing main item ÷ records checked × 100.',
  },
);

export const REGISTRY_TIMELINESS: IndicatorDefinition = {
  ...quality(
    'registryTimeliness',
    { zh: '实时上报率', en: 'Timeliness of reporting' },
    'eventsReportedInTime',
    'eventsInWindow',
    'binomial',
    {
      zh: '期内发生并在规定天数内录入的事件 ÷ 期内发生的事件 × 100。',
      en: 'Events of the period entered within the allowed days ÷ events of the period × 100.',
    },
  ),
  readings: [
    {
      by: 'cradle',
      note: {
        zh: '种子要求「实时上报」但未给时限；30天内录入视为及时（quality.ts TIMELY_REPORT_DAYS）。',
        en: 'The seed asks for real-time reporting but sets no window; entered within 30 days counts as in time (quality.ts TIMELY_REPORT_DAYS).',
      },
    },
  ],
};

export const QUALITY_INDICATORS: readonly IndicatorDefinition[] = [
  REGISTRY_COVERAGE,
  REGISTRY_ACCURACY,
  REGISTRY_TIMELINESS,
];
