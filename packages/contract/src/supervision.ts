import { Type, type Static } from 'typebox';
import {
  REPORT_PERIOD_PATTERN,
  type MemberPosition,
  type Rag,
  type TaskRole,
  type KeyTaskStatus,
  type UnitKind,
} from '@cradle/domain';
import { DateString, DateTimeString, Id, Message, Nullable, SAFE_TEXT_PATTERN, Text } from './common.js';

// Plan supervision (issue 15): the unit directory, key tasks with their units, progress reports
// and their review, the task board, and the joint meeting with its decisions.

const Code = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>(
    Type.Union(
      values.map((v) => Type.Literal(v)),
      { description },
    ),
  );

const KINDS: UnitKind[] = [
  'government',
  'partyCommittee',
  'department',
  'verticalBranch',
  'massOrganization',
  'publicInstitution',
  'township',
  'legislativeJudicial',
];
const POSITIONS: MemberPosition[] = ['convener', 'deputyConvener', 'member'];
const ROLES: TaskRole[] = ['lead', 'support', 'implementing'];
const STATUSES: KeyTaskStatus[] = ['onTrack', 'dueSoon', 'overdue', 'done'];
const RAGS: Rag[] = ['green', 'amber', 'red'];

export const UnitKindCode = Code(KINDS, 'the kind of unit');
export const MemberPositionCode = Code(POSITIONS, '召集人 / 副召集人 / 成员 (004 annex 1)');
export const TaskRoleCode = Code(ROLES, '牵头 / 配合 / 落实');
export const TaskStatusCode = Code(STATUSES, 'by rule: done, overdue, due soon (30 days), on track');
export const RagCode = Code(RAGS, 'red, amber, green');
export const ReportStateCode = Code(['submitted', 'accepted', 'sentBack'] as const, 'a report’s review state');
export const MeetingKindCode = Code(['plenary', 'topical'] as const, '全体会议 / 专题会议');
export const TaskSourceCode = Code(
  ['plan', 'decision', 'selfEvaluation', 'office'] as const,
  'where the task comes from',
);

const Seat = Type.Object({
  id: Type.Integer(),
  position: MemberPositionCode,
  post: Type.String(),
  sinceOn: Type.String(),
  untilOn: Nullable(Type.String()),
  note: Nullable(Type.String()),
});
export const UnitView = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  name: Type.String(),
  aliases: Type.Array(Type.String()),
  kind: UnitKindCode,
  department: Nullable(Type.String()),
  seats: Type.Array(Seat),
  liaisons: Type.Array(
    Type.Object({ userId: Type.Integer(), displayName: Type.String(), byDepartment: Type.Boolean() }),
  ),
});
export type UnitView = Static<typeof UnitView>;
export const UnitList = Type.Object({ items: Type.Array(UnitView) });
export type UnitList = Static<typeof UnitList>;

export const SeatChangeBody = Type.Object({
  position: MemberPositionCode,
  post: Text({ minLength: 1, maxLength: 50 }),
  sinceOn: DateString,
  note: Text({ minLength: 1, maxLength: 200, description: '报联席会议办公室备案: what changed' }),
});
export type SeatChangeBody = Static<typeof SeatChangeBody>;

// Naming a unit's liaison (联络员): a staff user of the county who may report (a department
// operator), beyond those its department maps to. The candidates are what the office may pick from.
export const LiaisonBody = Type.Object({ userId: Id({ description: 'the staff user named' }) });
export type LiaisonBody = Static<typeof LiaisonBody>;
export const LiaisonParams = Type.Object({ id: Id(), userId: Id() });
export type LiaisonParams = Static<typeof LiaisonParams>;
export const LiaisonCandidateList = Type.Object({
  items: Type.Array(
    Type.Object({ userId: Type.Integer(), displayName: Type.String(), department: Nullable(Type.String()) }),
  ),
});
export type LiaisonCandidateList = Static<typeof LiaisonCandidateList>;

