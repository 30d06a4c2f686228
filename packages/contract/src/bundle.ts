import { Type, type Static } from 'typebox';
import {
  Nullable,
  Message,
  DeadlineState,
  RegionName,
  Id,
  Int,
  PageNumber,
  Text as SafeText,
  TextRecord,
} from './common.js';

// Request fields are plain strings with generous length caps: the domain's checks
// (validateNewbornBundle, checkCompletion) give each field its zh/en message, which a schema
// keyword could not. Caps are ours, well above any valid value, to bound the request.
const Text = (max: number) => SafeText({ maxLength: max });

/**
 * A parent: `personId` (the signed-in resident or their registry spouse; name and ID number then
 * come from the registry) or declared by name and ID number. One object, not a union: Fastify's
 * validator strips properties while trying union branches.
 */
export const BundleParentInput = Type.Object({
  personId: Type.Optional(Id()),
  name: Type.Optional(Text(100)),
  idNumber: Type.Optional(Text(40)),
  phone: Type.Optional(Nullable(Text(20))),
});
export type BundleParentInput = Static<typeof BundleParentInput>;

export const NewbornBundleBody = Type.Object({
  newborn: Type.Object({
    name: Text(100),
    sex: Text(10),
    birthDate: Text(20),
    birthTime: Text(10),
    birthPlace: Text(300),
    hospitalName: Text(300),
  }),
  mother: BundleParentInput,
  father: Type.Optional(Nullable(BundleParentInput)),
  hukouRegionCode: Text(20),
  services: Type.Array(Text(40), { maxItems: 10 }),
  existingBirthCertificateNo: Type.Optional(Nullable(Text(40))),
  existingNewbornIdNumber: Type.Optional(Nullable(Text(40))),
  /** A completed childbirth registration (生育登记) of the same resident, linked for reference. */
  registrationId: Type.Optional(Id()),
});
export type NewbornBundleBody = Static<typeof NewbornBundleBody>;

export const CorrectionBody = Type.Object({
  service: Text(40),
  /** New values of the fields the department returned, by dot path (e.g. `newborn.name`). */
  corrections: TextRecord({ maxLength: 40 }, Nullable(Text(300)), { maxProperties: 20 }),
});
export type CorrectionBody = Static<typeof CorrectionBody>;

export const ParentRole = Type.Union([Type.Literal('mother'), Type.Literal('father')]);
export type ParentRole = Static<typeof ParentRole>;

/** What a department recorded, as the family and other departments may see it: ID numbers masked. */
export const TaskResult = Type.Object({
  certificateNo: Type.Optional(Type.String()),
  recordNo: Type.Optional(Nullable(Type.String())),
  newbornIdMasked: Type.Optional(Type.String()),
  newbornPersonId: Type.Optional(Type.Integer()),
  enrolledOn: Type.Optional(Type.String({ format: 'date' })),
  lateEnrolment: Type.Optional(Type.Boolean()),
  cardNo: Type.Optional(Nullable(Type.String())),
  /** issued: the card number is known; applied: accepted, the card is being made (our reading). */
  cardStatus: Type.Optional(Type.Union([Type.Literal('applied'), Type.Literal('issued')])),
  /** Hukou, staff only: declared parents who matched the registry but were not confirmed, so not linked. */
  parentsNotLinked: Type.Optional(Type.Array(Type.Object({ role: ParentRole, message: Message }))),
});
export type TaskResult = Static<typeof TaskResult>;

export const TaskStatus = Type.Union([
  Type.Literal('waiting'),
  Type.Literal('pending'),
  Type.Literal('returned'),
  Type.Literal('done'),
]);
export type TaskStatus = Static<typeof TaskStatus>;

