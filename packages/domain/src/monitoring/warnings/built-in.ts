import { BAIYIN_2024, GUANGXI_DISTRICT, WEIXI_2023, YUNYANG_2022 } from '../plans/bases.js';
import type { WarningRule } from './rule.js';

// The monitoring duty every rule serves: 001 m4 "密切监测生育形势和人口变动趋势,开展分析研判和预测预警";
// 002 二(一)3 "加强人口监测和分析研究" (its annex group 三 "加强人口监测预警分析"); 004 (六)
// "及时准确掌握出生人口数据". The seeds set no warning thresholds of their own: every figure below
// that is not a target's is Cradle's reading, and says so.
const MONITORING = [BAIYIN_2024('4'), YUNYANG_2022('二(一)3; annex 三'), WEIXI_2023('(六)')];

const REPORTED = [
  'prenatalScreeningRate',
  'affordableKindergartenCoverage',
  'elderlyCareBedsPer1000',
  'affordableElderlyCareBedShare',
];

export const BUILT_IN_WARNING_RULES: readonly WarningRule[] = [
  {
    code: 'targetMissed',
    kind: 'threshold',
    name: { zh: '指标未达到方案目标', en: 'An indicator misses its plan’s target' },
    indicators: [], // every indicator with a target in the plan in force
    periodType: 'year',
    condition: { test: 'missesTarget' },
    severity: 'warning',
    bases: [WEIXI_2023('(二)'), ...MONITORING],
    reading: {
      by: 'seed',
      note: {
        zh: '目标值取自方案本身；「未达到」指超出偶然波动（状态为未达标）。',
        en: 'The figure is the plan’s own target; "misses" means beyond chance (status not met).',
      },
    },
  },
  {
    code: 'maternalDeath',
    kind: 'threshold',
    name: { zh: '发生孕产妇死亡', en: 'A maternal death was recorded' },
    indicators: ['maternalMortalityRatio'],
    periodType: 'month',
    condition: { test: 'above', value: '0', of: 'numerator', judgedBy: 'value' },
    severity: 'alert',
    bases: [WEIXI_2023('(八)'), BAIYIN_2024('5'), YUNYANG_2022('二(二)2')],
    reading: {
      by: 'cradle',
      note: {
        zh: '母婴安全五项制度要求「孕产妇死亡个案报告」；县级一例死亡即远超10/10万，故每例即预警，不看比率。',
        en: 'The five maternal-safety systems require each maternal death to be reported; at county size one death is far above 10 per 100,000, so each raises an alert, whatever the ratio.',
      },
    },
  },
  {
    code: 'sexRatioHigh',
    kind: 'threshold',
    name: { zh: '出生人口性别比偏高', en: 'Sex ratio at birth high' },
    indicators: ['sexRatioAtBirth'],
    periodType: 'rolling3Years',
    condition: { test: 'above', value: '107', of: 'value', judgedBy: 'interval' },
    severity: 'warning',
    bases: [WEIXI_2023('(二)(十八)'), YUNYANG_2022('二(二)2'), ...MONITORING],
    reading: {
      by: 'cradle',
      note: {
        zh: '种子要求「基本正常」、治理「偏高」，未给数值；107为通常正常范围上限。仅当三年值的95%置信区间整体高于107时预警。',
        en: 'The seeds ask for "basically normal" and act on "high" without a figure; 107 is the top of the usual range. Raised only when the 3-year value’s whole 95% interval lies above 107.',
      },
    },
  },
  {
    code: 'sexRatioLow',
    kind: 'dataQuality',
    name: { zh: '出生人口性别比偏低，可能漏登男婴', en: 'Sex ratio at birth low: boys may be missing' },
    indicators: ['sexRatioAtBirth'],
    periodType: 'rolling3Years',
    condition: { test: 'below', value: '103', of: 'value', judgedBy: 'interval' },
    severity: 'warning',
    bases: [WEIXI_2023('(二)'), ...MONITORING],
    reading: {
      by: 'cradle',
      note: {
        zh: '低于103（通常正常范围下限）且置信区间整体低于103时，多为登记缺漏，按数据质量预警。',
        en: 'Below 103 (bottom of the usual range) with the whole interval below it usually means births not registered: a data-quality warning.',
      },
    },
  },
  {
    code: 'birthsFalling',
    kind: 'trend',
    name: { zh: '出生人口连续下降', en: 'Births falling year after year' },
    indicators: ['liveBirths'],
    periodType: 'year',
    condition: { test: 'falling', steps: 3 },
    severity: 'warning',
    bases: [WEIXI_2023('(二)'), BAIYIN_2024('一(二)'), ...MONITORING],
    reading: {
      by: 'cradle',
      note: {
        zh: '方案目标为「人口出生下降趋势缓解」；连续三年下降视为趋势未缓解（年数为Cradle的解读）。',
        en: 'The plans aim to ease the decline of births; three successive yearly falls count as not easing (the number of years is Cradle’s reading).',
      },
    },
  },
  {
    code: 'childMortalityRising',
    kind: 'trend',
    name: { zh: '孕产妇或儿童死亡率上升', en: 'Maternal or child mortality rising' },
    indicators: [
      'maternalMortalityRatio',
      'infantYoungChildMortalityRate',
      'infantMortalityRate',
      'under5MortalityRate',
    ],
    periodType: 'rolling3Years',
    condition: { test: 'rising', steps: 2 },
    severity: 'warning',
    bases: [WEIXI_2023('(八)'), ...MONITORING],
    reading: {
      by: 'cradle',
      note: {
        zh: '004 (八) 要求「保持孕产妇、婴幼儿死亡率稳中有降态势」；三年滚动率连续两次上升视为态势逆转（口径为Cradle的解读）。',
        en: '004 (八) asks that maternal and child mortality keep falling steadily; the 3-year rolling rate rising twice in a row counts as a reversal (Cradle’s reading).',
      },
    },
  },
  ...(
    [
      ['registryCoverage', '95'],
      ['registryAccuracy', '95'],
      ['registryTimeliness', '90'],
    ] as const
  ).map(([indicator, value]): WarningRule => ({
    code: `${indicator}Low`,
    kind: 'dataQuality',
    name: { zh: '人口库数据质量低于要求', en: 'Registry data quality below the requirement' },
    indicators: [indicator],
    periodType: 'month',
    condition: { test: 'below', value, of: 'value', judgedBy: 'value' },
    severity: 'warning',
    bases: [GUANGXI_DISTRICT('三(二)'), ...MONITORING],
    reading: {
      by: 'seed',
      note: { zh: `${value}%为003 三(二)所定。`, en: `${value}% is 003 三(二)’s figure.` },
    },
  })),
  {
    code: 'birthsSilent',
    kind: 'dataQuality',
    name: { zh: '应有出生而无出生登记', en: 'No births recorded where some were expected' },
    indicators: ['liveBirths'],
    periodType: 'quarter',
    condition: { test: 'silent', maxChanceOfNone: 0.01 },
    severity: 'warning',
    bases: MONITORING,
    reading: {
      by: 'cradle',
      note: {
        zh: '按上级区域出生率，该区域本期应有若干出生；若预期数下「零出生」的概率低于1%（预期约4.6例以上），多为漏报。',
        en: 'At its parent region’s birth rate the region should have had births; when zero births had under 1% chance (about 4.6 expected or more), they were most likely not recorded.',
      },
    },
  },
  {
    code: 'reportMissing',
    kind: 'dataQuality',
    name: { zh: '部门未报送指标值', en: 'A department has not reported' },
    indicators: REPORTED,
    periodType: 'year',
    condition: { test: 'missing' },
    severity: 'warning',
    bases: [YUNYANG_2022('三(四)'), ...MONITORING],
    reading: {
      by: 'cradle',
      note: {
        zh: '002 三(四)「有关部门每年要向县卫生健康委报告」；用于各部门报送的指标值，年度为期。',
        en: '002 三(四) has departments report to the health commission every year; applied here to their indicator figures, yearly.',
      },
    },
  },
];