const KeyTaskUnit = Type.Object({
  unitId: Type.Integer(),
  name: Type.String(),
  writtenAs: Type.String(),
  viaGroup: Nullable(Type.String()),
});
export type KeyTaskUnit = Static<typeof KeyTaskUnit>;

export const KeyTaskItem = Type.Object({
  id: Type.Integer(),
  number: Nullable(Type.Integer()),
  source: TaskSourceCode,
  section: Nullable(Type.String()),
  clause: Type.String(),
  text: Type.String(),
  leads: Type.Array(KeyTaskUnit),
  supports: Type.Array(KeyTaskUnit),
  implementing: Type.Array(KeyTaskUnit),
  /** The cell as the annex prints it, groups not expanded. */
  responsibility: Nullable(Type.String()),
  dueOn: Type.String(),
  dueBasis: Code(['text', 'planEnd', 'set'] as const, 'where the deadline comes from'),
  recurrence: Nullable(Type.Literal('yearly')),
  status: TaskStatusCode,
  rag: RagCode,
  /** The viewer's units' roles in the task (a liaison's), empty for the office. */
  myRoles: Type.Array(TaskRoleCode),
  lastReport: Nullable(Type.Object({ period: Type.String(), state: ReportStateCode, unitName: Type.String() })),
  meetingId: Nullable(Type.Integer()),
});
export type KeyTaskItem = Static<typeof KeyTaskItem>;
export const KeyTaskList = Type.Object({
  items: Type.Array(KeyTaskItem),
  planEndsOn: Nullable(Type.String()),
  /** The units the viewer reports for (a liaison's); empty for the office. */
  myUnits: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
});
export type KeyTaskList = Static<typeof KeyTaskList>;
export const KeyTaskQuery = Type.Object({
  unit: Type.Optional(Id()),
  status: Type.Optional(TaskStatusCode),
  section: Type.Optional(Text({ maxLength: 4 })),
});
export type KeyTaskQuery = Static<typeof KeyTaskQuery>;

export const EvidenceView = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  mediaType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
});
export type EvidenceView = Static<typeof EvidenceView>;

const Figure = Type.Object({
  label: Text({ minLength: 1, maxLength: 50 }),
  value: Type.String({ pattern: '^-?[0-9]{1,12}(\\.[0-9]{1,4})?$', description: 'a decimal as written' }),
});
export const ProgressReportBody = Type.Object({
  unitId: Id({ description: 'the unit the report is for: one of the liaison’s' }),
  period: Type.String({ pattern: REPORT_PERIOD_PATTERN, description: '2025, 2025-Q4 or 2025-11' }),
  text: Type.String({ minLength: 1, maxLength: 4000, pattern: SAFE_TEXT_PATTERN }),
  figures: Type.Array(Figure, { maxItems: 20 }),
  completes: Type.Boolean({ description: 'the unit reports the task done' }),
  evidenceIds: Type.Array(Id(), { maxItems: 10, uniqueItems: true }),
});
export type ProgressReportBody = Static<typeof ProgressReportBody>;

