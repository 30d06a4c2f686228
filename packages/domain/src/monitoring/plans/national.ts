import type { LegalBasis } from '../../benefits/scheme.js';
import type { Plan } from '../types.js';
import { BAIYIN_2024, LINCANG_COUNTY_2022, target, WEIXI_2023, YUNYANG_2022 } from './bases.js';

// National 14th Five-Year targets that the seeds restate; the documents are not among the seeds,
// so each figure is quoted from the published text (check it there before relying on it).
const OUTLINE = (clause: string): LegalBasis => ({
  document: '中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要',
  clause,
});
const HEALTH = (clause: string): LegalBasis => ({ document: '“十四五”国民健康规划（国办发〔2022〕11号）', clause });
const PRESCHOOL = (clause: string): LegalBasis => ({
  document: '“十四五”学前教育发展提升行动计划（教基〔2021〕8号）',
  clause,
});

const period = { from: '2021-01-01', to: '2025-12-31' };

export const NATIONAL_OUTLINE_PLAN: Plan = {
  code: 'national.fyp14',
  title: {
    zh: '中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要',
    en: 'Outline of the 14th Five-Year Plan (2021–2025) and Long-Range Objectives through 2035',
  },
  documentNumber: null,
  issuer: { zh: '第十三届全国人民代表大会第四次会议', en: 'Fourth Session of the 13th National People’s Congress' },
  issueDate: '2021-03-11',
  jurisdictionCode: '',
  period,
  seed: null,
  draft: false,
  targets: [
    {
      ...target(
        'slotsPer1000',
        2025,
        'atLeast',
        '4.5',
        '每千人口拥有3岁以下婴幼儿托位数（个）4.5',
        OUTLINE('专栏1 主要指标'),
      ),
      restatedIn: [WEIXI_2023('(二)'), BAIYIN_2024('一(二)'), YUNYANG_2022('一'), LINCANG_COUNTY_2022('annex 1 #1')],
    },
  ],
  readings: [],
};

export const NATIONAL_HEALTH_PLAN: Plan = {
  code: 'national.health14',
  title: { zh: '“十四五”国民健康规划', en: '14th Five-Year Plan for National Health' },
  documentNumber: '国办发〔2022〕11号',
  issuer: { zh: '国务院办公厅', en: 'General Office of the State Council' },
  issueDate: '2022-04-27',
  jurisdictionCode: '',
  period,
  seed: null,
  draft: false,
  targets: [
    {
      ...target('maternalMortalityRatio', 2025, 'atMost', '14.5', '孕产妇死亡率（/10万）≤14.5', HEALTH('主要发展指标')),
      restatedIn: [BAIYIN_2024('一(二)')],
    },
  ],
  readings: [],
};

export const NATIONAL_PRESCHOOL_PLAN: Plan = {
  code: 'national.preschool14',
  title: { zh: '“十四五”学前教育发展提升行动计划', en: '14th Five-Year action plan for preschool education' },
  documentNumber: '教基〔2021〕8号',
  issuer: { zh: '教育部等九部门', en: 'Ministry of Education and eight other departments' },
  issueDate: '2021-12-09',
  jurisdictionCode: '',
  period,
  seed: null,
  draft: false,
  targets: [
    {
      ...target(
        'affordableKindergartenCoverage',
        2025,
        'atLeast',
        '85',
        '普惠性幼儿园覆盖率达到85%以上',
        PRESCHOOL('主要目标'),
      ),
      restatedIn: [YUNYANG_2022('一')],
    },
  ],
  readings: [],
};

export const NATIONAL_PLANS: readonly Plan[] = [NATIONAL_OUTLINE_PLAN, NATIONAL_HEALTH_PLAN, NATIONAL_PRESCHOOL_PLAN];
