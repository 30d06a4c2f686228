// A stylised county for tests and the benchmark: about 150,000 people, fewer at each older age,
// as a rural county of Yunnan after decades of low fertility. Not data: the shapes only.
import { SINGLE_AGES } from './life-table.js';
import type { RegionAggregates } from './regional-inputs.js';

export function stylisedCounty(scale = 1, baseYear = 2026): RegionAggregates {
  const ages = (perAge: (x: number) => number) => Array.from({ length: SINGLE_AGES }, (_, x) => scale * perAge(x));
  // Smaller cohorts under 10 (births fell), a bulge at 30–60, thinning past 60.
  const shape = (x: number) => (x < 10 ? 630 + 29 * x : x < 60 ? 1000 : 1000 * Math.exp(-0.06 * (x - 60)));
  return {
    baseYear,
    population: { female: ages(shape), male: ages((x) => shape(x) * (x < 60 ? 1.06 : 0.9)) },
  };
}
