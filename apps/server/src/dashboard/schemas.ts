import { Type } from 'typebox';
import { RegionLevel } from '../regions/index.js';

const Ratio = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]);
const Ref = Type.Object({ code: Type.String(), name: Type.String(), level: RegionLevel });
const Count = Type.Integer({ minimum: 0 });

export const DashboardQuery = Type.Object({ region: Type.Optional(Type.String({ pattern: '^\\d{2,12}$' })) });
export const Dashboard = Type.Object({
  region: Ref,
  path: Type.Array(Ref),
  population: Type.Object({ total: Count, male: Count, female: Count, households: Count }),
  pyramid: Type.Array(Type.Object({ ageGroup: Type.String(), male: Count, female: Count })),
  birthsByYear: Type.Array(
    Type.Object({ year: Type.Integer(), parity1: Count, parity2: Count, parity3plus: Count, total: Count }),
  ),
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
  // Open work of the family services and how much is overdue (issue 4).
  familyServices: Type.Object({
    childbirthRegistrations: Type.Object({ open: Count, dueToday: Count, overdue: Count }),
    bundleTasks: Type.Array(Type.Object({ service: Type.String(), open: Count, dueToday: Count, overdue: Count })),
  }),
  children: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      level: RegionLevel,
      population: Count,
      births: Count,
      coverage: Ratio,
      accuracy: Ratio,
      timeliness: Ratio,
    }),
  ),
});
