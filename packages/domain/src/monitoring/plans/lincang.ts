import type { Plan } from '../types.js';
import { LINCANG_COUNTY_2022, sexRatioBand, target } from './bases.js';

// Seed 000: a county of 临沧 (it cites 临办通〔2022〕138号 and 云发〔2022〕28号 and never names itself).
// Its one figure is in annex 1 #1, garbled by OCR: "年千常住人口要幼儿托位达蚪4.5个以上".
export const LINCANG_COUNTY_PLAN: Plan = {
  code: 'lincang.county.2022',
  title: {
    zh: '关于进一步落实优化生育政策促进人口长期均衡发展的通知',
    en: 'Notice on further implementing the optimised fertility policy and long-term balanced population development',
  },
  documentNumber: null,
  issuer: { zh: '临沧市某县县委、县政府（种子未载县名）', en: 'A county of Lincang (the seed does not name it)' },
  issueDate: null,
  jurisdictionCode: '5309',
  period: { from: '2022-01-01', to: '2025-12-31' },
  seed: '000',
  draft: false,
  targets: [
    target(
      'slotsPer1000',
      2025,
      'atLeast',
      '4.5',
      '年千常住人口要幼儿托位达蚪4.5个以上',
      LINCANG_COUNTY_2022('annex 1 #1'),
      [
        {
          by: 'cradle',
          note: {
            zh: 'OCR文字「年千常住人口要幼儿托位达蚪4.5个以上」读作「每千常住人口婴幼儿托位达到4.5个以上」（与004 (二)同一模板）。',
            en: 'The OCR text "年千常住人口要幼儿托位达蚪4.5个以上" is read as "每千常住人口婴幼儿托位达到4.5个以上" (the template of 004 (二)).',
          },
        },
      ],
    ),
    ...sexRatioBand(2025, '出生人口性别比基本正常', LINCANG_COUNTY_2022('二')),
  ],
  readings: [
    {
      by: 'cradle',
      note: {
        zh: '县名与日期不在文本中：管辖区按临沧市（5309）记，日期按所引临办通〔2022〕138号记为2022年；附件2（各乡(镇)托位建设任务表）缺失。',
        en: 'The text names neither the county nor the date: the jurisdiction is recorded as 临沧市 (5309) and the year as 2022, after the 临办通〔2022〕138号 it cites; annex 2 (township slot targets) is missing.',
      },
    },
  ],
};
