import { Type, type Static } from 'typebox';
import type {
  AgeGroup,
  FilingKind,
  FilingState,
  InstitutionStatus,
  InstitutionType,
  OperatorForm,
  RegistrationAuthority,
  StaffPost,
} from '@cradle/domain';
import { DateString, DeadlineState, Id, Int, Message, Nullable, PageNumber, Paged, Text } from './common.js';

// Childcare institutions and their filing (备案, issue 14): what an institution files, what the
// county's queue shows, and what the public disclosure (信息公示) lists. Money in integer fen.

const Code = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>(
    Type.Union(
      values.map((v) => Type.Literal(v)),
      { description },
    ),
  );

const AUTHORITIES: RegistrationAuthority[] = ['staffing', 'civilAffairs', 'marketRegulation'];
const TYPES: InstitutionType[] = [
  'community',
  'demonstration',
  'comprehensiveCentre',
  'workplace',
  'familyPoint',
  'kindergartenClass',
];
const FORMS: OperatorForm[] = ['public', 'private', 'publicBuiltPrivateRun', 'privateWithPublicAid'];
const AGE_GROUPS: AgeGroup[] = ['infant', 'youngToddler', 'oldToddler', 'mixed'];
const POSTS: StaffPost[] = ['head', 'carer', 'healthWorker', 'security', 'cook', 'other'];
const KINDS: FilingKind[] = ['filing', 'change', 'closure'];
const STATES: FilingState[] = ['received', 'filed', 'sentBack', 'resubmitted'];
const STATUSES: InstitutionStatus[] = ['pending', 'filed', 'closed'];

export const RegistrationAuthorityCode = Code(AUTHORITIES, '1 编制 / 5 民政 / 9 市场监管 (GB 32100-2015)');
export const InstitutionTypeCode = Code(TYPES, 'seed 004 (十二)');
export const OperatorFormCode = Code(FORMS, '公办 / 民办 / 公建民营 / 民办公助');
export const AgeGroupCode = Code(AGE_GROUPS, '乳儿班 / 托小班 / 托大班 / 混合班');
export const StaffPostCode = Code(POSTS, 'a staff post');
export const FilingKindCode = Code(KINDS, 'filing, change or closure');
export const FilingStateCode = Code(STATES, 'received → filed or sentBack; sentBack → resubmitted');
export const InstitutionStatusCode = Code(STATUSES, 'pending, filed or closed');

export const ChildcareClassInput = Type.Object({
  name: Text({ minLength: 1, maxLength: 50 }),
  ageGroup: AgeGroupCode,
  capacity: Int(1, 1000),
  enrolled: Int(0, 1000),
  carers: Int(0, 100),
});
export type ChildcareClassInput = Static<typeof ChildcareClassInput>;

export const ChildcareStaffInput = Type.Object({
  name: Text({ minLength: 1, maxLength: 50 }),
  post: StaffPostCode,
  qualification: Text({ maxLength: 100 }),
  healthCertificateNo: Text({ minLength: 1, maxLength: 50 }),
  healthCertificateIssuedOn: DateString,
  healthCertificateValidUntil: DateString,
});
export type ChildcareStaffInput = Static<typeof ChildcareStaffInput>;

/** What an institution files, whole, with each version. */
export const FilingContentBody = Type.Object({
  name: Text({ minLength: 1, maxLength: 100 }),
  uscc: Text({ maxLength: 40, description: '统一社会信用代码, 18 characters (GB 32100-2015)' }),
  registrationAuthority: RegistrationAuthorityCode,
  type: InstitutionTypeCode,
  operatorForm: OperatorFormCode,
  regionCode: Type.String({ pattern: '^\\d{9}(\\d{3})?$', description: 'the township or village of the premises' }),
  address: Text({ minLength: 1, maxLength: 200 }),
  premisesArea: Int(1, 1_000_000, { description: 'm²' }),
  establishedOn: DateString,
  slots: Int(1, 10_000),
  affordableSlots: Int(0, 10_000),
  monthlyFeeFen: Int(0, 100_000_000, { description: 'per child per month, fen' }),
  affordableFeeFen: Nullable(Int(0, 100_000_000, { description: 'per affordable slot per month, fen' })),
  classes: Type.Array(ChildcareClassInput, { maxItems: 50 }),
  staff: Type.Array(ChildcareStaffInput, { maxItems: 300 }),
});
export type FilingContentBody = Static<typeof FilingContentBody>;

