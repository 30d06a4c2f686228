import { Type, type Static } from 'typebox';
import { DateString, IdParam, Int, Message, Nullable, PageNumber, Paged, Text, XlsxFile } from './common.js';
import { route } from './route.js';

// What users enter for monitoring (issue 13): a county's own plans, the figures departments
// report, and the early warnings raised on them. Read by the scorecard through the server.

// ---- Plans a county drafts ----

export const PlanComparison = Type.Union(
  [Type.Literal('atMost'), Type.Literal('atLeast'), Type.Literal('equal'), Type.Literal('band')],
  { description: 'band: from value to upper, both inclusive (the sex ratio at birth only)' },
);
export type PlanComparison = Static<typeof PlanComparison>;

export const PlanTargetInput = Type.Object({
  indicator: Text({ minLength: 1, maxLength: 100, description: 'a code of the indicator catalogue' }),
  year: Nullable(Int(1000, 9999, { description: 'null: every year of the period' })),
  comparison: PlanComparison,
  value: Text({ maxLength: 30, description: 'a non-negative decimal as the document prints it: 4.5, 10, 0' }),
  upper: Type.Optional(Nullable(Text({ maxLength: 30, description: 'the upper end of a band' }))),
  clause: Text({ minLength: 1, maxLength: 100 }),
  quote: Type.Optional(Text({ maxLength: 500, description: 'the document’s own words for the figure' })),
  reading: Type.Optional(Text({ maxLength: 1000, description: 'how the figure is read where the text is unclear' })),
});
export type PlanTargetInput = Static<typeof PlanTargetInput>;

export const PlanDefinition = Type.Object({
  title: Text({ minLength: 1, maxLength: 200 }),
  documentNumber: Nullable(Text({ maxLength: 100 })),
  issuer: Text({ minLength: 1, maxLength: 200 }),
  issueDate: DateString,
  periodFrom: DateString,
  periodTo: DateString,
  targets: Type.Array(PlanTargetInput, { maxItems: 200 }),
});
export type PlanDefinition = Static<typeof PlanDefinition>;

export const PlanDraftBody = Type.Object({
  ...PlanDefinition.properties,
  revises: Type.Optional(Text({ maxLength: 60, description: 'the code of a published plan this draft revises' })),
});
export type PlanDraftBody = Static<typeof PlanDraftBody>;

export const PlanVersionStatus = Type.Union([
  Type.Literal('draft'),
  Type.Literal('inReview'),
  Type.Literal('published'),
]);
export type PlanVersionStatus = Static<typeof PlanVersionStatus>;

export const PlanVersionView = Type.Object({
  id: Type.Integer(),
  planCode: Type.String(),
  jurisdictionCode: Type.String(),
  version: Type.Integer(),
  status: PlanVersionStatus,
  definition: PlanDefinition,
  createdByName: Type.String(),
  /** The signed-in user drafted it (and so may not publish it). */
  mine: Type.Boolean(),
  publishedByName: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  /** Published and the latest published version of its plan. */
  inForce: Type.Boolean(),
});
export type PlanVersionView = Static<typeof PlanVersionView>;

export const PlanVersionList = Type.Array(PlanVersionView);
export type PlanVersionList = Static<typeof PlanVersionList>;

// ---- Reported values ----

export const ReportedPeriod = Type.String({
  pattern: '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$',
  maxLength: 7,
  description: 'a year (2025), a quarter (2025-Q1) or a month (2025-03)',
});

export const ReportedEntryBody = Type.Object({
  indicator: Text({ minLength: 1, maxLength: 100 }),
  regionCode: Type.String({ pattern: '^[0-9]{2,12}$', maxLength: 12 }),
  period: ReportedPeriod,
  numerator: Int(-1_000_000_000_000, 1_000_000_000_000),
  denominator: Type.Optional(Nullable(Int(-1_000_000_000_000, 1_000_000_000_000))),
  reason: Type.Optional(Text({ maxLength: 500, description: 'why a correction changes the value in force' })),
});
export type ReportedEntryBody = Static<typeof ReportedEntryBody>;

export const ReportedValueRow = Type.Object({
  id: Type.Integer(),
  item: Type.String(),
  itemName: Message,
  department: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  period: Type.String(),
  value: Type.Integer(),
  version: Type.Integer(),
  reason: Nullable(Type.String()),
  reportedByName: Type.String(),
  reportedAt: Type.String(),
});
export type ReportedValueRow = Static<typeof ReportedValueRow>;

export const ReportedValueQuery = Type.Object({
  indicator: Type.Optional(Text({ maxLength: 100 })),
  region: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$', maxLength: 12 })),
  period: Type.Optional(ReportedPeriod),
  page: Type.Optional(PageNumber),
});
export type ReportedValueQuery = Static<typeof ReportedValueQuery>;

export const ReportedValuePage = Paged(ReportedValueRow);
export type ReportedValuePage = Static<typeof ReportedValuePage>;

