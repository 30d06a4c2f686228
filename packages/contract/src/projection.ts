import { Type, type Static } from 'typebox';
import { Id, Int, Message, Nullable, Text } from './common.js';
import { RegionLevel } from './regions.js';

// The population projection (人口预测) and the budget forecast built on it (issue 13): aggregates
// only, no person. Figures are persons as the engine computes them (fractions; the console rounds).

const RegionCode = Type.String({ pattern: '^\\d{2,12}$', description: 'GB/T 2260 region code' });

export const ProjectionQuery = Type.Object({
  region: Type.Optional(RegionCode),
  years: Type.Optional(Int(1, 50, { default: 30, description: 'Years ahead (1–50)' })),
  tfrPath: Type.Optional(
    Text({
      maxLength: 600,
      description: 'A typed TFR path, year:TFR pairs, e.g. "2026:1.1,2035:1.4" (straight lines between, the ends held)',
    }),
  ),
});
export type ProjectionQuery = Static<typeof ProjectionQuery>;

export const ScenarioKind = Type.Union([
  Type.Literal('low'),
  Type.Literal('medium'),
  Type.Literal('high'),
  Type.Literal('tfrPath'),
]);
export type ScenarioKind = Static<typeof ScenarioKind>;

/** One year of a scenario; `births` are those of the year from its 1 January (null in the last year). */
export const ProjectionYear = Type.Object({
  year: Type.Integer(),
  total: Type.Number(),
  births: Nullable(Type.Number()),
  under3: Type.Number(),
  preschool: Type.Number(),
  primary: Type.Number(),
  juniorSecondary: Type.Number(),
  aged60Plus: Type.Number(),
  aged80Plus: Type.Number(),
  /** The TFR assumed for the year's step (null in the last year). */
  tfr: Nullable(Type.Number()),
});
export type ProjectionYear = Static<typeof ProjectionYear>;

/** Persons on 1 January by five-year age group (0–4 … 95–99, 100+) and sex. */
export const PyramidYear = Type.Object({
  year: Type.Integer(),
  male: Type.Array(Type.Number()),
  female: Type.Array(Type.Number()),
});
export type PyramidYear = Static<typeof PyramidYear>;

export const ProjectionScenario = Type.Object({
  scenario: ScenarioKind,
  years: Type.Array(ProjectionYear),
  pyramid: Type.Array(PyramidYear),
});
export type ProjectionScenario = Static<typeof ProjectionScenario>;

/** A level of the region against China's (WPP 2024), shrunk toward 1 by its counts. */
export const LocalLevelView = Type.Object({
  /** Events counted in the region, and those China's rates predict for its people. */
  observed: Type.Number(),
  expected: Type.Number(),
  /** observed / expected (null when nothing is expected), and the ratio used, shrunk toward 1. */
  rawRatio: Nullable(Type.Number()),
  ratio: Type.Number(),
});

export const ProjectionView = Type.Object({
  region: Type.Object({ code: Type.String(), name: Type.String(), level: RegionLevel }),
  /** The base population is the registry's living residents on 1 January of this year. */
  baseYear: Type.Integer(),
  basePopulation: Type.Integer(),
  /** Births and deaths of these years set the region's levels. */
  recordedYears: Type.Array(Type.Integer()),
  recordedBirths: Type.Integer(),
  recordedDeaths: Type.Integer(),
  assumptions: Type.Object({
    fertility: LocalLevelView,
    observedTfr: Nullable(Type.Number()),
    mortality: Type.Object({ female: LocalLevelView, male: LocalLevelView }),
    migration: Type.Union([Type.Literal('none'), Type.Literal('recorded')]),
  }),
  ageGroups: Type.Array(Type.String()),
  scenarios: Type.Array(ProjectionScenario),
});
export type ProjectionView = Static<typeof ProjectionView>;

export const BudgetForecastQuery = Type.Object({
  region: Type.Optional(RegionCode),
  scenario: Type.Optional(ScenarioKind),
  tfrPath: ProjectionQuery.properties.tfrPath,
  draftScheme: Type.Optional(
    Type.String({ pattern: '^[a-zA-Z0-9.]{1,64}$', description: 'The scheme whose draft version is priced too' }),
  ),
  draftVersionId: Type.Optional(Id({ description: 'A draft version of draftScheme, priced as if published' })),
});
export type BudgetForecastQuery = Static<typeof BudgetForecastQuery>;

/** One year of a scheme's forecast: children paid for, what they are owed, and what is expected to be paid. */
export const ForecastYear = Type.Object({
  year: Type.Integer(),
  children: Type.Integer(),
  amountFen: Type.Integer(),
  /** amountFen at the take-up rate (a scheme paid on application), else amountFen. */
  expectedFen: Type.Integer(),
});
export type ForecastYear = Static<typeof ForecastYear>;

export const ForecastLine = Type.Object({
  years: Type.Array(ForecastYear),
  amountFen: Type.Integer(),
  expectedFen: Type.Integer(),
});
export type ForecastLine = Static<typeof ForecastLine>;

export const SchemeForecast = Type.Object({
  schemeCode: Type.String(),
  name: Message,
  paidOnApplication: Type.Boolean(),
  /** The take-up rate applied (basis points, 10000 = 100%); isDefault: no rate set, 100%. */
  takeUp: Nullable(Type.Object({ basisPoints: Type.Integer(), isDefault: Type.Boolean() })),
  published: ForecastLine,
  /** The same with a draft version's values, when one was asked for this scheme. */
  draft: Nullable(Type.Object({ versionId: Type.Integer(), version: Type.Integer(), line: ForecastLine })),
  /** Draft versions of the scheme visible in the jurisdiction (for the console's choice). */
  drafts: Type.Array(Type.Object({ id: Type.Integer(), version: Type.Integer(), jurisdictionCode: Type.String() })),
});
export type SchemeForecast = Static<typeof SchemeForecast>;

export const BudgetForecastView = Type.Object({
  region: Type.Object({ code: Type.String(), name: Type.String(), level: RegionLevel }),
  baseYear: Type.Integer(),
  scenario: ScenarioKind,
  years: Type.Array(Type.Integer()),
  schemes: Type.Array(SchemeForecast),
  /** Schemes not forecast here, and why: not paid for children, or for residents of another region. */
  omitted: Type.Array(
    Type.Object({
      schemeCode: Type.String(),
      name: Message,
      reason: Type.Union([Type.Literal('notForChildren'), Type.Literal('otherRegion')]),
    }),
  ),
});
export type BudgetForecastView = Static<typeof BudgetForecastView>;
