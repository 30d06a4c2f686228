import { Type, type Static } from 'typebox';
import { RegionLevel } from './regions.js';

const Ratio = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]);
const Ref = Type.Object({ code: Type.String(), name: Type.String(), level: RegionLevel });
const Count = Type.Integer({ minimum: 0 });

export const DashboardQuery = Type.Object({ region: Type.Optional(Type.String({ pattern: '^\\d{2,12}$' })) });
export type DashboardQuery = Static<typeof DashboardQuery>;

export const AgeGroupCount = Type.Object({ ageGroup: Type.String(), male: Count, female: Count });
export type AgeGroupCount = Static<typeof AgeGroupCount>;

export const BirthsInYear = Type.Object({
  year: Type.Integer(),
  parity1: Count,
  parity2: Count,
  parity3plus: Count,
  total: Count,
});
export type BirthsInYear = Static<typeof BirthsInYear>;

/** Registry data quality, each a share from 0 to 1; null when nothing is counted yet. */
export const QualityFigures = Type.Object({ coverage: Ratio, accuracy: Ratio, timeliness: Ratio });
export type QualityFigures = Static<typeof QualityFigures>;
export type QualityIndicator = keyof QualityFigures;

/** Open work of the family services in the region, by China date. */
export const OpenWork = Type.Object({ open: Count, dueToday: Count, overdue: Count });
export type OpenWork = Static<typeof OpenWork>;

// Open work of the family services and how much is overdue (issue 4); `service` is a BundleService name.
export const FamilyServiceWork = Type.Object({
  childbirthRegistrations: OpenWork,
  bundleTasks: Type.Array(Type.Object({ service: Type.String(), open: Count, dueToday: Count, overdue: Count })),
});
export type FamilyServiceWork = Static<typeof FamilyServiceWork>;

export const ChildRegionStats = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: RegionLevel,
  population: Count,
  births: Count,
  coverage: Ratio,
  accuracy: Ratio,
  timeliness: Ratio,
});
export type ChildRegionStats = Static<typeof ChildRegionStats>;

export const Dashboard = Type.Object({
  region: Ref,
  path: Type.Array(Ref),
  population: Type.Object({ total: Count, male: Count, female: Count, households: Count }),
  pyramid: Type.Array(AgeGroupCount),
  birthsByYear: Type.Array(BirthsInYear),
  sexRatioAtBirth: Type.Object({
    ratio: Type.Union([Type.Number(), Type.Null()]),
    male: Count,
    female: Count,
    fromYear: Type.Integer(),
    toYear: Type.Integer(),
  }),
  quality: Type.Object({
    coverage: Ratio,
    accuracy: Ratio,
    timeliness: Ratio,
    targets: Type.Object({ coverage: Type.Number(), accuracy: Type.Number(), timeliness: Type.Number() }),
  }),
  familyServices: FamilyServiceWork,
  children: Type.Array(ChildRegionStats),
});
export type Dashboard = Static<typeof Dashboard>;
