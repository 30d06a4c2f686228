import type { Message } from '../messages.js';

// Inspection checklists as data (REQUIREMENTS B9, C1). The areas are the seeds' own words:
// 000 二(三) "建筑安全、消防安全、食品饮水安全、卫生防疫安全" (the departments' joint supervision) and
// 001 m12 the institution's nine "主体责任" areas "依法登记、备案承诺、履约服务、质量安全、人身安全、
// 食品安全、健康安全、应急管理、消防安全". 消防安全 is in both lists and is one area here.
// The items under each area are NOT in the seeds (reading, module README): Cradle's short list
// drawn from 托育机构设置标准(试行) and 托育机构管理规范(试行) (国卫人口发〔2019〕58号), for a
// jurisdiction to extend by adding entries here.

export interface ChecklistItem {
  code: string;
  label: Message;
}
export interface ChecklistArea {
  code: InspectionArea;
  label: Message;
  /** The seed clause that names the area. */
  source: string;
  items: readonly ChecklistItem[];
}

export const INSPECTION_AREAS = [
  'building',
  'fire',
  'foodWater',
  'hygiene',
  'lawfulRegistration',
  'filingCommitment',
  'contractService',
  'quality',
  'personalSafety',
  'food',
  'health',
  'emergency',
] as const;
export type InspectionArea = (typeof INSPECTION_AREAS)[number];

const item = (code: string, zh: string, en: string): ChecklistItem => ({ code, label: { zh, en } });
const S000 = 'seed 000 二(三)';
const S001 = 'seed 001 m12';

export const CHECKLISTS: readonly ChecklistArea[] = [
  {
    code: 'building',
    label: { zh: '建筑安全', en: 'Building safety' },
    source: S000,
    items: [
      item('building.structure', '房屋结构安全，无危房', 'The building is structurally sound'),
      item('building.floor', '婴幼儿用房设在三层及以下', 'Children’s rooms are on the third floor or lower'),
      item('building.guards', '窗台、楼梯、阳台设防护设施', 'Windows, stairs and balconies are guarded'),
    ],
  },
  {
    code: 'fire',
    label: { zh: '消防安全', en: 'Fire safety' },
    source: `${S000}; ${S001}`,
    items: [
      item('fire.exits', '安全出口、疏散通道畅通', 'Exits and escape routes are clear'),
      item('fire.extinguishers', '灭火器材配置齐全且在有效期内', 'Extinguishers are in place and in date'),
      item('fire.alarm', '火灾自动报警和应急照明完好', 'Fire alarm and emergency lighting work'),
      item('fire.drills', '定期开展消防演练并有记录', 'Fire drills are held and recorded'),
    ],
  },
  {
    code: 'foodWater',
    label: { zh: '食品饮水安全', en: 'Food and drinking-water safety' },
    source: S000,
    items: [
      item('foodWater.licence', '食品经营许可或备案有效', 'The food licence or filing is valid'),
      item('foodWater.water', '饮用水卫生符合要求', 'Drinking water meets the hygiene standard'),
      item('foodWater.samples', '食品留样48小时并有记录', 'Food samples are kept 48 hours and recorded'),
    ],
  },
  {
    code: 'hygiene',
    label: { zh: '卫生防疫安全', en: 'Hygiene and epidemic prevention' },
    source: S000,
    items: [
      item('hygiene.disinfection', '环境和玩具定期消毒并有记录', 'Rooms and toys are disinfected and recorded'),
      item('hygiene.morningCheck', '落实晨午检和全日健康观察', 'Morning and midday health checks are done'),
      item('hygiene.vaccination', '入托查验预防接种证', 'Vaccination certificates are checked on entry'),
    ],
  },
  {
    code: 'lawfulRegistration',
    label: { zh: '依法登记', en: 'Lawful registration' },
    source: S001,
    items: [
      item('lawfulRegistration.licence', '营业执照或登记证书有效', 'The business or registration licence is valid'),
    ],
  },
  {
    code: 'filingCommitment',
    label: { zh: '备案承诺', en: 'Filing commitment' },
    source: S001,
    items: [
      item('filingCommitment.matches', '实际情况与备案信息一致', 'What is found matches what was filed'),
      item('filingCommitment.disclosed', '备案信息在显著位置公示', 'The filing is displayed prominently'),
    ],
  },
  {
    code: 'contractService',
    label: { zh: '履约服务', en: 'Contract and service' },
    source: S001,
    items: [
      item('contractService.contracts', '与家长签订托育服务协议', 'A service contract is signed with each family'),
      item('contractService.fees', '收费项目和标准公示且按标准收取', 'Fees are displayed and charged as displayed'),
    ],
  },
  {
    code: 'quality',
    label: { zh: '质量安全', en: 'Quality' },
    source: S001,
    items: [
      item('quality.ratios', '班级规模和保育人员配比符合标准', 'Class sizes and carer ratios meet the standard'),
      item('quality.qualifications', '从业人员具备相应资格', 'Staff hold the required qualifications'),
    ],
  },
  {
    code: 'personalSafety',
    label: { zh: '人身安全', en: 'Personal safety' },
    source: S001,
    items: [
      item('personalSafety.cctv', '视频监控覆盖婴幼儿活动场所并保存', 'CCTV covers children’s rooms and is kept'),
      item('personalSafety.pickup', '落实接送交接制度', 'Children are handed over to named adults only'),
      item('personalSafety.background', '从业人员无虐童等违法犯罪记录', 'Staff have no record of child abuse'),
    ],
  },
  {
    code: 'food',
    label: { zh: '食品安全', en: 'Food safety' },
    source: S001,
    items: [item('food.cooks', '炊事人员持有效健康证明', 'Cooks hold valid health certificates')],
  },
  {
    code: 'health',
    label: { zh: '健康安全', en: 'Health' },
    source: S001,
    items: [
      item('health.certificates', '工作人员持有效健康证明', 'Staff hold valid health certificates'),
      item('health.records', '建立婴幼儿健康档案', 'Each child has a health record'),
    ],
  },
  {
    code: 'emergency',
    label: { zh: '应急管理', en: 'Emergency management' },
    source: S001,
    items: [
      item('emergency.plan', '制定突发事件应急预案', 'An emergency plan is in place'),
      item('emergency.drills', '定期开展应急演练', 'Emergency drills are held'),
    ],
  },
];

