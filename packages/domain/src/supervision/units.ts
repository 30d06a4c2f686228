import type { Department } from '../departments.js';
import type { Message } from '../messages.js';

// The unit directory of 维西 (seed 004 annex 1 一): the county government (召集人), the
// government office (副召集人), and the 32 member units, one member each, with the member's post
// (officials' names are in the seed but not kept: positions only). Aliases are the other names
// the seeds print for the same unit (REQUIREMENTS B6), so a task cell resolves to one unit.

export type UnitKind =
  | 'government'
  | 'partyCommittee'
  | 'department'
  | 'verticalBranch'
  | 'massOrganization'
  | 'publicInstitution'
  | 'township'
  // 002's supporting units outside the government: 县人大常委会教科文卫工委, 县法院, 县检察院.
  | 'legislativeJudicial';
export type MemberPosition = 'convener' | 'deputyConvener' | 'member';

export interface UnitSeed {
  key: string;
  name: string;
  aliases: readonly string[];
  kind: UnitKind;
  /** The Cradle department whose operators are this unit's liaisons. */
  department?: Department;
  /** Joint-meeting seats (004 annex 1 一), with the post that holds each. */
  seats: readonly { position: MemberPosition; post: string }[];
}

const member = (post: string) => [{ position: 'member' as const, post }];

export const WEIXI_UNITS: readonly UnitSeed[] = [
  {
    key: 'county.government',
    name: '县人民政府',
    aliases: ['维西县人民政府'],
    kind: 'government',
    seats: [{ position: 'convener', post: '副县长' }],
  },
  {
    key: 'county.governmentOffice',
    name: '县政府办公室',
    aliases: [],
    kind: 'government',
    seats: [{ position: 'deputyConvener', post: '副主任' }],
  },
  { key: 'county.organization', name: '县委组织部', aliases: [], kind: 'partyCommittee', seats: member('常务副部长') },
  { key: 'county.publicity', name: '县委宣传部', aliases: [], kind: 'partyCommittee', seats: member('副部长') },
  {
    key: 'county.developmentReform',
    name: '县发展和改革局',
    aliases: ['县发展改革局', '县发改局'],
    kind: 'department',
    seats: member('副局长'),
  },
  {
    key: 'county.industryCommerce',
    name: '县工业信息化和商务外事局',
    aliases: [],
    kind: 'department',
    seats: member('副局长'),
  },
  {
    key: 'county.education',
    name: '县教育体育局',
    aliases: ['县教体局'],
    kind: 'department',
    department: 'education',
    seats: member('副局长'),
  },
  { key: 'county.ethnicReligious', name: '县民族宗教事务局', aliases: [], kind: 'department', seats: member('副局长') },
  {
    key: 'county.publicSecurity',
    name: '县公安局',
    aliases: [],
    kind: 'department',
    department: 'publicSecurity',
    seats: member('副政委'),
  },
  {
    key: 'county.civilAffairs',
    name: '县民政局',
    aliases: [],
    kind: 'department',
    department: 'civilAffairs',
    seats: member('副局长'),
  },
  { key: 'county.justice', name: '县司法局', aliases: [], kind: 'department', seats: member('副局长') },
  {
    key: 'county.finance',
    name: '县财政局',
    aliases: [],
    kind: 'department',
    department: 'finance',
    seats: member('副局长'),
  },
  {
    key: 'county.humanResources',
    name: '县人力资源和社会保障局',
    aliases: ['县人社局', '县人力社保局'],
    kind: 'department',
    department: 'humanResourcesSocialSecurity',
    seats: member('副局长'),
  },
  { key: 'county.naturalResources', name: '县自然资源局', aliases: [], kind: 'department', seats: member('副局长') },
  {
    key: 'county.ecologyEnvironment',
    name: '州生态环境局维西分局',
    aliases: [],
    kind: 'verticalBranch',
    seats: member('副局长'),
  },
  {
    key: 'county.housing',
    name: '县住房和城乡建设局',
    aliases: ['县住建局', '县住房城乡建设局'],
    kind: 'department',
    department: 'housing',
    seats: member('副局长'),
  },
  { key: 'county.transport', name: '县交通运输局', aliases: [], kind: 'department', seats: member('副局长') },
  { key: 'county.agriculture', name: '县农业农村局', aliases: [], kind: 'department', seats: member('副局长') },
  { key: 'county.cultureTourism', name: '县文化和旅游局', aliases: [], kind: 'department', seats: member('副局长') },
  // The office of the joint meeting sits here; its director, the deputy director, is also the member.
  {
    key: 'county.health',
    name: '县卫生健康局',
    aliases: ['维西县卫生健康局', '县卫健局'],
    kind: 'department',
    department: 'healthCommission',
    seats: [
      { position: 'deputyConvener', post: '局长' },
      { position: 'member', post: '副局长(联席会议办公室主任)' },
    ],
  },
  {
    key: 'county.marketRegulation',
    name: '县市场监督管理局',
    aliases: ['县市场监管局'],
    kind: 'department',
    department: 'marketRegulation',
    seats: member('副局长'),
  },
  { key: 'county.statistics', name: '县统计局', aliases: [], kind: 'department', seats: member('副局长') },
  { key: 'county.ruralRevitalization', name: '县乡村振兴局', aliases: [], kind: 'department', seats: member('副局长') },
  {
    key: 'county.medicalSecurity',
    name: '县医疗保障局',
    aliases: ['县医保局'],
    kind: 'department',
    department: 'medicalInsurance',
    seats: member('副局长'),
  },
  {
    key: 'county.governmentServices',
    name: '县政务服务管理局',
    aliases: [],
    kind: 'department',
    seats: member('副局长'),
  },
  { key: 'county.tradeUnion', name: '县总工会', aliases: [], kind: 'massOrganization', seats: member('副主席') },
  { key: 'county.youthLeague', name: '团县委', aliases: [], kind: 'massOrganization', seats: member('副书记') },
  {
    key: 'county.womensFederation',
    name: '县妇联',
    aliases: ['县妇女联合会'],
    kind: 'massOrganization',
    seats: member('副主席'),
  },
  {
    key: 'county.disabledFederation',
    name: '县残联',
    aliases: ['县残疾人联合会'],
    kind: 'massOrganization',
    seats: member('副理事长'),
  },
  {
    key: 'county.familyPlanningAssociation',
    name: '县计生协会',
    aliases: ['县计划生育协会'],
    kind: 'massOrganization',
    seats: member('专职副会长'),
  },
  // Annex 1 prints "县消防救援队大队长": the unit read as the county's fire and rescue brigade.
  {
    key: 'county.fireRescue',
    name: '县消防救援大队',
    aliases: ['县消防救援队', '县消防救援(大)队'],
    kind: 'verticalBranch',
    department: 'fireRescue',
    seats: member('大队长'),
  },
  { key: 'county.media', name: '县融媒体中心', aliases: [], kind: 'publicInstitution', seats: member('副主任') },
  { key: 'county.taxation', name: '县税务局', aliases: [], kind: 'verticalBranch', seats: member('副局长') },
  {
    key: 'county.peoplesBank',
    name: '中国人民银行维西县支行',
    aliases: ['中国人民银行维西支行'],
    kind: 'verticalBranch',
    seats: member('副行长'),
  },
  // Not members of the joint meeting: the units behind Cradle's other departments (departments.ts).
  {
    key: 'county.hospital',
    name: '县人民医院',
    aliases: [],
    kind: 'publicInstitution',
    department: 'hospital',
    seats: [],
  },
  {
    key: 'county.diseaseControl',
    name: '县疾病预防控制中心',
    aliases: ['县疾控中心'],
    kind: 'publicInstitution',
    department: 'diseaseControl',
    seats: [],
  },
  // Not in 004 annex 1 either: 002 task 39 names 县应急局 among childcare supervision's units, and
  // Cradle's emergency-management operators inspect 应急管理 (childcare/area-owners.ts).
  {
    key: 'county.emergencyManagement',
    name: '县应急管理局',
    aliases: ['县应急局'],
    kind: 'department',
    department: 'emergencyManagement',
    seats: [],
  },
  {
    key: 'county.providentFund',
    name: '住房公积金管理中心',
    aliases: [],
    kind: 'publicInstitution',
    department: 'providentFund',
    seats: [],
  },
];