export const FilingSubmitBody = Type.Object({
  /** Absent for a new institution; its id for a change or a correction. */
  institutionId: Type.Optional(Id()),
  content: FilingContentBody,
  documentIds: Type.Optional(Type.Array(Id(), { maxItems: 20 })),
});
export type FilingSubmitBody = Static<typeof FilingSubmitBody>;

export const ClosureBody = Type.Object({
  closedOn: DateString,
  reason: Text({ minLength: 1, maxLength: 500 }),
  /** 应急处置: where the children enrolled went. */
  childrenPlacement: Text({ minLength: 1, maxLength: 1000 }),
});
export type ClosureBody = Static<typeof ClosureBody>;

export const SendBackBody = Type.Object({ reason: Text({ minLength: 1, maxLength: 1000 }) });
export type SendBackBody = Static<typeof SendBackBody>;

export const ChildcareStaffView = Type.Object({
  /** Whole for the institution and the reviewer; masked (张*华) for other readers. */
  name: Type.String(),
  post: StaffPostCode,
  qualification: Type.String(),
  healthCertificateNo: Type.String(),
  healthCertificateIssuedOn: Type.String(),
  healthCertificateValidUntil: Type.String(),
});
export type ChildcareStaffView = Static<typeof ChildcareStaffView>;

export const ChildcareClassView = Type.Object({
  name: Type.String(),
  ageGroup: AgeGroupCode,
  capacity: Type.Integer(),
  enrolled: Type.Integer(),
  carers: Type.Integer(),
});
export type ChildcareClassView = Static<typeof ChildcareClassView>;

export const ClosureView = Type.Object({
  closedOn: Type.String(),
  reason: Type.String(),
  childrenPlacement: Type.String(),
});
export type ClosureView = Static<typeof ClosureView>;

export const ChildcareDocumentView = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  mediaType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
});
export type ChildcareDocumentView = Static<typeof ChildcareDocumentView>;

/** What a version filed, besides its classes and staff. */
export const FilingContentView = Type.Object({
  name: Type.String(),
  uscc: Type.String(),
  registrationAuthority: RegistrationAuthorityCode,
  type: InstitutionTypeCode,
  operatorForm: OperatorFormCode,
  regionCode: Type.String(),
  address: Type.String(),
  premisesArea: Type.Integer(),
  establishedOn: Type.String(),
  slots: Type.Integer(),
  affordableSlots: Type.Integer(),
  monthlyFeeFen: Type.Integer(),
  affordableFeeFen: Nullable(Type.Integer()),
});
export type FilingContentView = Static<typeof FilingContentView>;

export const FilingVersionView = Type.Object({
  id: Type.Integer(),
  version: Type.Integer(),
  kind: FilingKindCode,
  state: FilingStateCode,
  receivedOn: Type.String(),
  reviewDeadline: Type.String(),
  /** Against the review deadline while it awaits the county; null once decided. */
  reviewState: Nullable(DeadlineState),
  decidedOn: Nullable(Type.String()),
  decidedByName: Nullable(Type.String()),
  sendBackReason: Nullable(Type.String()),
  correctionDeadline: Nullable(Type.String()),
  /** Against the correction deadline while sent back; null otherwise. */
  correctionState: Nullable(DeadlineState),
  submittedByName: Type.String(),
  submittedAt: Type.String(),
  content: FilingContentView,
  classes: Type.Array(ChildcareClassView),
  staff: Type.Array(ChildcareStaffView),
  documents: Type.Array(ChildcareDocumentView),
  closure: Nullable(ClosureView),
});
export type FilingVersionView = Static<typeof FilingVersionView>;

export const InstitutionDetail = Type.Object({
  id: Type.Integer(),
  uscc: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  status: InstitutionStatusCode,
  filingNo: Nullable(Type.String()),
  filedVersion: Nullable(Type.Integer()),
  closedOn: Nullable(Type.String()),
  /** Newest first: every filing, change and closure, and every correction. */
  versions: Type.Array(FilingVersionView),
});
export type InstitutionDetail = Static<typeof InstitutionDetail>;

export const InstitutionListItem = Type.Object({
  id: Type.Integer(),
  uscc: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  type: InstitutionTypeCode,
  operatorForm: OperatorFormCode,
  status: InstitutionStatusCode,
  filingNo: Nullable(Type.String()),
  slots: Type.Integer(),
  affordableSlots: Type.Integer(),
  enrolled: Type.Integer(),
  latestVersion: Type.Integer(),
  latestState: FilingStateCode,
  latestKind: FilingKindCode,
});
export type InstitutionListItem = Static<typeof InstitutionListItem>;