export const ReportView = Type.Object({
  id: Type.Integer(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  period: Type.String(),
  text: Type.String(),
  figures: Type.Array(Type.Object({ label: Type.String(), value: Type.String() })),
  completes: Type.Boolean(),
  state: ReportStateCode,
  submittedByName: Type.String(),
  submittedAt: DateTimeString,
  reviewedByName: Nullable(Type.String()),
  reviewedAt: Nullable(DateTimeString),
  sendBackReason: Nullable(Type.String()),
  evidence: Type.Array(EvidenceView),
});
export type ReportView = Static<typeof ReportView>;

export const MilestoneBody = Type.Object({ title: Text({ minLength: 1, maxLength: 200 }), dueOn: DateString });
export type MilestoneBody = Static<typeof MilestoneBody>;
export const NoticeBody = Type.Object({ unitId: Id(), note: Text({ minLength: 1, maxLength: 500 }) });
export type NoticeBody = Static<typeof NoticeBody>;
export const IndicatorLinkBody = Type.Object({ indicator: Nullable(Text({ minLength: 1, maxLength: 64 })) });
export type IndicatorLinkBody = Static<typeof IndicatorLinkBody>;

export const KeyTaskDetail = Type.Object({
  task: KeyTaskItem,
  milestones: Type.Array(
    Type.Object({ id: Type.Integer(), title: Type.String(), dueOn: Type.String(), status: TaskStatusCode }),
  ),
  reports: Type.Array(ReportView),
  notices: Type.Array(
    Type.Object({
      id: Type.Integer(),
      unitName: Type.String(),
      note: Type.String(),
      sentByName: Type.String(),
      sentAt: DateTimeString,
    }),
  ),
  indicator: Nullable(
    Type.Object({
      code: Type.String(),
      name: Message,
      unit: Message,
      target: Type.String(),
      value: Nullable(Type.Number()),
      status: Nullable(Type.String()),
      year: Type.Integer(),
    }),
  ),
  /** Targets of the county's monitoring plan a task may link to. */
  indicatorChoices: Type.Array(Type.Object({ code: Type.String(), name: Message })),
  planEndsOn: Nullable(Type.String()),
});
export type KeyTaskDetail = Static<typeof KeyTaskDetail>;

export const TaskBoardQuery = Type.Object({
  by: Code(['unit', 'section'] as const, 'group the board by unit or by plan section'),
});
export type TaskBoardQuery = Static<typeof TaskBoardQuery>;
export const TaskBoardRow = Type.Object({
  key: Type.String(),
  label: Message,
  red: Type.Integer(),
  amber: Type.Integer(),
  green: Type.Integer(),
  done: Type.Integer(),
  total: Type.Integer(),
});
export type TaskBoardRow = Static<typeof TaskBoardRow>;
export const TaskBoard = Type.Object({ rows: Type.Array(TaskBoardRow) });
export type TaskBoard = Static<typeof TaskBoard>;

const Decision = Type.Object({
  text: Type.String({ maxLength: 1000, pattern: SAFE_TEXT_PATTERN }),
  ownerUnitIds: Type.Array(Id(), { maxItems: 40, uniqueItems: true }),
  dueOn: DateString,
});
export const MeetingBody = Type.Object({
  kind: MeetingKindCode,
  title: Text({ minLength: 1, maxLength: 200 }),
  heldOn: DateString,
  chair: Text({ minLength: 1, maxLength: 50, description: 'who chaired: the convener or a deputy he delegates' }),
  minutes: Type.String({ minLength: 1, maxLength: 8000, pattern: SAFE_TEXT_PATTERN }),
  signedBy: Text({ minLength: 1, maxLength: 50, description: '纪要由召集人签发' }),
  attendeeUnitIds: Type.Array(Id(), { maxItems: 100, uniqueItems: true }),
  decisions: Type.Array(Decision, { maxItems: 50 }),
});
export type MeetingBody = Static<typeof MeetingBody>;
export const MeetingView = Type.Object({
  id: Type.Integer(),
  kind: MeetingKindCode,
  title: Type.String(),
  heldOn: Type.String(),
  chair: Type.String(),
  minutes: Type.String(),
  signedBy: Type.String(),
  recordedByName: Type.String(),
  attendees: Type.Array(Type.Object({ unitId: Type.Integer(), name: Type.String() })),
  decisionTaskIds: Type.Array(Type.Integer()),
});
export type MeetingView = Static<typeof MeetingView>;
export const MeetingList = Type.Object({
  items: Type.Array(MeetingView),
  /** 每年至少召开1次 (000 三; 004 (二十三)): each year from the plan's issue to this one. */
  yearly: Type.Array(Type.Object({ year: Type.Integer(), met: Type.Boolean(), meetings: Type.Integer() })),
});
export type MeetingList = Static<typeof MeetingList>;

export const SendBackReportBody = Type.Object({ reason: Text({ minLength: 1, maxLength: 500 }) });
export type SendBackReportBody = Static<typeof SendBackReportBody>;
