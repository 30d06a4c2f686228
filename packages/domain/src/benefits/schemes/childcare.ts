import { yuan } from '../money.js';
import type { Condition, ParameterDefinition, SchemeDefinition } from '../scheme.js';
import { BAIYIN_2024, WEIXI_2023 } from './bases.js';

// Schemes paid to childcare institutions, not persons (issue 14, "Awards and subsidies"); the
// institution cycle (apps/server/src/benefits/institution-cycle.ts) pays them.

// Seed 004 (十二): "在完成省级指标任务的情况下,将省级下拨的奖补资金按照每个托位 2000 元标准足额兑付到托育机构。"
const award = WEIXI_2023('(十二)'); // repeated in annex 2 #13

export const WEIXI_SLOT_AWARD: SchemeDefinition = {
  code: 'weixi.childcareSlotAward',
  name: { zh: '普惠托位奖补（每个托位2000元）', en: 'Award per affordable childcare slot (2,000 yuan)' },
  kind: 'childcareSlotAward',
  regionCode: '533423',
  beneficiary: 'institution',
  frequency: 'once',
  proactive: true,
  reviewLevels: ['county'],
  publicNoticeDays: 0,
  legalBasis: award,
  parameters: {
    amountPerSlot: {
      label: { zh: '每个托位奖补金额', en: 'Award per slot' },
      unit: 'fen',
      history: [{ from: '2023-06-28', value: yuan(2000), basis: award }],
    },
    provincialTargetMetOn: {
      label: { zh: '省级指标任务完成日期', en: 'Day the provincial target was met' },
      unit: 'date',
      history: [],
      setBy: 'county',
    },
  },
  conditions: [
    { kind: 'institutionFiled', basis: award },
    {
      kind: 'dateReached',
      param: 'provincialTargetMetOn',
      what: { zh: '已完成省级托位指标任务', en: 'the county has met the province’s slot target' },
      basis: award,
      interpretation: {
        zh: '「完成省级指标任务」由县卫生健康局按省级核定结果录入完成日期（方案版本参数）；未录入则不兑付。',
        en: '"完成省级指标任务" is the day the county records, after the province’s confirmation, as a version parameter; until it is recorded nothing is paid.',
      },
    },
  ],
  amount: {
    kind: 'perSlot',
    param: 'amountPerSlot',
    slots: 'affordable',
    basis: award,
    interpretation: {
      zh: '按发放时有效备案中的普惠托位计，每个机构只兑付一次；非普惠托位、未备案或已关停机构不计。',
      en: 'Counts the affordable slots of the filing in force when paid, once per institution; other slots, and institutions not filed or closed, do not count.',
    },
  },
  interpretations: [
    {
      zh: '方案未说明哪些托位计入：本系统按普惠托位计（与千人口普惠托位目标一致），每个机构一次性兑付。',
      en: 'The plan does not say which slots count: Cradle counts affordable slots (as the affordable-slot target does), paid once per institution.',
    },
  ],
};

// Seed 001 m10: "有能力的县区探索建立托育机构运营补贴、建设补贴和托位补助等制度。" No amounts: each county sets them.
const m10 = BAIYIN_2024('10');
const unset = (zh: string, en: string): ParameterDefinition => ({
  label: { zh, en },
  unit: 'fen',
  history: [],
  setBy: 'county',
});
const filed: Condition = { kind: 'institutionFiled', basis: m10 };
const countySets = {
  zh: '白银方案未定金额，由有能力的县区设定；未设定前不发放。',
  en: 'The 白银 plan sets no amount; a county that can sets it, and nothing is paid until it does.',
};

function baiyinSubsidy(
  code: string,
  kind: SchemeDefinition['kind'],
  name: { zh: string; en: string },
  frequency: 'once' | 'yearly',
  slots: 'all' | 'affordable',
  label: { zh: string; en: string },
  reading: { zh: string; en: string },
): SchemeDefinition {
  return {
    code,
    name,
    kind,
    regionCode: '6204',
    beneficiary: 'institution',
    frequency,
    proactive: true,
    reviewLevels: ['county'],
    publicNoticeDays: 0,
    legalBasis: m10,
    parameters: { amountPerSlot: unset(label.zh, label.en) },
    conditions: [filed],
    amount: { kind: 'perSlot', param: 'amountPerSlot', slots, basis: m10, interpretation: reading },
    interpretations: [countySets],
  };
}

export const BAIYIN_CONSTRUCTION_SUBSIDY = baiyinSubsidy(
  'baiyin.childcareConstructionSubsidy',
  'childcareConstructionSubsidy',
  { zh: '托育机构建设补贴', en: 'Childcare construction subsidy' },
  'once',
  'affordable',
  { zh: '每个普惠托位建设补贴', en: 'Construction subsidy per affordable slot' },
  {
    zh: '按普惠托位一次性补贴（参照004 (十一)「对新增普惠性托位给予建设补助」）。',
    en: 'Once, per affordable slot (after 004 (十一), "a construction grant for new affordable slots").',
  },
);

export const BAIYIN_OPERATING_SUBSIDY = baiyinSubsidy(
  'baiyin.childcareOperatingSubsidy',
  'childcareOperatingSubsidy',
  { zh: '托育机构运营补贴', en: 'Childcare operating subsidy' },
  'yearly',
  'all',
  { zh: '每个托位每年运营补贴', en: 'Operating subsidy per slot per year' },
  {
    zh: '按年度、按有效备案的托位数补贴。',
    en: 'Yearly, per slot of the filing in force.',
  },
);

export const BAIYIN_SLOT_SUBSIDY = baiyinSubsidy(
  'baiyin.childcareSlotSubsidy',
  'childcareSlotSubsidy',
  { zh: '托位补助', en: 'Childcare slot subsidy' },
  'once',
  'all',
  { zh: '每个托位补助', en: 'Subsidy per slot' },
  { zh: '按有效备案的托位数一次性补助。', en: 'Once, per slot of the filing in force.' },
);

export const CHILDCARE_INSTITUTION_SCHEMES: readonly SchemeDefinition[] = [
  WEIXI_SLOT_AWARD,
  BAIYIN_CONSTRUCTION_SUBSIDY,
  BAIYIN_OPERATING_SUBSIDY,
  BAIYIN_SLOT_SUBSIDY,
];
