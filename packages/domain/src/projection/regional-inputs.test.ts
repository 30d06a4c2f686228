import tfrCsv from '../../../../reference/wpp2024-china/china_tfr_1990_2100.csv?raw';
import srbCsv from '../../../../reference/wpp2024-china/china_srb_1980_2100.csv?raw';
import { describe, expect, it } from 'vitest';
import { projectPopulation } from './cohort-component.js';
import { nationalFertilityShares, nationalTfr } from './national-schedules.js';
import { buildRegionalProjection, type RegionAggregates } from './regional-inputs.js';
import { summarizeProjection } from './summary.js';
import { stylisedCounty } from './test-county.js';
import { parseCsv } from './test-reference-cases.js';

const tfrRows = new Map(parseCsv(tfrCsv).map((r) => [Number(r.year), r]));
const srbRows = new Map(parseCsv(srbCsv).map((r) => [Number(r.year), Number(r.srb)]));
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);
const medium = { kind: 'medium' } as const;

/** Births by single age of mother that are `factor` times what China's rates predict for the county's women. */
function birthsAt(county: RegionAggregates, years: number[], factor: number) {
  return years.map((year) => {
    const shares = nationalFertilityShares(year);
    const byMotherAge = county.population.female.map((w, x) => factor * w * nationalTfr(year) * shares[x]!);
    return { year, firstAge: 0, ageWidth: 1 as const, byMotherAge };
  });
}

