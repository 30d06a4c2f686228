import type { Sex } from '../id-number.js';

/** Sexes in the order of the reference files (female first, as the UN's runs write them). */
export const SEXES: readonly Sex[] = ['female', 'male'];

export interface BySex<T> {
  female: T;
  male: T;
}

/**
 * When net migrants arrive: all at the end of the step (the UN's Canada run), or half at the start
 * and half at the end ("even": Preston et al. 2001, Box 6.2).
 */
export type MigrationTiming = 'end' | 'even';

/**
 * Inputs of one cohort-component projection. Arrays are indexed by age group (0, w, 2w, …); the
 * last group is open (100+ at single ages, 85+ in Preston's example). A step is `ageWidth` years.
 */
export interface ProjectionInputs {
  ageWidth: 1 | 5;
  /** The year of the base population (1 January). */
  startYear: number;
  basePopulation: BySex<Float64Array>;
  /**
   * Per step, S(x) by sex: index 0 = births surviving to the first group at the end of the step;
   * index x = the group x−1 surviving into group x; the last = the last two groups surviving into
   * the open group (reference/projection/README.md, table of canada-*.csv).
   */
  survivalRatios: readonly BySex<Float64Array>[];
  /** Per step, births per woman per year by age group of the mother. */
  fertilityRates: readonly Float64Array[];
  /** Per step, boys per girl (1.05 = 105 boys per 100 girls). */
  sexRatioAtBirth: readonly number[];
  /** Per step, net migrants by sex and age group during the step; none when absent. */
  netMigration?: { timing: MigrationTiming; counts: readonly BySex<Float64Array>[] };
}

export interface StepBirths {
  female: number;
  male: number;
  /** Births during the step by age group of the mother (all births, both sexes). */
  byMotherAge: Float64Array;
}

export interface ProjectionResult {
  ageWidth: 1 | 5;
  /** years[k] = startYear + k × ageWidth, k = 0 … steps. */
  years: number[];
  /** population[k]: by sex and age group on 1 January of years[k]; population[0] is the base. */
  population: BySex<Float64Array>[];
  /** births[k]: births during the step from years[k] to years[k + 1]. */
  births: StepBirths[];
}
