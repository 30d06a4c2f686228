import type { IndicatorDefinition, Target } from '@cradle/domain';
import type { CountsCube } from './counts-cube.js';
import { assess } from './indicator-values.js';

/** Each target's standing from one region's counts: the scorecard's work once the counts are read. */
export function assessTargets(
  targets: readonly Target[],
  indicator: (code: string) => IndicatorDefinition,
  cube: CountsCube,
  year: number,
) {
  return targets.map((t) => assess(t, indicator(t.indicator), cube, year));
}
