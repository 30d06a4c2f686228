import type { SpecialFamilyCoverageMeasure } from '../count-kinds.js';
import type { IndicatorDefinition } from '../indicator.js';
import type { Reading } from '../types.js';

// 001 m23: "落实好计划生育特殊家庭双岗联系人制度、就医绿色通道和家庭医生签约服务三个全覆盖" (issue 16; REQUIREMENTS
// B7, C4): each a share of the register's confirmed files, counted from the register itself.
const basis = {
  document: '白银市关于优化生育政策促进人口长期均衡发展的实施方案（2024-05-17）',
  clause: '措施23',
  seed: '001',
};

/** How the register is read at a period's end: one reading for the three. */
export const SPECIAL_FAMILY_COVERAGE_READING: Reading = {
  by: 'cradle',
  note: {
    zh: '分母为期末已确认的特殊家庭档案（期末前县级确认、未终止）；分子为其中期末前已登记相应服务的档案。家庭医生签约一经登记即计入（种子未给出签约期限）。',
    en: 'The denominator is the files confirmed by the period’s end (confirmed by the county, not ended); the numerator those of them with the service recorded by then. A family doctor contract counts once recorded (the seeds give no contract term).',
  },
};

function coverage(
  code: string,
  name: { zh: string; en: string },
  measure: SpecialFamilyCoverageMeasure,
  definition: { zh: string; en: string },
  readings: readonly Reading[] = [],
): IndicatorDefinition {
  return {
    code,
    name,
    unit: { zh: '%', en: '%' },
    formula: {
      kind: 'ratio',
      numerator: { kind: 'specialFamilies', measure },
      denominator: { kind: 'specialFamilies', measure: 'confirmedFiles' },
      factor: 100,
    },
    periodTypes: ['year', 'quarter', 'month'],
    source: { kind: 'registry' },
    higherIsBetter: true,
    // The whole register, not a sample: no chance variation.
    uncertainty: 'none',
    definition,
    basis,
    readings: [SPECIAL_FAMILY_COVERAGE_READING, ...readings],
  };
}

export const SPECIAL_FAMILY_CONTACT_COVERAGE = coverage(
  'specialFamilyContactCoverage',
  { zh: '特殊家庭双岗联系人覆盖率', en: 'Special families with both contacts' },
  'withDualContacts',
  {
    zh: '有乡村工作人员和家庭医生两名在岗联系人的已确认档案 ÷ 已确认档案 × 100。',
    en: 'Confirmed files with a serving worker contact and a family doctor contact ÷ confirmed files × 100.',
  },
  [
    {
      by: 'cradle',
      note: {
        zh: '「双岗」按一名乡（镇）或村工作人员加一名家庭医生理解（种子未写明）。',
        en: '"双岗" read as a township or village worker and a family doctor (the seeds do not say).',
      },
    },
  ],
);

export const SPECIAL_FAMILY_GREEN_CHANNEL_COVERAGE = coverage(
  'specialFamilyGreenChannelCoverage',
  { zh: '特殊家庭就医绿色通道覆盖率', en: 'Special families with a medical green channel' },
  'withGreenChannel',
  {
    zh: '已登记就医绿色通道的已确认档案 ÷ 已确认档案 × 100。',
    en: 'Confirmed files with a medical green channel recorded ÷ confirmed files × 100.',
  },
);

export const SPECIAL_FAMILY_DOCTOR_COVERAGE = coverage(
  'specialFamilyDoctorCoverage',
  { zh: '特殊家庭家庭医生签约覆盖率', en: 'Special families with a family doctor contract' },
  'withFamilyDoctor',
  {
    zh: '已登记家庭医生签约的已确认档案 ÷ 已确认档案 × 100。',
    en: 'Confirmed files with a family doctor contract recorded ÷ confirmed files × 100.',
  },
);

export const SPECIAL_FAMILY_INDICATORS: readonly IndicatorDefinition[] = [
  SPECIAL_FAMILY_CONTACT_COVERAGE,
  SPECIAL_FAMILY_GREEN_CHANNEL_COVERAGE,
  SPECIAL_FAMILY_DOCTOR_COVERAGE,
];
