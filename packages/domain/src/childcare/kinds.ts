import type { Message } from '../messages.js';

// Seed 004 (十二) names the types (社区托育服务机构 主体, 示范性 标杆, 托育综合服务中心 支撑,
// 工作场所托育设施 and 家庭托育点 补充) and 幼儿园托班 for 2—3 year-olds; 001 m10 and 004 (十二)
// name the operator forms 公建民营、民办公助 beside 公办 and 民办 (REQUIREMENTS A5 #44).
export const INSTITUTION_TYPES = [
  'community',
  'demonstration',
  'comprehensiveCentre',
  'workplace',
  'familyPoint',
  'kindergartenClass',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];
const TYPE_LABELS: Record<InstitutionType, Message> = {
  community: { zh: '社区托育服务机构', en: 'Community childcare centre' },
  demonstration: { zh: '示范性托育服务机构', en: 'Demonstration childcare centre' },
  comprehensiveCentre: { zh: '托育综合服务中心', en: 'Comprehensive childcare service centre' },
  workplace: { zh: '工作场所托育设施', en: 'Workplace childcare facility' },
  familyPoint: { zh: '家庭托育点', en: 'Family childcare point' },
  kindergartenClass: { zh: '幼儿园托班', en: 'Kindergarten nursery class' },
};
export const institutionTypeLabel = (t: InstitutionType): Message => TYPE_LABELS[t];
export const isInstitutionType = (v: string): v is InstitutionType => Object.hasOwn(TYPE_LABELS, v);

export const OPERATOR_FORMS = ['public', 'private', 'publicBuiltPrivateRun', 'privateWithPublicAid'] as const;
export type OperatorForm = (typeof OPERATOR_FORMS)[number];
const FORM_LABELS: Record<OperatorForm, Message> = {
  public: { zh: '公办', en: 'Public' },
  private: { zh: '民办', en: 'Private' },
  publicBuiltPrivateRun: { zh: '公建民营', en: 'Publicly built, privately run' },
  privateWithPublicAid: { zh: '民办公助', en: 'Private with public aid' },
};
export const operatorFormLabel = (f: OperatorForm): Message => FORM_LABELS[f];
export const isOperatorForm = (v: string): v is OperatorForm => Object.hasOwn(FORM_LABELS, v);

/** What a filing version records: the first filing, a change of what was filed, or the closure. */
export const FILING_KINDS = ['filing', 'change', 'closure'] as const;
export type FilingKind = (typeof FILING_KINDS)[number];
const KIND_LABELS: Record<FilingKind, Message> = {
  filing: { zh: '备案', en: 'Filing' },
  change: { zh: '变更备案', en: 'Change' },
  closure: { zh: '终止备案（关停）', en: 'Closure' },
};
export const filingKindLabel = (k: FilingKind): Message => KIND_LABELS[k];

/**
 * A version's state: received (awaiting the county), filed (done), sentBack (returned with the
 * problems; the institution corrects within its deadline), resubmitted (a sent-back version
 * whose correction arrived as the next version).
 */
export const FILING_STATES = ['received', 'filed', 'sentBack', 'resubmitted'] as const;
export type FilingState = (typeof FILING_STATES)[number];
const STATE_LABELS: Record<FilingState, Message> = {
  received: { zh: '待审核', en: 'Received' },
  filed: { zh: '已备案', en: 'Filed' },
  sentBack: { zh: '已退回待补正', en: 'Sent back' },
  resubmitted: { zh: '已补正重报', en: 'Resubmitted' },
};
export const filingStateLabel = (s: FilingState): Message => STATE_LABELS[s];

/** The institution as the public and the county see it. */
export const INSTITUTION_STATUSES = ['pending', 'filed', 'closed'] as const;
export type InstitutionStatus = (typeof INSTITUTION_STATUSES)[number];
const STATUS_LABELS: Record<InstitutionStatus, Message> = {
  pending: { zh: '未完成备案', en: 'Not yet filed' },
  filed: { zh: '已备案', en: 'Filed' },
  closed: { zh: '已关停', en: 'Closed' },
};
export const institutionStatusLabel = (s: InstitutionStatus): Message => STATUS_LABELS[s];

/** Staff posts an institution files (托育机构设置标准(试行) 2019, 第三章 人员规模: 负责人、保育人员、保健人员、保安人员 and others). */
export const STAFF_POSTS = ['head', 'carer', 'healthWorker', 'security', 'cook', 'other'] as const;
export type StaffPost = (typeof STAFF_POSTS)[number];
const POST_LABELS: Record<StaffPost, Message> = {
  head: { zh: '负责人', en: 'Head' },
  carer: { zh: '保育人员', en: 'Carer' },
  healthWorker: { zh: '保健人员', en: 'Health worker' },
  security: { zh: '保安人员', en: 'Security guard' },
  cook: { zh: '炊事人员', en: 'Cook' },
  other: { zh: '其他人员', en: 'Other staff' },
};
export const staffPostLabel = (p: StaffPost): Message => POST_LABELS[p];
