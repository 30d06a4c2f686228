import { Type, type Static } from 'typebox';
import {
  INCIDENT_SEVERITIES,
  INSPECTION_AREAS,
  RATING_GRADES,
  RECTIFICATION_STATES,
  type IncidentSeverity,
  type InspectionArea,
  type RatingGrade,
  type RectificationState,
} from '@cradle/domain';
import { DateString, Id, Int, Nullable, PageNumber, Paged, Text } from './common.js';
import { InstitutionStatusCode, InstitutionTypeCode } from './childcare.js';

// Childcare supervision (issue 14; REQUIREMENTS B9, C1): inspections by checklist, rectification
// items, yearly ratings, incidents, the county's emergency closure, and the three-year safety record.

const Code = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>(
    Type.Union(
      values.map((v) => Type.Literal(v)),
      { description },
    ),
  );
export const InspectionAreaCode = Code<InspectionArea>(INSPECTION_AREAS, 'checklist area (000 二(三); 001 m12)');
export const RatingGradeCode = Code<RatingGrade>(RATING_GRADES, 'quality rating grade');
export const IncidentSeverityCode = Code<IncidentSeverity>(INCIDENT_SEVERITIES, 'accident class (国务院令第493号)');
export const RectificationStateCode = Code<RectificationState>(RECTIFICATION_STATES, 'rectification state');
const FindingResultCode = Code<'pass' | 'fail'>(['pass', 'fail'], 'pass or fail');

export const FindingInput = Type.Object({
  item: Text({ minLength: 1, maxLength: 60 }),
  result: FindingResultCode,
  /** What is wrong and what to do: required for a failed item, it becomes the rectification. */
  note: Type.Optional(Text({ maxLength: 500 })),
  /** The rectification's due day: required for a failed item. */
  dueOn: Type.Optional(DateString),
});
export type FindingInput = Static<typeof FindingInput>;

export const InspectionBody = Type.Object({
  institutionId: Id(),
  area: InspectionAreaCode,
  inspectedOn: DateString,
  findings: Type.Array(FindingInput, { minItems: 1, maxItems: 30 }),
  /** A re-inspection names the inspection whose rectifications it checks. */
  reinspectionOf: Type.Optional(Id()),
  note: Type.Optional(Text({ maxLength: 1000 })),
});
export type InspectionBody = Static<typeof InspectionBody>;

export const FindingView = Type.Object({
  item: Type.String(),
  result: FindingResultCode,
  note: Nullable(Type.String()),
});
export const InspectionView = Type.Object({
  id: Type.Integer(),
  institutionId: Type.Integer(),
  institutionName: Type.String(),
  area: InspectionAreaCode,
  inspectedOn: Type.String(),
  department: Type.String(),
  inspectorName: Type.String(),
  passed: Type.Boolean(),
  findings: Type.Array(FindingView),
  reinspectionOf: Nullable(Type.Integer()),
  note: Nullable(Type.String()),
});
export type InspectionView = Static<typeof InspectionView>;

export const RectificationView = Type.Object({
  id: Type.Integer(),
  inspectionId: Type.Integer(),
  institutionId: Type.Integer(),
  institutionName: Type.String(),
  regionName: Type.String(),
  area: InspectionAreaCode,
  item: Type.String(),
  requirement: Type.String(),
  dueOn: Type.String(),
  state: RectificationStateCode,
  overdue: Type.Boolean(),
  reportedOn: Nullable(Type.String()),
  reportNote: Nullable(Type.String()),
  closedOn: Nullable(Type.String()),
  closedPassed: Nullable(Type.Boolean()),
});
export type RectificationView = Static<typeof RectificationView>;

export const RectificationQuery = Type.Object({
  state: Type.Optional(RectificationStateCode),
  overdue: Type.Optional(Type.Boolean()),
  page: PageNumber,
  pageSize: Int(1, 200, { default: 50 }),
});
export type RectificationQuery = Static<typeof RectificationQuery>;
export const RectificationExportQuery = Type.Omit(RectificationQuery, ['page', 'pageSize']);
export type RectificationExportQuery = Static<typeof RectificationExportQuery>;
export const RectificationPage = Paged(RectificationView);
export type RectificationPage = Static<typeof RectificationPage>;

export const RectificationReportBody = Type.Object({ note: Text({ minLength: 1, maxLength: 1000 }) });
export type RectificationReportBody = Static<typeof RectificationReportBody>;

export const RatingBody = Type.Object({
  institutionId: Id(),
  year: Int(2000, 2100),
  grade: RatingGradeCode,
  note: Type.Optional(Text({ maxLength: 500 })),
});
export type RatingBody = Static<typeof RatingBody>;
export const RatingView = Type.Object({
  id: Type.Integer(),
  institutionId: Type.Integer(),
  year: Type.Integer(),
  grade: RatingGradeCode,
  ratedOn: Type.String(),
  ratedByName: Type.String(),
  note: Nullable(Type.String()),
});
export type RatingView = Static<typeof RatingView>;

