import type { Plan } from '../types.js';
import { BAIYIN_2024, INFANT_YOUNG_CHILD_READING, REACH_AS_FLOOR, sexRatioBand, target } from './bases.js';

// Seed 001 一(二) 任务目标: "2025年，…孕产妇死亡率、婴幼儿死亡率分别控制在14.5/10万、5‰以下。普惠托育服务体系
// 加快建设，千人口托位数达到4.5个。…出生人口性别比基本正常…"
const goals = BAIYIN_2024('一(二)');
const mortality = '孕产妇死亡率、婴幼儿死亡率分别控制在14.5/10万、5‰以下';
const THREE_FULL_COVERAGE = '双岗联系人制度、就医绿色通道和家庭医生签约服务三个全覆盖';
const FULL_COVERAGE_READING = {
  by: 'cradle' as const,
  note: {
    zh: '「全覆盖」按已确认特殊家庭档案的100%理解。',
    en: '"全覆盖" (full coverage) read as 100% of the confirmed special-family files.',
  },
};

export const BAIYIN_PLAN: Plan = {
  code: 'baiyin.2024',
  title: {
    zh: '白银市关于优化生育政策促进人口长期均衡发展的实施方案',
    en: 'Baiyin plan to optimise fertility policy and promote long-term balanced population development',
  },
  // The page's 文号 field is empty.
  documentNumber: null,
  issuer: { zh: '白银市人民政府', en: 'Baiyin Municipal Government' },
  issueDate: '2024-05-17',
  jurisdictionCode: '6204',
  period: { from: '2024-05-17', to: '2025-12-31' },
  seed: '001',
  draft: false,
  targets: [
    target('maternalMortalityRatio', 2025, 'atMost', '14.5', mortality, goals),
    target('infantYoungChildMortalityRate', 2025, 'atMost', '5', mortality, goals, [INFANT_YOUNG_CHILD_READING]),
    target('slotsPer1000', 2025, 'atLeast', '4.5', '千人口托位数达到4.5个', goals, [
      REACH_AS_FLOOR,
      {
        by: 'cradle',
        note: {
          zh: '「千人口」未写「常住」，按常住人口计（术语表）。',
          en: '"Per 1,000 population" does not say resident; counted among residents (glossary).',
        },
      },
    ]),
    ...sexRatioBand(2025, '出生人口性别比基本正常', goals),
    // Measure 23's "三个全覆盖" (issue 16): every confirmed special family, every year of the plan.
    ...(
      ['specialFamilyContactCoverage', 'specialFamilyGreenChannelCoverage', 'specialFamilyDoctorCoverage'] as const
    ).map((code) =>
      target(code, null, 'atLeast', '100', THREE_FULL_COVERAGE, BAIYIN_2024('措施23'), [FULL_COVERAGE_READING]),
    ),
  ],
  readings: [
    {
      by: 'seed',
      note: {
        zh: '页面「发布机构：白银市人民政府」「生成日期：2024-05-17」；文号栏为空。',
        en: 'The page names the issuer 白银市人民政府 and the date 2024-05-17; its 文号 field is empty.',
      },
    },
    {
      by: 'cradle',
      note: {
        zh: '措施8的「新建居住小区每千人口不少于5个托位」「已建成居住区2025年前按每千人口不少于4.5个托位补充」是对单个小区的配建标准，不是全市指标，未列为目标。',
        en: 'Measure 8’s "5 slots per 1,000 in new residential areas" and "4.5 per 1,000 in existing ones before 2025" are standards for each residential area, not city-wide figures, so they are not targets here.',
      },
    },
  ],
};
