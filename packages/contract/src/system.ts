import { Type, type Static } from 'typebox';
import { RegionLevel } from './regions.js';

export const SystemInfo = Type.Object({
  product: Type.String(),
  version: Type.String(),
  scope: Type.Object({ code: Type.String(), name: Type.String(), level: RegionLevel }),
  demo: Type.Boolean({ description: 'True when the population is the synthetic demo population' }),
  database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
});
export type SystemInfo = Static<typeof SystemInfo>;