export const InstitutionQuery = Type.Object({
  status: Type.Optional(InstitutionStatusCode),
  page: PageNumber,
  pageSize: Int(1, 200, { default: 50 }),
});
export type InstitutionQuery = Static<typeof InstitutionQuery>;
export const InstitutionExportQuery = Type.Omit(InstitutionQuery, ['page', 'pageSize']);
export type InstitutionExportQuery = Static<typeof InstitutionExportQuery>;
export const InstitutionPage = Paged(InstitutionListItem);
export type InstitutionPage = Static<typeof InstitutionPage>;
export const InstitutionList = Type.Object({ items: Type.Array(InstitutionListItem) });
export type InstitutionList = Static<typeof InstitutionList>;

export const FilingQueueItem = Type.Object({
  id: Type.Integer(),
  institutionId: Type.Integer(),
  name: Type.String(),
  uscc: Type.String(),
  regionName: Type.String(),
  version: Type.Integer(),
  kind: FilingKindCode,
  state: FilingStateCode,
  receivedOn: Type.String(),
  reviewDeadline: Type.String(),
  reviewState: Nullable(DeadlineState),
  correctionDeadline: Nullable(Type.String()),
  correctionState: Nullable(DeadlineState),
  /** Its deadline has passed with nothing done: the county's review, or the institution's correction. */
  overdue: Type.Boolean(),
});
export type FilingQueueItem = Static<typeof FilingQueueItem>;

export const FilingQueueQuery = Type.Object({
  /** received (default): awaiting the county; sentBack: awaiting the institution's correction. */
  state: Type.Optional(FilingStateCode),
  page: PageNumber,
  pageSize: Int(1, 200, { default: 50 }),
});
export type FilingQueueQuery = Static<typeof FilingQueueQuery>;
export const FilingQueueExportQuery = Type.Omit(FilingQueueQuery, ['page', 'pageSize']);
export type FilingQueueExportQuery = Static<typeof FilingQueueExportQuery>;
export const FilingQueuePage = Paged(FilingQueueItem);
export type FilingQueuePage = Static<typeof FilingQueuePage>;

// ---- Public disclosure (信息公示): no sign-in, nothing personal ----

export const PublicInstitution = Type.Object({
  filingNo: Type.String(),
  name: Type.String(),
  type: InstitutionTypeCode,
  operatorForm: OperatorFormCode,
  address: Type.String(),
  affordable: Type.Boolean(),
  slots: Type.Integer(),
  affordableSlots: Type.Integer(),
  vacancies: Type.Integer(),
  monthlyFeeFen: Type.Integer(),
  affordableFeeFen: Nullable(Type.Integer()),
  filedOn: Type.String(),
  /** The latest yearly quality rating (等级评估), if any (childcare-supervision.ts). */
  rating: Type.Optional(Nullable(Type.Object({ year: Type.Integer(), grade: Type.String() }))),
});
export type PublicInstitution = Static<typeof PublicInstitution>;

export const PublicTownship = Type.Object({
  code: Type.String(),
  name: Type.String(),
  institutions: Type.Array(PublicInstitution),
});
export type PublicTownship = Static<typeof PublicTownship>;

export const PublicInstitutionQuery = Type.Object({
  county: Type.String({ pattern: '^\\d{6}$', description: 'the county code (GB/T 2260)' }),
});
export type PublicInstitutionQuery = Static<typeof PublicInstitutionQuery>;

export const PublicInstitutionList = Type.Object({
  county: Type.Object({ code: Type.String(), name: Type.String() }),
  townships: Type.Array(PublicTownship),
});
export type PublicInstitutionList = Static<typeof PublicInstitutionList>;

/** A refusal's rules, each with its clause (error code childcare.rules). */
export const RuleBreachView = Type.Object({
  rule: Type.String(),
  path: Type.String(),
  message: Message,
  citation: Message,
});
export type RuleBreachView = Static<typeof RuleBreachView>;

/** An institution account's own institutions, each with every version. */
export const OwnInstitutions = Type.Object({ items: Type.Array(InstitutionDetail) });
export type OwnInstitutions = Static<typeof OwnInstitutions>;