export const IncidentBody = Type.Object({
  institutionId: Id(),
  occurredOn: DateString,
  severity: IncidentSeverityCode,
  summary: Text({ minLength: 1, maxLength: 1000 }),
  injured: Int(0, 10_000),
  deaths: Int(0, 10_000),
});
export type IncidentBody = Static<typeof IncidentBody>;
export const IncidentView = Type.Object({
  id: Type.Integer(),
  institutionId: Type.Integer(),
  institutionName: Type.String(),
  regionName: Type.String(),
  occurredOn: Type.String(),
  severity: IncidentSeverityCode,
  summary: Type.String(),
  injured: Type.Integer(),
  deaths: Type.Integer(),
  recordedByName: Type.String(),
});
export type IncidentView = Static<typeof IncidentView>;
export const IncidentQuery = Type.Object({ page: PageNumber, pageSize: Int(1, 200, { default: 50 }) });
export type IncidentQuery = Static<typeof IncidentQuery>;
export const IncidentPage = Paged(IncidentView);
export type IncidentPage = Static<typeof IncidentPage>;

/** 003 三(三) "近三年无重大安全事故发生" for a jurisdiction and year. */
export const SafetyRecordQuery = Type.Object({
  year: Int(2000, 2100),
  region: Type.Optional(Type.String({ pattern: '^\\d{6}(\\d{3}(\\d{3})?)?$' })),
});
export type SafetyRecordQuery = Static<typeof SafetyRecordQuery>;
export const SafetyRecord = Type.Object({
  regionCode: Type.String(),
  regionName: Type.String(),
  year: Type.Integer(),
  from: Type.String(),
  to: Type.String(),
  noMajorIncident: Type.Boolean(),
  majorIncidents: Type.Array(IncidentView),
});
export type SafetyRecord = Static<typeof SafetyRecord>;

export const Placement = Type.Object({
  /** A filed institution that takes the children, when it is one of the county's. */
  receivingInstitutionId: Type.Optional(Id()),
  receivingName: Text({ minLength: 1, maxLength: 100 }),
  children: Int(1, 1000),
});
export type Placement = Static<typeof Placement>;
export const EmergencyClosureBody = Type.Object({
  closedOn: DateString,
  reason: Text({ minLength: 1, maxLength: 500 }),
  /** 应急处置: how the children are moved and the families told. */
  transferPlan: Text({ minLength: 1, maxLength: 2000 }),
  placements: Type.Array(Placement, { minItems: 1, maxItems: 50 }),
});
export type EmergencyClosureBody = Static<typeof EmergencyClosureBody>;
export const ClosureRecordView = Type.Object({
  closedOn: Type.String(),
  reason: Type.String(),
  transferPlan: Type.String(),
  placements: Type.Array(
    Type.Object({
      receivingInstitutionId: Nullable(Type.Integer()),
      receivingName: Type.String(),
      children: Type.Integer(),
    }),
  ),
  orderedByName: Type.String(),
});
export type ClosureRecordView = Static<typeof ClosureRecordView>;

/** One institution's supervision: what the detail page shows. */
export const SupervisionView = Type.Object({
  institutionId: Type.Integer(),
  institutionName: Type.String(),
  status: InstitutionStatusCode,
  closedOn: Nullable(Type.String()),
  inspections: Type.Array(InspectionView),
  rectifications: Type.Array(RectificationView),
  ratings: Type.Array(RatingView),
  incidents: Type.Array(IncidentView),
  closure: Nullable(ClosureRecordView),
});
export type SupervisionView = Static<typeof SupervisionView>;

/** The supervision list: institutions with their open and overdue items and latest rating. */
export const SupervisedInstitution = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  regionName: Type.String(),
  /** The premises' address as filed: an inspecting department needs it to go there. */
  address: Type.String(),
  type: InstitutionTypeCode,
  status: InstitutionStatusCode,
  slots: Type.Integer(),
  openRectifications: Type.Integer(),
  overdueRectifications: Type.Integer(),
  /** Null also for an inspecting department: ratings are the county's (issue 14). */
  latestRating: Nullable(Type.Object({ year: Type.Integer(), grade: RatingGradeCode })),
  lastInspectedOn: Nullable(Type.String()),
});
export type SupervisedInstitution = Static<typeof SupervisedInstitution>;
export const SupervisedQuery = Type.Object({ page: PageNumber, pageSize: Int(1, 200, { default: 50 }) });
export type SupervisedQuery = Static<typeof SupervisedQuery>;
export const SupervisedPage = Paged(SupervisedInstitution);
export type SupervisedPage = Static<typeof SupervisedPage>;

/** The slots in force in a jurisdiction on a day: a closed institution counts none. */
export const SlotTotals = Type.Object({
  regionCode: Type.String(),
  onDay: Type.String(),
  institutions: Type.Integer(),
  slots: Type.Integer(),
  affordableSlots: Type.Integer(),
});
export type SlotTotals = Static<typeof SlotTotals>;
