import type { Plan, Reading, Target } from '../types.js';
import { INFANT_YOUNG_CHILD_READING, sexRatioBand, target, WEIXI_2023 } from './bases.js';

// Seed 004 (二): "到 2025 年，…孕产妇死亡率、婴幼儿死亡率分别控制在 10/10 万、4‰以下。…每千常住人口婴幼儿
// 托位达到 4.5 个以上；…每千常住人口婴幼儿普惠性托位达到 2.7 个以上。" Annex 2 #1 repeats it word for word.
const main = WEIXI_2023('(二); annex 2 #1');
const mortality = '孕产妇死亡率、婴幼儿死亡率分别控制在 10/10 万、4‰以下';

// Annex 3 (维西县托位建设任务表, 单位:个): 2023 442/266, 2024 586/352, 2025 656/396.
const annex3 = WEIXI_2023('annex 3');
const annex3Quote = '442 266 586 352 656 396';
const stockReading: Reading = {
  by: 'cradle',
  note: {
    zh: '任务表未说明是当年新增还是累计；按年末应达到的托位总量理解（2025年656个与4.5个/千人、约14.6万常住人口相符）。',
    en: 'The table does not say whether a year’s figure is new or cumulative; read as the stock to reach by year-end (656 in 2025 agrees with 4.5 per 1,000 of about 146,000 residents).',
  },
};

/** Annex 3 is the county's total: no seed breaks it down by township (REQUIREMENTS B2). */
const countyTotal = (t: Target): Target => ({ ...t, planRegionTotal: true });

const byPlanEnd: Reading = {
  by: 'cradle',
  note: { zh: '未写年份，按方案期末（2025年）计。', en: 'No year is given; read as by the plan’s end (2025).' },
};

export const WEIXI_PLAN: Plan = {
  code: 'weixi.2023',
  title: {
    zh: '维西县关于优化生育政策促进人口长期均衡发展的实施方案',
    en: 'Weixi County plan to optimise fertility policy and promote long-term balanced population development',
  },
  documentNumber: '维发〔2023〕15号',
  issuer: { zh: '中共维西县委 维西县人民政府', en: 'Weixi County Party Committee and County Government' },
  issueDate: '2023-06-28',
  jurisdictionCode: '533423',
  period: { from: '2023-06-28', to: '2025-12-31' },
  seed: '004',
  draft: false,
  targets: [
    target('maternalMortalityRatio', 2025, 'atMost', '10', mortality, main),
    target('infantYoungChildMortalityRate', 2025, 'atMost', '4', mortality, main, [INFANT_YOUNG_CHILD_READING]),
    target('slotsPer1000', 2025, 'atLeast', '4.5', '每千常住人口婴幼儿托位达到 4.5 个以上', main),
    target('affordableSlotsPer1000', 2025, 'atLeast', '2.7', '每千常住人口婴幼儿普惠性托位达到 2.7 个以上', main),
    ...sexRatioBand(2025, '出生人口性别比基本正常', WEIXI_2023('(二)')),
    // (九): "到 2025 年产前筛查率提高到 80%以上"; annex 2 carries no task for it (REQUIREMENTS B6).
    target('prenatalScreeningRate', 2025, 'atLeast', '80', '产前筛查率提高到 80%以上', WEIXI_2023('(九)')),
    countyTotal(target('childcareSlots', 2023, 'atLeast', '442', annex3Quote, annex3, [stockReading])),
    countyTotal(target('affordableChildcareSlots', 2023, 'atLeast', '266', annex3Quote, annex3, [stockReading])),
    countyTotal(target('childcareSlots', 2024, 'atLeast', '586', annex3Quote, annex3, [stockReading])),
    countyTotal(target('affordableChildcareSlots', 2024, 'atLeast', '352', annex3Quote, annex3, [stockReading])),
    countyTotal(target('childcareSlots', 2025, 'atLeast', '656', annex3Quote, annex3, [stockReading])),
    countyTotal(target('affordableChildcareSlots', 2025, 'atLeast', '396', annex3Quote, annex3, [stockReading])),
    // (十二): "2025 年前，至少建立 2 个具有示范性的托育服务机构"; annex 2 #11.
    // A count for the whole county, like annex 3's: a township's own count is shown, not judged.
    countyTotal(
      target(
        'demonstrationChildcareInstitutions',
        2025,
        'atLeast',
        '2',
        '至少建立 2 个具有示范性的托育服务机构',
        WEIXI_2023('(十二); annex 2 #11'),
        [
          {
            by: 'cradle',
            note: {
              zh: '「2025 年前」按2025年底前理解，与方案其他「到 2025 年」目标一致。',
              en: '"2025 年前" (before 2025) is read as by the end of 2025, like the plan’s other 2025 targets.',
            },
          },
        ],
      ),
    ),
    // (二十二): "深入开展'暖心行动'，全县范围内至少建立 1 个'暖心家园'"; annex 2 #27.
    countyTotal(
      target(
        'warmHeartHomes',
        2025,
        'atLeast',
        '1',
        '全县范围内至少建立 1 个“暖心家园”',
        WEIXI_2023('(二十二); annex 2 #27'),
        [byPlanEnd],
      ),
    ),
  ],
  readings: [
    {
      by: 'cradle',
      note: {
        zh: '方案期自印发日至2025年底（各目标均为「到 2025 年」）；2035年目标无数值。',
        en: 'The plan runs from its issue to the end of 2025 (its targets are all "by 2025"); the 2035 goals carry no figures.',
      },
    },
  ],
};
