import { Type, type Static } from 'typebox';
import { DateString, DateTimeString, IdParam, Int, Message, Nullable, Text, XlsxFile } from './common.js';
import { route } from './route.js';

// 乡镇年度人口工作报告 (issue 15; 004 (二十六), 000 三) and the county's yearly 专题报告 (002 三(四)).
// The rules behind the fields are in @cradle/domain annual-reports/.

export const AnnualReportStatus = Type.Union([
  Type.Literal('open'),
  Type.Literal('submitted'),
  Type.Literal('accepted'),
  Type.Literal('sentBack'),
]);
export type AnnualReportStatus = Static<typeof AnnualReportStatus>;

/** One pre-filled figure, frozen when the county opened the year. */
export const ReportFigure = Type.Object({
  key: Type.String(),
  label: Message,
  /** count, fraction (0–1), fen (money), or an indicator's value in its own unit. */
  unit: Type.Union([Type.Literal('count'), Type.Literal('fraction'), Type.Literal('fen'), Type.Literal('indicator')]),
  value: Nullable(Type.Number()),
  /** The indicator's unit and target, when the figure is a scorecard row. */
  unitLabel: Type.Optional(Message),
  target: Type.Optional(Type.String()),
  status: Type.Optional(Nullable(Type.String())),
});
export type ReportFigure = Static<typeof ReportFigure>;
export const ReportFigureGroup = Type.Object({ key: Type.String(), title: Message, figures: Type.Array(ReportFigure) });
export const ReportFigures = Type.Object({ asOf: DateString, groups: Type.Array(ReportFigureGroup) });
export type ReportFigures = Static<typeof ReportFigures>;

export const AnnualReportSummary = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  regionCode: Type.String(),
  regionName: Type.String(),
  dueDate: DateString,
  status: AnnualReportStatus,
  overdue: Type.Boolean(),
  submittedLate: Type.Boolean(),
  submittedAt: Nullable(DateTimeString),
  submittedByName: Nullable(Type.String()),
  decidedAt: Nullable(DateTimeString),
  decidedByName: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
});
export type AnnualReportSummary = Static<typeof AnnualReportSummary>;
export const AnnualReportDetail = Type.Object({
  ...AnnualReportSummary.properties,
  body: Type.String(),
  figures: ReportFigures,
  openedByName: Type.String(),
  openedAt: DateTimeString,
});
export type AnnualReportDetail = Static<typeof AnnualReportDetail>;

export const AnnualReportQuery = Type.Object({ year: Type.Optional(Int(2000, 2100)) });
export type AnnualReportQuery = Static<typeof AnnualReportQuery>;
export const AnnualReportList = Type.Object({
  year: Type.Integer(),
  dueDate: DateString,
  rows: Type.Array(AnnualReportSummary),
  /** Townships of the county with no report opened for the year (the county opens them). */
  notOpened: Type.Integer(),
});
export type AnnualReportList = Static<typeof AnnualReportList>;

export const OpenAnnualReportsBody = Type.Object({ year: Int(2000, 2100) });
export const OpenAnnualReportsAnswer = Type.Object({ opened: Type.Integer(), year: Type.Integer() });
export const AnnualReportBody = Type.Object({ body: Text({ maxLength: 20000 }) });
export const AnnualReportDecision = Type.Object({
  decision: Type.Union([Type.Literal('accept'), Type.Literal('sendBack')]),
  note: Type.Optional(Nullable(Text({ maxLength: 500 }))),
});
export type AnnualReportDecision = Static<typeof AnnualReportDecision>;

export const AnnualReportSettings = Type.Object({
  jurisdictionCode: Type.String(),
  dueMonthDay: Type.String(),
  isDefault: Type.Boolean(),
  reading: Type.String(),
});
export type AnnualReportSettings = Static<typeof AnnualReportSettings>;
export const AnnualReportSettingsBody = Type.Object({
  dueMonthDay: Type.String({ pattern: '^[0-9]{2}-[0-9]{2}$', maxLength: 5 }),
});

export const SummaryQuery = Type.Object({ year: Int(2000, 2100) });
export const SummaryFormat = Type.Object({ format: Type.Union([Type.Literal('pdf'), Type.Literal('docx')]) });

export const annualReportRoutes = {
  annualReports: route({
    method: 'GET',
    path: '/api/annual-reports',
    query: AnnualReportQuery,
    response: AnnualReportList,
  }),
  annualReportsExport: route({
    method: 'GET',
    path: '/api/annual-reports/export.xlsx',
    query: AnnualReportQuery,
    response: XlsxFile,
  }),
  openAnnualReports: route({
    method: 'POST',
    path: '/api/annual-reports/open',
    body: OpenAnnualReportsBody,
    response: OpenAnnualReportsAnswer,
  }),
  annualReport: route({
    method: 'GET',
    path: '/api/annual-reports/:id',
    params: IdParam,
    response: AnnualReportDetail,
  }),
  saveAnnualReport: route({
    method: 'PUT',
    path: '/api/annual-reports/:id',
    params: IdParam,
    body: AnnualReportBody,
    response: AnnualReportDetail,
  }),
  submitAnnualReport: route({
    method: 'POST',
    path: '/api/annual-reports/:id/submit',
    params: IdParam,
    body: AnnualReportBody,
    response: AnnualReportDetail,
  }),
  decideAnnualReport: route({
    method: 'POST',
    path: '/api/annual-reports/:id/decision',
    params: IdParam,
    body: AnnualReportDecision,
    response: AnnualReportDetail,
  }),
  annualReportSettings: route({ method: 'GET', path: '/api/annual-report-settings', response: AnnualReportSettings }),
  setAnnualReportSettings: route({
    method: 'PUT',
    path: '/api/annual-report-settings',
    body: AnnualReportSettingsBody,
    response: AnnualReportSettings,
  }),
};
