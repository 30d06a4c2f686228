import type { Sex } from '../id-number.js';
import { shrunkLevel, shrunkSexRatio, type LocalLevel } from './local-level.js';
import { nationalFertilityShares, nationalMx, nationalSrb, nationalTfr } from './national-schedules.js';
import type { BySex } from './types.js';

/** Births recorded in a calendar year by age of mother: groups of `ageWidth` years from `firstAge`. */
export interface RecordedBirths {
  year: number;
  firstAge: number;
  ageWidth: 1 | 5;
  byMotherAge: readonly number[];
  /** Boys and girls among them, when the sex ratio at birth is to be the region's own. */
  boys?: number;
  girls?: number;
}

/** Deaths recorded in a calendar year by sex and single age 0 … 100+. */
export interface RecordedDeaths {
  year: number;
  female: readonly number[];
  male: readonly number[];
}

/** Persons by sex and single age 0 … 100+ exposed in a calendar year (its mid-year population). */
export interface Exposure {
  year: number;
  population: BySex<readonly number[]>;
}

/** The people exposed in `year`: the recorded mid-year population, else the base population. */
export type ExposureOf = (year: number) => BySex<readonly number[]>;

/**
 * The region's fertility relative to China's (WPP 2024) pattern and level in the same years:
 * observed births against the births the national age-specific rates predict for its women,
 * pooled over the years given, shrunk toward 1 (local-level.ts).
 */
export function fertilityLevel(births: readonly RecordedBirths[], exposure: ExposureOf, prior?: number): LocalLevel {
  let observed = 0;
  let expected = 0;
  for (const b of births) {
    observed += b.byMotherAge.reduce((s, v) => s + v, 0);
    const shares = nationalFertilityShares(b.year);
    const tfr = nationalTfr(b.year);
    const women = exposure(b.year).female;
    for (let x = 0; x < shares.length; x++) expected += (women[x] ?? 0) * tfr * shares[x]!;
  }
  return shrunkLevel(observed, expected, prior);
}

/**
 * The TFR the recorded births themselves give, pooled over the years (births ÷ women-years by
 * age group, times the group width, summed): shown beside the shrunk estimate, not projected.
 */
export function observedTfr(births: readonly RecordedBirths[], exposure: ExposureOf): number | null {
  const bornTo = new Map<number, { births: number; women: number; width: number }>();
  for (const b of births) {
    const women = exposure(b.year).female;
    b.byMotherAge.forEach((count, g) => {
      const first = b.firstAge + g * b.ageWidth;
      let w = 0;
      for (let x = first; x < first + b.ageWidth; x++) w += women[x] ?? 0;
      const cell = bornTo.get(first) ?? { births: 0, women: 0, width: b.ageWidth };
      cell.births += count;
      cell.women += w;
      bornTo.set(first, cell);
    });
  }
  let tfr = 0;
  let any = false;
  for (const cell of bornTo.values()) {
    if (cell.women > 0) {
      tfr += (cell.width * cell.births) / cell.women;
      any = true;
    }
  }
  return any ? tfr : null;
}

/** The region's mortality of `sex` relative to China's (WPP 2024) in the same years, shrunk toward 1. */
export function mortalityLevel(deaths: readonly RecordedDeaths[], sex: Sex, exposure: ExposureOf, prior?: number) {
  let observed = 0;
  let expected = 0;
  for (const d of deaths) {
    observed += d[sex].reduce((s, v) => s + v, 0);
    const mx = nationalMx(sex, d.year);
    const people = exposure(d.year)[sex];
    for (let x = 0; x < mx.length; x++) expected += (people[x] ?? 0) * mx[x]!;
  }
  return shrunkLevel(observed, expected, prior);
}

/**
 * How far the region's sex ratio at birth sits from the national one in the years recorded
 * (shrunk toward it): the projection keeps this distance as the national ratio changes.
 */
export function sexRatioOffset(births: readonly RecordedBirths[]): number {
  const withSex = births.filter((b) => b.boys !== undefined && b.girls !== undefined);
  if (withSex.length === 0) return 0;
  const boys = withSex.reduce((s, b) => s + b.boys!, 0);
  const girls = withSex.reduce((s, b) => s + b.girls!, 0);
  const national = withSex.reduce((s, b) => s + nationalSrb(b.year), 0) / withSex.length;
  return shrunkSexRatio(boys, girls, national) - national;
}