export const ReportedHistoryQuery = Type.Object({
  indicator: Text({ minLength: 1, maxLength: 100 }),
  region: Type.String({ pattern: '^[0-9]{2,12}$', maxLength: 12 }),
  period: ReportedPeriod,
});
export type ReportedHistoryQuery = Static<typeof ReportedHistoryQuery>;

/** Every version of the indicator's items for the region and period, newest first. */
export const ReportedHistory = Type.Array(ReportedValueRow);
export type ReportedHistory = Static<typeof ReportedHistory>;

/** What an entry or correction wrote: the new versions (an item left as it was writes none). */
export const ReportedEntryResult = Type.Object({ written: Type.Array(ReportedValueRow) });
export type ReportedEntryResult = Static<typeof ReportedEntryResult>;

// ---- Warnings ----

export const WarningState = Type.Union([Type.Literal('open'), Type.Literal('acknowledged')]);

export const WarningQuery = Type.Object({
  state: Type.Optional(WarningState),
  region: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$', maxLength: 12 })),
  page: Type.Optional(PageNumber),
});
export type WarningQuery = Static<typeof WarningQuery>;

export const WarningView = Type.Object({
  id: Type.Integer(),
  rule: Type.String(),
  ruleName: Message,
  kind: Type.String(),
  severity: Type.Union([Type.Literal('alert'), Type.Literal('warning')]),
  indicator: Type.String(),
  indicatorName: Message,
  unit: Message,
  regionCode: Type.String(),
  regionName: Type.String(),
  period: Type.String(),
  value: Nullable(Type.Number()),
  numerator: Nullable(Type.Number()),
  denominator: Nullable(Type.Number()),
  readingBy: Type.Union([Type.Literal('seed'), Type.Literal('cradle')]),
  reading: Message,
  bases: Type.Array(Type.Object({ document: Type.String(), clause: Type.String() })),
  raisedAt: Type.String(),
  acknowledgedByName: Nullable(Type.String()),
  acknowledgedAt: Nullable(Type.String()),
  acknowledgementNote: Nullable(Type.String()),
});
export type WarningView = Static<typeof WarningView>;

export const WarningPage = Paged(WarningView);
export type WarningPage = Static<typeof WarningPage>;

export const AcknowledgeBody = Type.Object({ note: Text({ minLength: 1, maxLength: 1000 }) });
export type AcknowledgeBody = Static<typeof AcknowledgeBody>;

// ---- Routes ----

export const monitoringEntryRoutes = {
  planDrafts: route({ method: 'GET', path: '/api/monitoring/plan-drafts', response: PlanVersionList }),
  createPlanDraft: route({
    method: 'POST',
    path: '/api/monitoring/plan-drafts',
    body: PlanDraftBody,
    response: PlanVersionView,
  }),
  updatePlanDraft: route({
    method: 'PUT',
    path: '/api/monitoring/plan-drafts/:id',
    params: IdParam,
    body: PlanDefinition,
    response: PlanVersionView,
  }),
  submitPlanDraft: route({
    method: 'POST',
    path: '/api/monitoring/plan-drafts/:id/submit',
    params: IdParam,
    response: PlanVersionView,
  }),
  publishPlanDraft: route({
    method: 'POST',
    path: '/api/monitoring/plan-drafts/:id/publish',
    params: IdParam,
    response: PlanVersionView,
  }),
  withdrawPlanDraft: route({
    method: 'POST',
    path: '/api/monitoring/plan-drafts/:id/withdraw',
    params: IdParam,
    response: PlanVersionView,
  }),
  reportedValues: route({
    method: 'GET',
    path: '/api/monitoring/reported-values',
    query: ReportedValueQuery,
    response: ReportedValuePage,
  }),
  reportedValuesExport: route({
    method: 'GET',
    path: '/api/monitoring/reported-values.xlsx',
    query: ReportedValueQuery,
    response: XlsxFile,
  }),
  enterReportedValue: route({
    method: 'POST',
    path: '/api/monitoring/reported-values',
    body: ReportedEntryBody,
    response: ReportedEntryResult,
  }),
  correctReportedValue: route({
    method: 'POST',
    path: '/api/monitoring/reported-values/corrections',
    body: ReportedEntryBody,
    response: ReportedEntryResult,
  }),
  reportedValueHistory: route({
    method: 'GET',
    path: '/api/monitoring/reported-values/history',
    query: ReportedHistoryQuery,
    response: ReportedHistory,
  }),
  warnings: route({ method: 'GET', path: '/api/monitoring/warnings', query: WarningQuery, response: WarningPage }),
  warningsExport: route({
    method: 'GET',
    path: '/api/monitoring/warnings.xlsx',
    query: WarningQuery,
    response: XlsxFile,
  }),
  acknowledgeWarning: route({
    method: 'POST',
    path: '/api/monitoring/warnings/:id/acknowledge',
    params: IdParam,
    body: AcknowledgeBody,
    response: WarningView,
  }),
};
