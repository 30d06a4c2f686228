import { SEXES, type BySex, type ProjectionInputs } from './types.js';
import { scenarioTfr, type FertilityScenario } from './fertility-scenarios.js';
import type { LocalLevel } from './local-level.js';
import { SINGLE_AGES, survivalRatiosFromMx } from './life-table.js';
import { nationalFertilityShares, nationalMx, nationalSrb, nationalTfr } from './national-schedules.js';
import {
  fertilityLevel,
  mortalityLevel,
  observedTfr,
  sexRatioOffset,
  type Exposure,
  type RecordedBirths,
  type RecordedDeaths,
} from './regional-levels.js';

/** What the registry knows of a region (by residence), aggregated: no person in it. */
export interface RegionAggregates {
  /** The base population is counted on 1 January of this year. */
  baseYear: number;
  /** Persons by sex and single age 0 … 100 (the last 100+). */
  population: BySex<readonly number[]>;
  /** Recent years' births by age of mother; none: the national level. */
  births?: readonly RecordedBirths[];
  /** Recent years' deaths by sex and age; none: the national level. */
  deaths?: readonly RecordedDeaths[];
  /** Mid-year population of the years of births and deaths; a year not given uses the base population. */
  exposure?: readonly Exposure[];
  /** Net migrants a year by sex and single age (e.g. the mean of recent recorded moves); none: no migration. */
  netMigrationPerYear?: BySex<readonly number[]>;
}

export interface RegionalProjectionOptions {
  /** Years ahead (one step a year). */
  years: number;
  fertility: FertilityScenario;
  /** The national sex ratio at birth (default), or the region's, shrunk toward it. */
  sexRatioAtBirth?: 'national' | 'regional';
  /** Prior strength of the national levels (local-level.ts, DEFAULT_PRIOR_STRENGTH). */
  priorStrength?: number;
}

/** The inputs, and the assumptions behind them for the user to see. */
export interface RegionalProjectionSetup {
  inputs: ProjectionInputs;
  assumptions: {
    fertility: LocalLevel & { observedTfr: number | null; tfr: number[] };
    mortality: BySex<LocalLevel>;
    sexRatioAtBirth: number[];
    migration: 'none' | 'recorded';
  };
}

/**
 * Engine inputs for a region: China's WPP 2024 schedules (age pattern of fertility, death rates,
 * sex ratio at birth) scaled to the region's own levels as far as its counts support them
 * (regional-levels.ts), under a fertility scenario. The method and its readings: README.md.
 */
export function buildRegionalProjection(
  region: RegionAggregates,
  options: RegionalProjectionOptions,
): RegionalProjectionSetup {
  checkAggregates(region, options.years);
  const exposure = (year: number) => region.exposure?.find((e) => e.year === year)?.population ?? region.population;
  const births = region.births ?? [];
  const deaths = region.deaths ?? [];
  const fertility = fertilityLevel(births, exposure, options.priorStrength);
  const mortality = {
    female: mortalityLevel(deaths, 'female', exposure, options.priorStrength),
    male: mortalityLevel(deaths, 'male', exposure, options.priorStrength),
  };
  const stepYears = Array.from({ length: options.years }, (_, k) => region.baseYear + k);
  const tfr = scenarioTfr(
    options.fertility,
    stepYears.map((y) => fertility.ratio * nationalTfr(y)),
  );
  const srbOffset = options.sexRatioAtBirth === 'regional' ? sexRatioOffset(births) : 0;
  const sexRatioAtBirth = stepYears.map((y) => nationalSrb(y) + srbOffset);
  const migration = region.netMigrationPerYear;
  const inputs: ProjectionInputs = {
    ageWidth: 1,
    startYear: region.baseYear,
    basePopulation: {
      female: Float64Array.from(region.population.female),
      male: Float64Array.from(region.population.male),
    },
    survivalRatios: stepYears.map((y) => ({
      female: survivalRatiosFromMx(scaled(nationalMx('female', y), mortality.female.ratio), 'female'),
      male: survivalRatiosFromMx(scaled(nationalMx('male', y), mortality.male.ratio), 'male'),
    })),
    fertilityRates: stepYears.map((y, k) => scaled(nationalFertilityShares(y), tfr[k]!)),
    sexRatioAtBirth,
    // Recorded moves happen all year round: half exposed to the year's risks ("even").
    ...(migration && {
      netMigration: {
        timing: 'even' as const,
        counts: stepYears.map(() => ({
          female: Float64Array.from(migration.female),
          male: Float64Array.from(migration.male),
        })),
      },
    }),
  };
  return {
    inputs,
    assumptions: {
      fertility: { ...fertility, observedTfr: observedTfr(births, exposure), tfr },
      mortality,
      sexRatioAtBirth,
      migration: migration ? 'recorded' : 'none',
    },
  };
}

function scaled(a: Float64Array, factor: number): Float64Array {
  for (let i = 0; i < a.length; i++) a[i] = a[i]! * factor;
  return a;
}

function checkAggregates(region: RegionAggregates, years: number) {
  if (!Number.isInteger(years) || years < 1) throw new RangeError('projection: years must be a positive whole number');
  const bySex = [region.population, ...(region.exposure ?? []).map((e) => e.population)];
  if (region.netMigrationPerYear) bySex.push(region.netMigrationPerYear);
  for (const counts of bySex) {
    for (const sex of SEXES) {
      if (counts[sex].length !== SINGLE_AGES) {
        throw new RangeError(`projection: ${sex} counts need ${SINGLE_AGES} single ages (0 … 100+)`);
      }
    }
  }
  const people = [region.population, ...(region.exposure ?? []).map((e) => e.population)];
  for (const counts of people) {
    if ([...counts.female, ...counts.male].some((v) => !(v >= 0)))
      throw new RangeError('projection: negative population');
  }
}
