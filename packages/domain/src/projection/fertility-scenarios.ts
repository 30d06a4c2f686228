import { variantOffset } from './national-schedules.js';

/**
 * The fertility assumption of a projection: WPP's three variants around the region's medium path
 * (the low and high ones 0.25 child off it for five years, 0.4 for the next five, 0.5 after, as
 * WPP 2024 phases them in from its first projected year, here from the projection's), or a TFR
 * path typed by the user, one value per projected year (the last one held after its end).
 */
export type FertilityScenario =
  { kind: 'low' } | { kind: 'medium' } | { kind: 'high' } | { kind: 'tfrPath'; tfr: readonly number[] };

/** The TFR of each step under `scenario`, given the medium path. */
export function scenarioTfr(scenario: FertilityScenario, medium: readonly number[]): number[] {
  switch (scenario.kind) {
    case 'medium':
      return [...medium];
    case 'low':
      return medium.map((tfr, k) => Math.max(0, tfr - variantOffset(k)));
    case 'high':
      return medium.map((tfr, k) => tfr + variantOffset(k));
    case 'tfrPath': {
      const path = scenario.tfr;
      if (path.length === 0 || path.some((t) => !(t >= 0) || !Number.isFinite(t))) {
        throw new RangeError('projection: a TFR path needs at least one value, none negative');
      }
      return medium.map((_, k) => path[Math.min(k, path.length - 1)]!);
    }
  }
}