export const BundleTaskView = Type.Object({
  id: Type.Integer(),
  service: Type.String(),
  label: Message,
  department: Type.String(),
  departmentLabel: Message,
  status: TaskStatus,
  /** The department's working-day deadline while the task is with it; null otherwise. */
  deadline: Nullable(Type.String({ format: 'date' })),
  deadlineState: Nullable(DeadlineState),
  /** Medical insurance only: the last of the 90 days that cover costs from birth (issue 4). */
  enrolmentDeadline: Nullable(Type.String({ format: 'date' })),
  /** Medical insurance: enrolment was after the 90 days (done), or would be if made today (open). */
  late: Type.Boolean(),
  returnReason: Nullable(Type.String()),
  fieldsToFix: Type.Array(Type.String()),
  result: Nullable(TaskResult),
  completedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type BundleTaskView = Static<typeof BundleTaskView>;

export const BundleParentView = Type.Object({
  name: Type.String(),
  idMasked: Type.String(),
  personId: Nullable(Type.Integer()),
});

export const PendingEntitlementView = Type.Object({
  schemeCode: Type.String(),
  schemeName: Message,
  firstPeriodKey: Type.String(),
  amountFen: Type.Integer(),
});

export const BundleStatus = Type.Union([
  Type.Literal('inProgress'),
  Type.Literal('returned'),
  Type.Literal('completed'),
]);
export type BundleStatus = Static<typeof BundleStatus>;

export const NewbornBundle = Type.Object({
  id: Type.Integer(),
  bundleNo: Type.String(),
  status: BundleStatus,
  submittedAt: Type.String({ format: 'date-time' }),
  completedAt: Nullable(Type.String({ format: 'date-time' })),
  newborn: Type.Object({
    name: Type.String(),
    sex: Type.String(),
    birthDate: Type.String({ format: 'date' }),
    birthTime: Type.String(),
    birthPlace: Type.String(),
    hospitalName: Type.String(),
    idMasked: Nullable(Type.String()),
    personId: Nullable(Type.Integer()),
  }),
  mother: BundleParentView,
  father: Nullable(BundleParentView),
  hukouRegion: RegionName,
  services: Type.Array(Type.String()),
  existingBirthCertificateNo: Nullable(Type.String()),
  registrationId: Nullable(Type.Integer()),
  tasks: Type.Array(BundleTaskView),
  /** 免申即享: what proactive schemes granted the newborn once registered (benefits/newborn-entitlements.ts). */
  entitlements: Type.Array(PendingEntitlementView),
});
export type NewbornBundle = Static<typeof NewbornBundle>;

/** A bundle without its tasks and entitlements, as a department's task shows it. */
export const NewbornBundleView = Type.Omit(NewbornBundle, ['tasks', 'entitlements']);
export type NewbornBundleView = Static<typeof NewbornBundleView>;

export const NewbornBundleSummary = Type.Object({
  id: Type.Integer(),
  bundleNo: Type.String(),
  status: BundleStatus,
  newbornName: Type.String(),
  submittedAt: Type.String({ format: 'date-time' }),
  completedAt: Nullable(Type.String({ format: 'date-time' })),
  tasks: Type.Array(Type.Object({ service: Type.String(), label: Message, status: TaskStatus })),
});
export type NewbornBundleSummary = Static<typeof NewbornBundleSummary>;

// Staff: a department operator's queue.

export const TaskQueueQuery = Type.Object({
  service: Type.Optional(Text(40)),
  status: Type.Optional(TaskStatus),
  deadline: Type.Optional(DeadlineState),
  /** Bundle number, newborn's or mother's name. */
  q: Type.Optional(Text(50)),
  /** County administrators and leaders, who see every department, may narrow to one. */
  department: Type.Optional(Text(40)),
  page: PageNumber,
  pageSize: Int(1, 100, { default: 20 }),
});
export type TaskQueueQuery = Static<typeof TaskQueueQuery>;
/** The queue's filters without paging: an export holds every task they match. */
export const TaskExportQuery = Type.Omit(TaskQueueQuery, ['page', 'pageSize']);
export type TaskExportQuery = Static<typeof TaskExportQuery>;

export const TaskQueueRow = Type.Object({
  id: Type.Integer(),
  bundleId: Type.Integer(),
  bundleNo: Type.String(),
  service: Type.String(),
  label: Message,
  department: Type.String(),
  status: TaskStatus,
  deadline: Nullable(Type.String({ format: 'date' })),
  deadlineState: Nullable(DeadlineState),
  enrolmentDeadline: Nullable(Type.String({ format: 'date' })),
  late: Type.Boolean(),
  newbornName: Type.String(),
  birthDate: Type.String({ format: 'date' }),
  motherName: Type.String(),
  hukouRegion: RegionName,
  submittedAt: Type.String({ format: 'date-time' }),
});
export type TaskQueueRow = Static<typeof TaskQueueRow>;

export const TaskQueue = Type.Object({
  items: Type.Array(TaskQueueRow),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  /** Per status over the whole queue (the service filter applies, the others do not). */
  counts: Type.Object({
    waiting: Type.Integer(),
    pending: Type.Integer(),
    returned: Type.Integer(),
    done: Type.Integer(),
  }),
  overdue: Type.Integer(),
});
export type TaskQueue = Static<typeof TaskQueue>;

/**
 * A parent the family declared by name and ID number, and the registry person that pair matches
 * (null: nobody), as public security needs it to confirm identity with the papers in hand.
 */
export const DeclaredParentMatch = Type.Object({
  role: ParentRole,
  declared: Type.Object({ name: Type.String(), idMasked: Type.String() }),
  registry: Nullable(
    Type.Object({
      name: Type.String(),
      sex: Type.String(),
      age: Type.Integer(),
      residenceRegion: RegionName,
      hukouRegion: RegionName,
      /** Children the registry links to them. */
      children: Type.Integer(),
    }),
  ),
});
export type DeclaredParentMatch = Static<typeof DeclaredParentMatch>;

export const TaskDetail = Type.Object({
  task: BundleTaskView,
  bundle: NewbornBundleView,
  /** From the bundle's own certificate task once done, or as the family gave it. */
  birthCertificateNo: Nullable(Type.String()),
  otherTasks: Type.Array(Type.Object({ service: Type.String(), label: Message, status: TaskStatus })),
  /**
   * Hukou, pending, to public security only: the declared parents and their registry matches. A
   * match is linked only when the completion says `confirmDeclaredParents`. Empty otherwise.
   */
  declaredParents: Type.Array(DeclaredParentMatch),
});
export type TaskDetail = Static<typeof TaskDetail>;

/** A completion: the fields of the task's service (checkCompletion); the others are ignored. */
export const TaskCompleteBody = Type.Object({
  certificateNo: Type.Optional(Text(40)),
  recordNo: Type.Optional(Nullable(Text(40))),
  idNumber: Type.Optional(Text(40)),
  enrolledOn: Type.Optional(Text(20)),
  cardNo: Type.Optional(Nullable(Text(40))),
  /** Hukou: the officer checked the papers of the declared parents the task shows; link their registry matches. */
  confirmDeclaredParents: Type.Optional(Type.Boolean()),
});
export type TaskCompleteBody = Static<typeof TaskCompleteBody>;

export const ReturnBody = Type.Object({
  // Our cap: a reason is a sentence or two the family reads in an SMS.
  reason: Text(200),
  fields: Type.Array(Text(40), { maxItems: 20 }),
});

/** Our cap on one bulk action: a page of the console's queue. */
export const TASK_BULK_MAX = 100;
export const TaskBulkCompleteBody = Type.Object({
  ids: Type.Array(Id(), {
    minItems: 1,
    maxItems: TASK_BULK_MAX,
  }),
});

export const TaskBulkCompleteResult = Type.Object({
  results: Type.Array(
    Type.Object({
      id: Type.Integer(),
      outcome: Type.Union([Type.Literal('done'), Type.Literal('skipped')]),
      code: Nullable(Type.String()),
      reason: Nullable(Type.String()),
    }),
  ),
});

export type PendingEntitlementView = Static<typeof PendingEntitlementView>;
export type ReturnBody = Static<typeof ReturnBody>;
export type TaskBulkCompleteBody = Static<typeof TaskBulkCompleteBody>;
export type TaskBulkCompleteResult = Static<typeof TaskBulkCompleteResult>;
export type BundleParentView = Static<typeof BundleParentView>;
