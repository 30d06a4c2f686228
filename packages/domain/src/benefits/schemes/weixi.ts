import { yuan } from '../money.js';
import type { SchemeDefinition } from '../scheme.js';
import { WEIXI_2023 } from './bases.js';

// Seed 004 (二十一): "…计划生育特殊家庭成员中的生活长期不能自理、经济困难的老年人发放不低于 100 元/人·年的护理补贴。"
const basis = WEIXI_2023('(二十一)');

export const WEIXI_NURSING_SUBSIDY: SchemeDefinition = {
  code: 'weixi.nursingSubsidy',
  name: { zh: '计划生育特殊家庭护理补贴', en: 'Nursing subsidy for special families' },
  kind: 'nursingSubsidy',
  regionCode: '533423',
  beneficiary: 'parent',
  frequency: 'yearly',
  // Proactive (issue 16): status and needs come from the special-family register.
  proactive: true,
  reviewLevels: ['village', 'township', 'county'],
  publicNoticeDays: 7 /* our default: the seeds give no figure (scheme.ts) */,
  legalBasis: basis,
  parameters: {
    minimumAge: {
      label: { zh: '老年人年龄', en: 'Elderly from age' },
      unit: 'years',
      history: [{ from: '2023-06-28', value: 60, basis }],
    },
    yearlyAmount: {
      label: { zh: '每人每年补贴（不低于100元）', en: 'Yearly amount per person (at least 100 yuan)' },
      unit: 'fen',
      minimum: yuan(100),
      history: [{ from: '2023-06-28', value: yuan(100), basis }],
    },
  },
  conditions: [
    { kind: 'hukouIn', regionPrefix: '533423', regionName: { zh: '维西县', en: 'Weixi County' }, basis },
    { kind: 'alive', basis },
    { kind: 'specialFamily', statuses: ['bereaved', 'disabledChild'], basis },
    {
      kind: 'ageAtLeast',
      param: 'minimumAge',
      basis,
      interpretation: {
        zh: '「老年人」按《老年人权益保障法》第二条理解为60周岁以上。',
        en: '"Elderly" read as aged 60 or over (Law on the Protection of the Rights and Interests of the Elderly, art. 2).',
      },
    },
    // "生活长期不能自理、经济困难的老年人": read from the needs the register flags on the confirmed
    // file (issue 16), not from a declaration: 失能 or 失智 for "不能自理", 低保/特困 or 低保边缘 for "经济困难".
    {
      kind: 'specialFamilyNeed',
      needs: ['disabled', 'dementia'],
      label: { zh: '生活长期不能自理（失能或失智）', en: 'unable to look after themselves (disabled or dementia)' },
      basis,
      interpretation: {
        zh: '「生活长期不能自理」按档案标记的失能或失智理解。',
        en: '"Unable to look after themselves for the long term" read as the file flagging disability or dementia.',
      },
    },
    {
      kind: 'specialFamilyNeed',
      needs: ['subsistence', 'nearSubsistence'],
      label: {
        zh: '经济困难（低保、特困或低保边缘）',
        en: 'economic hardship (subsistence, extreme poverty or near the line)',
      },
      basis,
      interpretation: {
        zh: '「经济困难」按档案标记的低保或特困、低保边缘或返贫致贫风险理解。',
        en: '"Economic hardship" read as the file flagging subsistence or extreme-poverty support, or near the line.',
      },
    },
  ],
  amount: { kind: 'perPeriod', param: 'yearlyAmount', basis },
  interpretations: [
    {
      zh: '县级方案，适用于户籍在维西县的对象；100元为下限，县可发布更高标准。',
      en: 'A county plan: covers Weixi hukou; 100 yuan is a floor the county may raise.',
    },
  ],
};

// Seed 004 (二十二): "对未纳入低保等困难人群范围，住院治疗医疗费用按基本医保、大病保险政策报销后，个人负担仍然较重，
// 经当地民政部门认定为低保边缘家庭成员或乡村振兴部门认定存在返贫致贫风险的计划生育特殊家庭，依申请给予医疗救助。"
// Four conditions, all from the register but the bill, which the application states; no amount in
// the seed: the county sets it, and until then the scheme pays nothing and says why.
const medical = WEIXI_2023('(二十二)');

export const WEIXI_MEDICAL_ASSISTANCE: SchemeDefinition = {
  code: 'weixi.medicalAssistance',
  name: { zh: '计划生育特殊家庭医疗救助', en: 'Medical assistance for special families' },
  kind: 'medicalAssistance',
  regionCode: '533423',
  beneficiary: 'parent',
  frequency: 'yearly',
  // "依申请": on application; the register decides the status and the needs.
  proactive: false,
  reviewLevels: ['township', 'county'],
  publicNoticeDays: 7 /* our default: the seeds give no figure (scheme.ts) */,
  legalBasis: medical,
  parameters: {
    yearlyAmount: {
      label: { zh: '每人每年医疗救助金额', en: 'Medical assistance per person per year' },
      unit: 'fen',
      history: [],
      setBy: 'county',
    },
  },
  conditions: [
    { kind: 'hukouIn', regionPrefix: '533423', regionName: { zh: '维西县', en: 'Weixi County' }, basis: medical },
    { kind: 'alive', basis: medical },
    { kind: 'specialFamily', statuses: ['bereaved', 'disabledChild'], basis: medical },
    {
      kind: 'specialFamilyNeed',
      needs: ['subsistence'],
      absent: true,
      label: { zh: '未纳入低保或特困', en: 'not on subsistence or extreme-poverty support' },
      basis: medical,
    },
    {
      kind: 'specialFamilyNeed',
      needs: ['nearSubsistence'],
      label: { zh: '低保边缘或返贫致贫风险', en: 'near the subsistence line, or at risk of poverty' },
      basis: medical,
    },
    { kind: 'declared', fact: 'heavyMedicalBurden', basis: medical },
  ],
  amount: { kind: 'perPeriod', param: 'yearlyAmount', basis: medical },
  interpretations: [
    {
      zh: '每人每年至多救助一次（种子为「依申请给予」，未写频次）；救助金额由县级设定，种子未给出。「个人负担较重」无标准，由申请人承诺、审核人核实。',
      en: 'At most once a year per person (the seed says "on application" without a frequency); the amount is set by the county, the seed gives none. "Still heavy" has no threshold: the applicant declares it and the reviewers check it.',
    },
  ],
};
