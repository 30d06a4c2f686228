import e0Csv from '../../../../reference/wpp2024-china/china_e0_1990_2100.csv?raw';
import { describe, expect, it } from 'vitest';
import { infantSeparationFactor, lifeExpectancy, SINGLE_AGES, survivalRatiosFromMx } from './life-table.js';
import { nationalMx } from './national-schedules.js';
import { parseCsv } from './test-reference-cases.js';

describe('survival ratios from death rates', () => {
  it('gives exp(−m) from age 2 on under a constant rate m, the open group included', () => {
    const m = 0.02;
    const s = survivalRatiosFromMx(new Float64Array(SINGLE_AGES).fill(m), 'female');
    // Age 1's ratio divides by L0, where infants' deaths come early in the year (a0).
    for (let x = 2; x < SINGLE_AGES; x++) expect(s[x]).toBeCloseTo(Math.exp(-m), 12);
  });

  it('gives a newborn’s survival to the year’s end as L0 with Coale–Demeny’s a0', () => {
    const m0 = 0.05;
    const a0 = infantSeparationFactor(m0, 'male');
    const q0 = m0 / (1 + (1 - a0) * m0);
    const s = survivalRatiosFromMx(new Float64Array(SINGLE_AGES).fill(m0), 'male');
    expect(s[0]).toBeCloseTo(1 - (1 - a0) * q0, 12);
  });

  it('uses Preston et al. (2001) Table 3.3 for a0 on both sides of 1m0 = 0.107', () => {
    expect(infantSeparationFactor(0.2, 'female')).toBe(0.35);
    expect(infantSeparationFactor(0.2, 'male')).toBe(0.33);
    expect(infantSeparationFactor(0.01, 'female')).toBeCloseTo(0.053 + 2.8 * 0.01, 12);
    expect(infantSeparationFactor(0.01, 'male')).toBeCloseTo(0.045 + 2.684 * 0.01, 12);
  });

  it('gives life expectancies within half a year of WPP 2024’s for China from WPP’s abridged rates', () => {
    for (const row of parseCsv(e0Csv).filter((r) => [2000, 2010, 2020, 2030, 2050].includes(Number(r.year)))) {
      const year = Number(row.year);
      expect(Math.abs(lifeExpectancy(nationalMx('female', year), 'female') - Number(row.e0F))).toBeLessThan(0.5);
      expect(Math.abs(lifeExpectancy(nationalMx('male', year), 'male') - Number(row.e0M))).toBeLessThan(0.5);
    }
  });
});
