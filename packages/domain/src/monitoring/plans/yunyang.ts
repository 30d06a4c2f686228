import type { Plan } from '../types.js';
import { REACH_AS_FLOOR, target, YUNYANG_2022 } from './bases.js';

// Seed 002 一 总体目标: "到2025年，全县…孕产妇死亡率为'0'，新生儿死亡率、婴儿死亡率和5岁以下儿童死亡率分别控制在
// 2.5‰、3.5‰和5‰以下，每千人口拥有3岁以下婴幼儿托位数不少于4.5个，普惠性幼儿园覆盖率达85%以上…"
const goals = YUNYANG_2022('一');
const children = '新生儿死亡率、婴儿死亡率和5岁以下儿童死亡率分别控制在2.5‰、3.5‰和5‰以下';

// 二(六)1: "到2025年，全县每千名老年人养老床位数不低于40张，普惠型养老机构床位占比达80%。" Annex task 50
// (the same measure) leaves both figures out.
const elderly = YUNYANG_2022('二(六)1');

export const YUNYANG_PLAN: Plan = {
  code: 'yunyang.2022',
  title: {
    zh: '中共云阳县委 云阳县人民政府关于优化生育政策促进人口长期均衡发展的工作方案（征求意见稿）',
    en: 'Yunyang County work plan to optimise fertility policy and promote long-term balanced population development (draft for comment)',
  },
  documentNumber: null,
  issuer: { zh: '云阳县卫生健康委员会（起草）', en: 'Yunyang County Health Commission (drafting)' },
  issueDate: '2022-07-14',
  jurisdictionCode: '500235',
  period: { from: '2022-07-14', to: '2025-12-31' },
  seed: '002',
  draft: true,
  targets: [
    target('maternalMortalityRatio', 2025, 'equal', '0', '孕产妇死亡率为“0”', goals, [
      {
        by: 'seed',
        note: {
          zh: '「为“0”」：期内没有孕产妇死亡；比率不会为负，等于0与不高于0相同。',
          en: '"Is 0": no maternal death in the period; a ratio cannot be negative, so equal to 0 is the same as at most 0.',
        },
      },
    ]),
    target('neonatalMortalityRate', 2025, 'atMost', '2.5', children, goals),
    target('infantMortalityRate', 2025, 'atMost', '3.5', children, goals),
    target('under5MortalityRate', 2025, 'atMost', '5', children, goals),
    target('slotsPer1000', 2025, 'atLeast', '4.5', '每千人口拥有3岁以下婴幼儿托位数不少于4.5个', goals, [
      {
        by: 'cradle',
        note: {
          zh: '「每千人口」未写「常住」，按常住人口计（术语表）。',
          en: '"Per 1,000 population" does not say resident; counted among residents (glossary).',
        },
      },
    ]),
    target('affordableKindergartenCoverage', 2025, 'atLeast', '85', '普惠性幼儿园覆盖率达85%以上', goals),
    target('elderlyCareBedsPer1000', 2025, 'atLeast', '40', '全县每千名老年人养老床位数不低于40张', elderly),
    target('affordableElderlyCareBedShare', 2025, 'atLeast', '80', '普惠型养老机构床位占比达80%', elderly, [
      REACH_AS_FLOOR,
    ]),
  ],
  readings: [
    {
      by: 'seed',
      note: {
        zh: '征求意见稿（2022-07-14发布，意见截至2022年7月21日），无文号；定稿是否改动目标，种子未载。',
        en: 'A draft for public comment (published 2022-07-14, comments until 21 July 2022) with no document number; whether the final text changed the targets is not in the seeds.',
      },
    },
  ],
};
