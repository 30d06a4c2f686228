import { Type, type Static } from 'typebox';
import { LegalBasis } from './benefits.js';
import { Int, Message, Nullable, Text } from './common.js';
import { RegionLevel } from './regions.js';

// The scorecard, league table and indicator series of a plan (issue 13, "Scorecard"): figures
// read from the counts the database keeps, no person.

const RegionCode = Type.String({ pattern: '^\\d{2,12}$' });
const PlanCode = Text({ maxLength: 64, minLength: 1 });
const Year = Int(2000, 2100);
const Ref = Type.Object({ code: Type.String(), name: Type.String(), level: RegionLevel });
const Count = Nullable(Type.Number());

export const PeriodTypeName = Type.Union([
  Type.Literal('year'),
  Type.Literal('quarter'),
  Type.Literal('month'),
  Type.Literal('rolling12Months'),
  Type.Literal('rolling3Years'),
]);
export const TargetStatusName = Type.Union([Type.Literal('met'), Type.Literal('atRisk'), Type.Literal('notMet')]);
export type TargetStatusName = Static<typeof TargetStatusName>;
const Comparison = Type.Union([Type.Literal('atMost'), Type.Literal('atLeast'), Type.Literal('equal')]);
const Reading = Type.Object({ by: Type.Union([Type.Literal('seed'), Type.Literal('cradle')]), note: Message });
const Interval = Nullable(Type.Object({ lower: Type.Number(), upper: Nullable(Type.Number()) }));

export const IndicatorSummary = Type.Object({
  code: Type.String(),
  name: Message,
  unit: Message,
  definition: Message,
  /** 'registry', or the department that reports it. */
  source: Type.String(),
  factor: Type.Integer(),
  higherIsBetter: Nullable(Type.Boolean()),
  periodTypes: Type.Array(PeriodTypeName),
  basis: Nullable(LegalBasis),
  readings: Type.Array(Reading),
});
export type IndicatorSummary = Static<typeof IndicatorSummary>;

export const PlanTarget = Type.Object({
  indicator: Type.String(),
  name: Message,
  unit: Message,
  year: Nullable(Type.Integer()),
  comparison: Comparison,
  value: Type.String(),
  quote: Type.String(),
  basis: LegalBasis,
  readings: Type.Array(Reading),
});
export type PlanTarget = Static<typeof PlanTarget>;

export const PlanView = Type.Object({
  code: Type.String(),
  title: Message,
  documentNumber: Nullable(Type.String()),
  issuer: Message,
  issueDate: Nullable(Type.String()),
  jurisdictionCode: Type.String(),
  period: Type.Object({ from: Type.String(), to: Type.String() }),
  draft: Type.Boolean(),
  targets: Type.Array(PlanTarget),
  readings: Type.Array(Reading),
});
export type PlanView = Static<typeof PlanView>;
export const PlanList = Type.Object({ items: Type.Array(PlanView) });
export type PlanList = Static<typeof PlanList>;

export const ScorecardQuery = Type.Object({
  plan: PlanCode,
  region: Type.Optional(RegionCode),
  year: Type.Optional(Year),
});
export type ScorecardQuery = Static<typeof ScorecardQuery>;

/** One target's standing: the value, its counts and interval, the status and why. */
export const TargetValue = Type.Object({
  value: Count,
  numerator: Count,
  denominator: Count,
  interval: Interval,
  tooFewToJudge: Type.Boolean(),
  status: Nullable(TargetStatusName),
  reason: Type.String(),
  reasonText: Message,
});
export type TargetValue = Static<typeof TargetValue>;

export const ScorecardRow = Type.Object({
  target: PlanTarget,
  indicator: IndicatorSummary,
  current: TargetValue,
  /** Yearly values up to the year shown (the trend's points) and the trend's value in the target year. */
  history: Type.Array(Type.Object({ year: Type.Integer(), value: Count })),
  trend: Type.Object({ slope: Count, projected: Count }),
});
export type ScorecardRow = Static<typeof ScorecardRow>;

export const Scorecard = Type.Object({
  plan: PlanView,
  region: Ref,
  path: Type.Array(Ref),
  year: Type.Integer(),
  rows: Type.Array(ScorecardRow),
});
export type Scorecard = Static<typeof Scorecard>;

export const LeagueRow = Type.Object({
  region: Ref,
  hasChildren: Type.Boolean(),
  cells: Type.Array(TargetValue),
});
export const League = Type.Object({
  plan: PlanView,
  region: Ref,
  path: Type.Array(Ref),
  year: Type.Integer(),
  targets: Type.Array(Type.Object({ target: PlanTarget, indicator: IndicatorSummary })),
  rows: Type.Array(LeagueRow),
});
export type League = Static<typeof League>;

export const IndicatorParam = Type.Object({ code: Text({ maxLength: 64, minLength: 1 }) });
export const IndicatorSeriesQuery = Type.Object({
  region: Type.Optional(RegionCode),
  periodType: Type.Optional(PeriodTypeName),
  from: Type.Optional(Year),
  to: Type.Optional(Year),
});
export type IndicatorSeriesQuery = Static<typeof IndicatorSeriesQuery>;

export const IndicatorSeries = Type.Object({
  indicator: IndicatorSummary,
  region: Ref,
  path: Type.Array(Ref),
  periodType: PeriodTypeName,
  points: Type.Array(
    Type.Object({
      period: Type.String(),
      value: Count,
      numerator: Count,
      denominator: Count,
      interval: Interval,
      tooFewToJudge: Type.Boolean(),
    }),
  ),
});
export type IndicatorSeries = Static<typeof IndicatorSeries>;
