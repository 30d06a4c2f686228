import { describe, expect, it } from 'vitest';
import { summarizeProjection } from './summary.js';
import type { ProjectionResult } from './types.js';

describe('the yearly summary of a projection', () => {
  // One person of each sex at each age 0 … 100+, so each band counts twice its ages.
  const one = () => new Float64Array(101).fill(1);
  const result: ProjectionResult = {
    ageWidth: 1,
    years: [2026, 2027],
    population: [
      { female: one(), male: one() },
      { female: one(), male: one() },
    ],
    births: [{ female: 10, male: 11, byMotherAge: new Float64Array(101) }],
  };

  it('counts the childcare, school and old-age bands by completed age', () => {
    const [first] = summarizeProjection(result);
    expect(first).toEqual({
      year: 2026,
      total: 202,
      births: 21,
      under3: 2 * 3,
      preschool: 2 * 3,
      primary: 2 * 6,
      juniorSecondary: 2 * 3,
      aged60Plus: 2 * 41,
      aged80Plus: 2 * 21,
    });
  });

  it('has no births in the last year, which starts no step', () => {
    expect(summarizeProjection(result)[1]!.births).toBeNull();
  });

  it('refuses five-year groups, which cannot give the under-3s', () => {
    expect(() => summarizeProjection({ ...result, ageWidth: 5 })).toThrow(/single ages/);
  });
});
