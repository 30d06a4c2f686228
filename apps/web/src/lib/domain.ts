// The one place the console touches @cradle/domain, so its labels and rules reach the UI
// through a single seam: label tables feed the i18n resources, the rest is re-exported.
import {
  CANONICAL_FIELDS,
  CAUSE_CATEGORIES,
  DEATH_PLACES,
  DEPARTMENTS,
  LIFE_EVENT_KINDS,
  causeCategoryLabel,
  deathPlaceLabel,
  lifeEventKindLabel,
  REGION_LEVELS,
  RELATIONS_TO_HEAD,
  ROLES,
  departmentLabel,
  fieldLabel,
  idKindLabel,
  regionLevelLabel,
  relationToHeadLabel,
  roleLabel,
  CONTACT_ROLES,
  FAMILY_SIZE_PURPOSES,
  SPECIAL_FAMILY_KINDS,
  SPECIAL_FAMILY_NEEDS,
  SPECIAL_FAMILY_SERVICE_KINDS,
  VISIT_KINDS,
  contactRoleLabel,
  familySizePurposeLabel,
  specialFamilyKindLabel,
  specialFamilyNeedLabel,
  specialFamilyServiceLabel,
  specialFamilyStatusLabel,
  visitKindLabel,
  type Message,
  AGE_GROUPS,
  AGE_GROUP_RULES,
  FILING_KINDS,
  FILING_STATES,
  INSTITUTION_STATUSES,
  INSTITUTION_TYPES,
  OPERATOR_FORMS,
  REGISTRATION_AUTHORITIES,
  STAFF_POSTS,
  filingKindLabel,
  filingStateLabel,
  institutionStatusLabel,
  institutionTypeLabel,
  operatorFormLabel,
  registrationAuthorityLabel,
  staffPostLabel,
} from '@cradle/domain';

export {
  QUALITY_TARGETS,
  canWrite,
  fen,
  formatYuan,
  isWithinJurisdiction,
  judgeSexRatio,
  normalizeIdNumber,
  parseIdNumber,
  pick,
} from '@cradle/domain';
export type { CanonicalField, Department, Fen } from '@cradle/domain';
// Life events (issue 13): who records which kinds, the maternal age bounds the server applies.
export { CAUSE_CATEGORIES, DEATH_PLACES, kindsOfDepartment, mayRecordMaternal } from '@cradle/domain';
export type { LifeEventKind } from '@cradle/domain';
// Benefits: the scheme definitions and review rules the server runs, so the console asks for
// the declarations a scheme needs and offers only the review steps the server would take.
export { applicationFactKeys, chinaDateOf, findBuiltInScheme, periodOn, reviewLevelOf } from '@cradle/domain';
// Take-up rates in basis points, read and written as exact percentages.
export { basisPointsToPercent, percentToBasisPoints } from '@cradle/domain';
export type { SchemeDefinition } from '@cradle/domain';

// Special families (issue 16): the lists the forms offer and who may ask the family-size check.
export {
  CONTACT_ROLES,
  FAMILY_SIZE_CHECK_DEPARTMENTS,
  FAMILY_SIZE_PURPOSES,
  SPECIAL_FAMILY_KINDS,
  SPECIAL_FAMILY_NEEDS,
  SPECIAL_FAMILY_SERVICE_KINDS,
  VISIT_INTERVALS,
  VISIT_KINDS,
} from '@cradle/domain';

type Side = 'zh' | 'en';
const FILE_STATUSES = ['proposed', 'confirmed', 'rejected', 'ended'] as const;

function table<K extends string>(keys: readonly K[], label: (k: K) => Message, side: Side): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, label(k)[side]])) as Record<K, string>;
}

const ID_KINDS = ['resident', 'foreignPermanentResident', 'hkMacaoTaiwanResidencePermit'] as const;

/** Label tables from the domain package, merged into one language's i18n resources. */
export function domainMessages(side: Side) {
  return {
    roles: table(ROLES, roleLabel, side),
    departments: table(DEPARTMENTS, departmentLabel, side),
    regionLevels: table(REGION_LEVELS, regionLevelLabel, side),
    idKinds: table(ID_KINDS, idKindLabel, side),
    fields: table(CANONICAL_FIELDS, fieldLabel, side),
    relationsToHead: table(RELATIONS_TO_HEAD, relationToHeadLabel, side),
    lifeEventKinds: table(LIFE_EVENT_KINDS, lifeEventKindLabel, side),
    deathPlaces: table(DEATH_PLACES, deathPlaceLabel, side),
    causeCategories: table(CAUSE_CATEGORIES, causeCategoryLabel, side),
    specialFamilyKinds: table(SPECIAL_FAMILY_KINDS, specialFamilyKindLabel, side),
    specialFamilyStatuses: table(FILE_STATUSES, specialFamilyStatusLabel, side),
    contactRoles: table(CONTACT_ROLES, contactRoleLabel, side),
    specialFamilyNeeds: table(SPECIAL_FAMILY_NEEDS, specialFamilyNeedLabel, side),
    specialFamilyServices: table(SPECIAL_FAMILY_SERVICE_KINDS, specialFamilyServiceLabel, side),
    visitKinds: table(VISIT_KINDS, visitKindLabel, side),
    familySizePurposes: table(FAMILY_SIZE_PURPOSES, familySizePurposeLabel, side),
    // Childcare (issue 14): types, forms, class age groups, posts, filing states.
    institutionTypes: table(INSTITUTION_TYPES, institutionTypeLabel, side),
    operatorForms: table(OPERATOR_FORMS, operatorFormLabel, side),
    registrationAuthorities: table(REGISTRATION_AUTHORITIES, registrationAuthorityLabel, side),
    ageGroups: table(AGE_GROUPS, (g) => AGE_GROUP_RULES[g].label, side),
    staffPosts: table(STAFF_POSTS, staffPostLabel, side),
    filingKinds: table(FILING_KINDS, filingKindLabel, side),
    filingStates: table(FILING_STATES, filingStateLabel, side),
    institutionStatuses: table(INSTITUTION_STATUSES, institutionStatusLabel, side),
  };
}
// Monitoring (issue 13): the catalogue, the built-in plans and the reported items' names.
export { BUILT_IN_PLANS, findIndicator, INDICATORS, REPORTED_ITEM_LABELS } from '@cradle/domain';
export type { IndicatorDefinition, Plan, ReportedItem } from '@cradle/domain';
// Childcare (issue 14): the class rules and the credit-code check the server applies, so the form
// says what the standard allows before it is sent.
export {
  AGE_GROUPS,
  AGE_GROUP_RULES,
  INSTITUTION_TYPES,
  OPERATOR_FORMS,
  REGISTRATION_AUTHORITIES,
  STAFF_POSTS,
  parseUscc,
} from '@cradle/domain';
export type { AgeGroup } from '@cradle/domain';
// Childcare supervision (issue 14): the checklists and the words of ratings, incidents and rectifications.
export {
  CHECKLISTS,
  INCIDENT_SEVERITIES,
  INSPECTION_AREAS,
  RATING_GRADES,
  checklistItemLabel,
  checklistOf,
  incidentSeverityLabel,
  inspectionAreaLabel,
  ratingGradeLabel,
  rectificationStateLabel,
  supervisionReachOf,
} from '@cradle/domain';
export type { InspectionArea, Message, RatingGrade, SupervisionReach } from '@cradle/domain';
