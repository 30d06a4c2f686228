import type { Message } from '../messages.js';
import type { SpecialFamilyNeed, SpecialFamilyStatus } from '../benefits/scheme.js';

export type { SpecialFamilyNeed };

// 计划生育特殊家庭 (glossary specialFamily): the kinds, the file's states, the contacts, needs,
// services and visits a file carries (REQUIREMENTS A9 #82–#91, B7, C4).

/** 失独 (`bereaved`) or 伤残 (`disabledChild`): the same two statuses the special assistance pays (001 m21). */
export type SpecialFamilyKind = SpecialFamilyStatus;
export const SPECIAL_FAMILY_KINDS: readonly SpecialFamilyKind[] = ['bereaved', 'disabledChild'];

/** A file's state: a township proposes, the county confirms or rejects (C4 "confirmed by the county"); a confirmed file may end. */
export type SpecialFamilyFileStatus = 'proposed' | 'confirmed' | 'rejected' | 'ended';

/**
 * The contacts: 001 m23 and 004 (二十二) name "'双岗'联系人制度", 002 二(七)3 the "'3+X'联系人制度". Who the
 * two are is not in the seeds (B7 "Not in the seeds"); Cradle reads them as a township or village
 * worker and a family doctor (the glossary's dualContacts), and lets 002's "X" add others.
 */
export type ContactRole = 'worker' | 'doctor' | 'other';
export const CONTACT_ROLES: readonly ContactRole[] = ['worker', 'doctor', 'other'];

/** Needs to flag (C4): the type lives with the benefits rules that read it (`specialFamilyNeed`). */
export const SPECIAL_FAMILY_NEEDS: readonly SpecialFamilyNeed[] = [
  'elderly',
  'seriouslyIll',
  'severelyDisabled',
  'disabled',
  'dementia',
  'livingAlone',
  'housingHardship',
  'subsistence',
  'nearSubsistence',
];

/** Services received (C4; 001 m22–m23, 004 (二十二)). */
export type SpecialFamilyServiceKind =
  | 'familyDoctorContract'
  | 'greenChannel'
  | 'warmHomeActivity'
  | 'careHomePlacement'
  | 'publicHousing'
  | 'dependantPlacement';
export const SPECIAL_FAMILY_SERVICE_KINDS: readonly SpecialFamilyServiceKind[] = [
  'familyDoctorContract',
  'greenChannel',
  'warmHomeActivity',
  'careHomePlacement',
  'publicHousing',
  'dependantPlacement',
];

/** Visit kinds (C4; 004 (二十二), annex 2 #27; 002 二(七)3; 001 m23). */
export type VisitKind = 'condolence' | 'patrol' | 'festival' | 'emotionalSupport' | 'counselling' | 'healthService';
export const VISIT_KINDS: readonly VisitKind[] = [
  'condolence',
  'patrol',
  'festival',
  'emotionalSupport',
  'counselling',
  'healthService',
];

const KIND_LABELS: Record<SpecialFamilyKind, Message> = {
  bereaved: { zh: '失独', en: 'Only child died' },
  disabledChild: { zh: '伤残', en: 'Only child disabled' },
};
const STATUS_LABELS: Record<SpecialFamilyFileStatus, Message> = {
  proposed: { zh: '待县级确认', en: 'Awaiting county confirmation' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  rejected: { zh: '未予确认', en: 'Not confirmed' },
  ended: { zh: '已终止', en: 'Ended' },
};
const ROLE_LABELS: Record<ContactRole, Message> = {
  worker: { zh: '乡村联系人', en: 'Township or village contact' },
  doctor: { zh: '家庭医生', en: 'Family doctor' },
  other: { zh: '其他联系人', en: 'Other contact' },
};
const NEED_LABELS: Record<SpecialFamilyNeed, Message> = {
  elderly: { zh: '高龄', en: 'Very old' },
  seriouslyIll: { zh: '重病', en: 'Seriously ill' },
  severelyDisabled: { zh: '重残', en: 'Severely disabled' },
  disabled: { zh: '失能', en: 'Cannot look after themselves' },
  dementia: { zh: '失智', en: 'Dementia' },
  livingAlone: { zh: '独居', en: 'Living alone' },
  housingHardship: { zh: '住房困难', en: 'Housing hardship' },
  subsistence: { zh: '低保或特困', en: 'Subsistence allowance or extreme poverty support' },
  nearSubsistence: { zh: '低保边缘或返贫致贫风险', en: 'Near the subsistence line, or at risk of poverty' },
};
const SERVICE_LABELS: Record<SpecialFamilyServiceKind, Message> = {
  familyDoctorContract: { zh: '家庭医生签约', en: 'Family doctor contract' },
  greenChannel: { zh: '就医绿色通道', en: 'Medical green channel' },
  warmHomeActivity: { zh: '暖心家园活动', en: 'Warm home activity' },
  careHomePlacement: { zh: '入住公办养老机构', en: 'Place in a public care home' },
  publicHousing: { zh: '公租房优先配租', en: 'Public rental housing priority' },
  dependantPlacement: { zh: '遗属托管安置', en: 'Care of dependants after the parents die' },
};
const VISIT_LABELS: Record<VisitKind, Message> = {
  condolence: { zh: '走访慰问', en: 'Condolence visit' },
  patrol: { zh: '巡访', en: 'Regular call' },
  festival: { zh: '重大节日送温暖', en: 'Festival visit' },
  emotionalSupport: { zh: '精神慰藉', en: 'Emotional support' },
  counselling: { zh: '心理咨询', en: 'Counselling' },
  healthService: { zh: '健康服务', en: 'Health service' },
};

export const specialFamilyKindLabel = (k: SpecialFamilyKind): Message => KIND_LABELS[k];
export const specialFamilyStatusLabel = (s: SpecialFamilyFileStatus): Message => STATUS_LABELS[s];
export const contactRoleLabel = (r: ContactRole): Message => ROLE_LABELS[r];
export const specialFamilyNeedLabel = (n: SpecialFamilyNeed): Message => NEED_LABELS[n];
export const specialFamilyServiceLabel = (s: SpecialFamilyServiceKind): Message => SERVICE_LABELS[s];
export const visitKindLabel = (k: VisitKind): Message => VISIT_LABELS[k];
