import { describe, expect, it } from 'vitest';
import { parseDecimal, toNumber } from './decimal.js';
import { rateFromCounts, rollingCounts, satisfies, totalFertilityRate } from './rates.js';

describe('rates from counts', () => {
  it('meets a floor with exactly the figure, where floating point lands below it', () => {
    // 57 of 100 is 57% exactly; the float gives 56.99999999999999.
    expect((57 / 100) * 100).toBeLessThan(57);
    expect(satisfies(rateFromCounts(57, 100, 100)!, 'atLeast', '57')).toBe(true);
    expect(satisfies(rateFromCounts(7, 1750, 1000)!, 'atMost', '4')).toBe(true);
    expect(satisfies(rateFromCounts(8, 1750, 1000)!, 'atMost', '4')).toBe(false);
  });

  it('compares with decimal targets as printed', () => {
    // 29 maternal deaths in 200,000 births: 14.5 per 100,000, on 001's ceiling.
    expect(satisfies(rateFromCounts(29, 200000, 100000)!, 'atMost', '14.5')).toBe(true);
    expect(satisfies(rateFromCounts(657, 146000, 1000)!, 'atLeast', '4.5')).toBe(true);
    expect(satisfies(rateFromCounts(656, 146000, 1000)!, 'atLeast', '4.5')).toBe(false);
    expect(satisfies(rateFromCounts(0, 1500, 100000)!, 'equal', '0')).toBe(true);
  });

  it('has no rate without a denominator, and refuses impossible counts', () => {
    expect(rateFromCounts(0, 0, 1000)).toBeNull();
    expect(() => rateFromCounts(-1, 10, 1000)).toThrow(RangeError);
    expect(() => rateFromCounts(1.5, 10, 1000)).toThrow(RangeError);
    expect(() => parseDecimal('4,5')).toThrow(RangeError);
  });

  it('adds the age-specific rates of the five-year groups into a total fertility rate', () => {
    // Seven groups at 50 births per 1,000 women: 5 × 7 × 0.05 = 1.75 children per woman.
    const tfr = totalFertilityRate(Array.from({ length: 7 }, () => ({ births: 50, women: 1000 })))!;
    expect(toNumber(tfr)).toBe(1.75);
    expect(satisfies(tfr, 'equal', '1.75')).toBe(true);
    expect(totalFertilityRate([{ births: 0, women: 0 }])).toBeNull();
  });

  it('pools counts over rolling windows rather than averaging the yearly rates', () => {
    const series = [
      { period: 2021, numerator: 2, denominator: 1800 },
      { period: 2022, numerator: 0, denominator: 1200 },
      { period: 2023, numerator: 1, denominator: 1500 },
      { period: 2024, numerator: 4, denominator: 1400 },
    ];
    expect(rollingCounts(series, 3)).toEqual([
      { period: 2023, numerator: 3, denominator: 4500 },
      { period: 2024, numerator: 5, denominator: 4100 },
    ]);
    expect(() => rollingCounts([series[0]!, series[2]!], 1)).toThrow(RangeError);
  });
});