/** Annex 1 names the meeting "维西县优化生育政策工作部门联席会议"; annex 2 writes its members so. */
export const JOINT_MEETING_GROUP = '县优化生育政策工作部门联席会议成员单位';
/** Every township's party committee and government (annex 2 落实); #2 prints it with a 县 before. */
export const TOWNSHIPS_GROUP = '各乡(镇)党委、政府';

/** A township's unit key: stable across deployments, from its region code. */
export const townshipUnitKey = (regionCode: string) => `township.${regionCode}`;

/** The date the directory's seats are filed as held from: the plan's issue (004, 2023-06-28). */
export const WEIXI_SEATS_SINCE = '2023-06-28';

export const UNIT_KIND_LABELS: Record<UnitKind, Message> = {
  government: { zh: '政府及办公室', en: 'Government' },
  partyCommittee: { zh: '党委部门', en: 'Party committee department' },
  department: { zh: '政府部门', en: 'Government department' },
  verticalBranch: { zh: '垂直管理单位', en: 'Vertically managed branch' },
  massOrganization: { zh: '群团组织', en: 'Mass organisation' },
  publicInstitution: { zh: '事业单位', en: 'Public institution' },
  township: { zh: '乡(镇)党委、政府', en: 'Township' },
  legislativeJudicial: { zh: '人大、法院、检察院', en: 'Congress, court or procuratorate' },
};

export const POSITION_LABELS: Record<MemberPosition, Message> = {
  convener: { zh: '召集人', en: 'Convener' },
  deputyConvener: { zh: '副召集人', en: 'Deputy convener' },
  member: { zh: '成员', en: 'Member' },
};

/**
 * The unit a name as written stands for: its canonical name or one of its aliases, with a
 * leading "维西" or "维西县" taken as the county's own ("维西县卫生健康局" = 县卫生健康局).
 */
export function resolveUnitName<U extends { name: string; aliases: readonly string[] }>(
  name: string,
  units: readonly U[],
): U | undefined {
  const n = name.trim();
  const variants = [n, n.replace(/^维西县?/, '县')];
  return units.find((u) => variants.some((v) => v === u.name || u.aliases.includes(v)));
}
