import type { Plan } from '../types.js';
import { GUANGXI_DISTRICT, target } from './bases.js';

// Seed 003 三(二): "全员人口库常住人口覆盖率、主要数据项准确率达到95%以上,实时上报率均达到90%以上"; 三(三):
// "近三年无重大安全事故发生". Its other requirements are relative ("居于自治区前列") or yes/no items.
const registry = GUANGXI_DISTRICT('三(二)');
const registryQuote = '全员人口库常住人口覆盖率、主要数据项准确率达到95%以上,实时上报率均达到90%以上';
const everyYear = {
  by: 'cradle',
  note: {
    zh: '文本未给年份：作为评选标准，按方案期内每年适用。',
    en: 'The text gives no year: as evaluation criteria they apply in every year of the period.',
  },
} as const;

export const GUANGXI_DISTRICT_PLAN: Plan = {
  code: 'guangxi.district.2023',
  title: {
    zh: '关于全面开展全国生育友好工作先进单位创建活动的实施方案',
    en: 'Plan for the campaign to become a national fertility-friendly advanced unit',
  },
  documentNumber: null,
  issuer: { zh: '广西某区（种子未载区名）', en: 'A district of Guangxi (the seed does not name it)' },
  issueDate: null,
  jurisdictionCode: '45',
  period: { from: '2023-01-01', to: '2025-12-31' },
  seed: '003',
  draft: false,
  targets: [
    target('registryCoverage', null, 'atLeast', '95', registryQuote, registry, [everyYear]),
    target('registryAccuracy', null, 'atLeast', '95', registryQuote, registry, [everyYear]),
    target('registryTimeliness', null, 'atLeast', '90', registryQuote, registry, [everyYear]),
    target(
      'majorChildcareSafetyIncidents',
      null,
      'equal',
      '0',
      '近三年无重大安全事故发生',
      GUANGXI_DISTRICT('三(三)'),
      [
        everyYear,
        {
          by: 'seed',
          note: {
            zh: '「近三年」：按三年滚动期计。',
            en: '"In the last three years": read over a rolling three-year period.',
          },
        },
      ],
    ),
  ],
  readings: [
    {
      by: 'cradle',
      note: {
        zh: '区名与日期不在文本中（提及党的二十大，故不早于2022年10月）：管辖区按广西（45）记，方案期按2023—2025年记；评分细则附件缺失。',
        en: 'The text names neither the district nor the date (it cites the 20th Party Congress, so it is later than October 2022): the jurisdiction is recorded as Guangxi (45), the period as 2023–2025; the scoring annex is missing.',
      },
    },
  ],
};
