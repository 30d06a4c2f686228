import type { UnitSeed } from './units.js';

// The unit directory of 云阳 (seed 002's annex), a list apart from 维西's: every unit its 牵头单位 and
// 配合单位 cells name, with the other names the seed prints for the same unit as aliases (REQUIREMENTS
// B6), so each name resolves to one unit through resolveUnitName. The canonical name is the form the
// annex prints most often; on a tie, the fuller one. 002 has no joint-meeting annex: no seats.
// Not loaded into a county: 云阳 is not the demo county; the data is here for a deployment there.

const unit = (key: string, name: string, kind: UnitSeed['kind'], aliases: string[] = []): UnitSeed => ({
  key,
  name,
  aliases,
  kind,
  seats: [],
});

export const YUNYANG_UNITS: readonly UnitSeed[] = [
  // Line 2 of the seed names the drafting office 县卫生健康委员会.
  unit('county.health', '县卫生健康委', 'department', ['县卫生健康委员会']),
  unit('county.developmentReform', '县发展改革委', 'department', ['县发改委']),
  unit('county.civilAffairs', '县民政局', 'department'),
  unit('county.education', '县教委', 'department'),
  unit('county.humanResources', '县人力社保局', 'department', ['县人力资源和社会保障局']),
  unit('county.housing', '县住房城乡建委', 'department', ['县城乡建委']),
  unit('county.finance', '县财政局', 'department'),
  unit('county.justice', '县司法局', 'department'),
  unit('county.publicSecurity', '县公安局', 'department'),
  unit('county.medicalSecurity', '县医保局', 'department'),
  unit('county.statistics', '县统计局', 'department'),
  unit('county.bigData', '县大数据发展局', 'department', ['县大数据局']),
  unit('county.naturalResources', '县规划和自然资源局', 'department'),
  unit('county.transport', '县交通局', 'department'),
  unit('county.commerce', '县商务委', 'department'),
  unit('county.cultureTourism', '县文化旅游委', 'department'),
  unit('county.emergency', '县应急局', 'department'),
  unit('county.marketRegulation', '县市场监管局', 'department'),
  unit('county.agriculture', '县农业农村委', 'department'),
  unit('county.ruralRevitalization', '县乡村振兴局', 'department'),
  unit('county.petitions', '县信访办', 'department'),
  // #10, #25, #38 print 县国资委 (lead of #38); #47 prints 县国有资产管理服务中心.
  unit('county.stateAssets', '县国资委', 'department', ['县国有资产管理服务中心']),
  unit('county.organization', '县委组织部', 'partyCommittee'),
  unit('county.publicity', '县委宣传部', 'partyCommittee'),
  // #39 prints 县委编办, #34 (lead) 县编办: a tie, the fuller name kept.
  unit('county.establishment', '县委编办', 'partyCommittee', ['县编办']),
  unit('county.discipline', '县纪委监委机关', 'partyCommittee'),
  // Supporting units outside the government (REQUIREMENTS B6: "non-executive bodies").
  unit('county.congressEducationCommittee', '县人大常委会教科文卫工委', 'legislativeJudicial'),
  unit('county.court', '县法院', 'legislativeJudicial'),
  unit('county.procuratorate', '县检察院', 'legislativeJudicial'),
  unit('county.tradeUnion', '县总工会', 'massOrganization'),
  unit('county.youthLeague', '团县委', 'massOrganization'),
  unit('county.womensFederation', '县妇联', 'massOrganization'),
  unit('county.disabledFederation', '县残联', 'massOrganization'),
  // The body prints 县计划生育协会 twice; the annex always 县计生协会.
  unit('county.familyPlanningAssociation', '县计生协会', 'massOrganization', ['县计划生育协会']),
  unit('county.commerceFederation', '县工商联', 'massOrganization'),
  unit('county.fireRescue', '县消防救援大队', 'verticalBranch'),
  // #24, #43 (leads) and #41 print 云阳县税务局; #23, #32, #35, #36, #38 print 县税务局.
  unit('county.taxation', '县税务局', 'verticalBranch', ['云阳县税务局']),
  unit('county.peoplesBank', '人行云阳县支行', 'verticalBranch'),
];

/** Every township and street (#13 lead, #69 support): a group, not one unit. */
export const YUNYANG_TOWNSHIPS_GROUP = '各乡镇(街道)';