describe('a region’s projection inputs from its registry counts', () => {
  it('follows China’s medium TFR and sex ratio at birth (WPP 2024) when the region records no births', () => {
    const { inputs, assumptions } = buildRegionalProjection(stylisedCounty(), { years: 30, fertility: medium });
    expect(assumptions.fertility.ratio).toBe(1);
    inputs.fertilityRates.forEach((rates, k) => {
      expect(sum(rates)).toBeCloseTo(Number(tfrRows.get(2026 + k)!.tfr), 9);
      expect(inputs.sexRatioAtBirth[k]).toBe(srbRows.get(2026 + k));
    });
  });

  it('scales the national age pattern to a county’s own level, pooled over its years', () => {
    const county = stylisedCounty();
    county.births = birthsAt(county, [2023, 2024, 2025], 1.5);
    const { inputs, assumptions } = buildRegionalProjection(county, { years: 5, fertility: medium });
    expect(assumptions.fertility.rawRatio).toBeCloseTo(1.5, 9);
    expect(assumptions.fertility.ratio).toBeGreaterThan(1.49);
    expect(assumptions.fertility.ratio).toBeLessThan(1.5);
    expect(sum(inputs.fertilityRates[0]!)).toBeCloseTo(assumptions.fertility.ratio * nationalTfr(2026), 9);
    expect(assumptions.fertility.observedTfr).toBeGreaterThan(1.4 * nationalTfr(2024));
  });

  it('keeps a village’s few births closer to the national level than to its own', () => {
    const village = stylisedCounty(0.005);
    village.births = birthsAt(village, [2025], 1.5);
    const { assumptions } = buildRegionalProjection(village, { years: 5, fertility: medium });
    expect(assumptions.fertility.rawRatio).toBeCloseTo(1.5, 9);
    const { ratio } = assumptions.fertility;
    expect(ratio - 1).toBeLessThan(1.5 - ratio);
  });

  it('puts the low and high variants WPP’s distance from the medium, phased in from the first year', () => {
    const county = stylisedCounty(1, 2024);
    const tfr = (kind: 'low' | 'medium' | 'high') =>
      buildRegionalProjection(county, { years: 30, fertility: { kind } }).assumptions.fertility.tfr;
    const [low, mid, high] = [tfr('low'), tfr('medium'), tfr('high')];
    mid.forEach((m, k) => {
      const row = tfrRows.get(2024 + k)!;
      expect(high[k]! - m).toBeCloseTo(Number(row.tfr_high) - Number(row.tfr), 6);
      expect(m - low[k]!).toBeCloseTo(Number(row.tfr) - Number(row.tfr_low), 6);
    });
  });

  it('follows a typed TFR path, holding its last value', () => {
    const { inputs } = buildRegionalProjection(stylisedCounty(), {
      years: 6,
      fertility: { kind: 'tfrPath', tfr: [1.1, 1.3, 1.5] },
    });
    expect(inputs.fertilityRates.map((r) => Number(sum(r).toFixed(9)))).toEqual([1.1, 1.3, 1.5, 1.5, 1.5, 1.5]);
  });

  it('lowers survival where a region records more deaths than China’s rates predict', () => {
    const county = stylisedCounty();
    const national = buildRegionalProjection(county, { years: 1, fertility: medium });
    // Twice the deaths the national survival implies, at every age.
    const s = national.inputs.survivalRatios[0]!;
    const deaths = (sex: 'female' | 'male') =>
      county.population[sex].map((p, x) => 2 * p * (1 - (s[sex][x + 1] ?? s[sex][x]!)));
    county.deaths = [{ year: 2025, female: deaths('female'), male: deaths('male') }];
    const local = buildRegionalProjection(county, { years: 1, fertility: medium });
    expect(local.assumptions.mortality.male.ratio).toBeGreaterThan(1.5);
    for (let x = 1; x < 101; x++) expect(local.inputs.survivalRatios[0]!.male[x]).toBeLessThan(s.male[x]!);
  });

  it('takes the region’s own sex ratio at birth when asked, keeping its distance from the national one', () => {
    const county = stylisedCounty();
    county.births = [2023, 2024, 2025].map((year) => ({
      year,
      firstAge: 15,
      ageWidth: 5 as const,
      byMotherAge: [1500],
      boys: 850,
      girls: 650,
    }));
    const { inputs } = buildRegionalProjection(county, { years: 10, fertility: medium, sexRatioAtBirth: 'regional' });
    const offset = inputs.sexRatioAtBirth[0]! - srbRows.get(2026)!;
    expect(offset).toBeGreaterThan(0.15);
    inputs.sexRatioAtBirth.forEach((srb, k) => expect(srb - srbRows.get(2026 + k)!).toBeCloseTo(offset, 12));
  });

  it('adds recorded migration half at the start and half at the end of each year', () => {
    const county = stylisedCounty();
    const out = Array.from({ length: 101 }, (_, x) => (x >= 18 && x < 30 ? -50 : 0));
    county.netMigrationPerYear = { female: out, male: out };
    const { inputs, assumptions } = buildRegionalProjection(county, { years: 3, fertility: medium });
    expect(assumptions.migration).toBe('recorded');
    expect(inputs.netMigration?.timing).toBe('even');
    expect(inputs.netMigration?.counts).toHaveLength(3);
  });

  it('refuses a population without 101 single ages', () => {
    const county = stylisedCounty();
    county.population.female = county.population.female.slice(0, 90);
    expect(() => buildRegionalProjection(county, { years: 30, fertility: medium })).toThrow(/101 single ages/);
  });

  it('projects more births and young children the higher the scenario, over 30 years', () => {
    const run = (kind: 'low' | 'medium' | 'high') =>
      summarizeProjection(
        projectPopulation(buildRegionalProjection(stylisedCounty(), { years: 30, fertility: { kind } }).inputs),
      );
    const [low, mid, high] = [run('low'), run('medium'), run('high')];
    expect(mid).toHaveLength(31);
    for (let k = 0; k < 30; k++) {
      expect(low[k]!.births!).toBeLessThan(mid[k]!.births!);
      expect(mid[k]!.births!).toBeLessThan(high[k]!.births!);
    }
    for (let k = 1; k <= 30; k++) expect(low[k]!.under3).toBeLessThan(high[k]!.under3);
    expect(mid[30]!.births).toBeNull();
  });
});