const BY_AREA = new Map(CHECKLISTS.map((a) => [a.code, a]));
const BY_ITEM = new Map(CHECKLISTS.flatMap((a) => a.items.map((i) => [i.code, { area: a.code, item: i }] as const)));

export const isInspectionArea = (v: string): v is InspectionArea => BY_AREA.has(v as InspectionArea);
export const checklistOf = (area: InspectionArea): ChecklistArea => BY_AREA.get(area)!;
export const inspectionAreaLabel = (area: InspectionArea): Message => checklistOf(area).label;
export const checklistItemLabel = (code: string): Message => BY_ITEM.get(code)?.item.label ?? { zh: code, en: code };

export type FindingResult = 'pass' | 'fail';
export interface Finding {
  item: string;
  result: FindingResult;
  note?: string;
}

/**
 * What is wrong with an inspection's findings against its area's checklist: every item of the
 * area answered exactly once, no item from elsewhere. Empty when the findings are whole.
 */
export function checkFindings(area: InspectionArea, findings: readonly Finding[]): Message[] {
  const list = checklistOf(area);
  const problems: Message[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    if (BY_ITEM.get(f.item)?.area !== area)
      problems.push({ zh: `检查项 ${f.item} 不属于${list.label.zh}`, en: `Item ${f.item} is not in ${list.label.en}` });
    else if (seen.has(f.item))
      problems.push({ zh: `检查项“${checklistItemLabel(f.item).zh}”重复`, en: `Item ${f.item} is answered twice` });
    seen.add(f.item);
  }
  for (const i of list.items)
    if (!seen.has(i.code))
      problems.push({ zh: `缺少检查项“${i.label.zh}”的结果`, en: `No result for “${i.label.en}”` });
  return problems;
}

/** An inspection fails when any item fails; each failed item opens a rectification. */
export const inspectionPassed = (findings: readonly Finding[]): boolean => findings.every((f) => f.result === 'pass');
