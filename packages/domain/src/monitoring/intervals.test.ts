import { describe, expect, it } from 'vitest';
import { gammaP, lnGamma } from './gamma.js';
import { poissonInterval, valueInterval, wilsonInterval } from './intervals.js';

describe('exact Poisson (Garwood) interval', () => {
  // 95% limits for the Poisson mean as tabulated in Ulm, Am J Epidemiol 131 (1990) 373–375, and
  // in the chi-square form of Garwood (1936): lower χ²(2k, 0.025)/2, upper χ²(2k+2, 0.975)/2.
  it.each([
    [0, 0, 3.6889],
    [1, 0.0253, 5.5716],
    [2, 0.2422, 7.2247],
    [5, 1.6235, 11.6683],
    [10, 4.7954, 18.3904],
  ])('gives the published limits for %i events', (k, lower, upper) => {
    const ci = poissonInterval(k);
    expect(ci.lower).toBeCloseTo(lower, 4);
    expect(ci.upper).toBeCloseTo(upper, 4);
  });

  it('leaves exactly α/2 in each tail', () => {
    // P(X ≥ k | lower) = P(k, lower) and P(X ≤ k | upper) = 1 − P(k + 1, upper).
    for (const k of [1, 3, 20, 150, 1500]) {
      const { lower, upper } = poissonInterval(k);
      expect(gammaP(k, lower)).toBeCloseTo(0.025, 10);
      expect(1 - gammaP(k + 1, upper)).toBeCloseTo(0.025, 10);
    }
  });

  it('scales a maternal death among 1,500 births to a ratio per 100,000', () => {
    const ci = valueInterval('poisson', 1, 1500, 100000)!;
    expect(ci.lower).toBeCloseTo((0.0253 / 1500) * 100000, 1);
    expect(ci.upper).toBeCloseTo((5.5716 / 1500) * 100000, 1);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => poissonInterval(-1)).toThrow(RangeError);
    expect(() => poissonInterval(1.5)).toThrow(RangeError);
  });
});

describe('Wilson score interval', () => {
  // Newcombe, Stat Med 17 (1998) 857–872, Table I, method 3 (score, no continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('gives Newcombe’s limits for %i of %i', (x, n, lower, upper) => {
    const ci = wilsonInterval(x, n);
    expect(ci.lower).toBeCloseTo(lower, 4);
    expect(ci.upper).toBeCloseTo(upper, 4);
  });

  it('turns the boys’ share into an interval of the sex ratio that holds the observed ratio', () => {
    const ci = valueInterval('sexRatio', 780, 720, 100)!;
    const observed = (780 / 720) * 100;
    expect(ci.lower).toBeLessThan(observed);
    expect(ci.upper).toBeGreaterThan(observed);
    const share = wilsonInterval(780, 1500);
    expect(ci.lower).toBeCloseTo((100 * share.lower) / (1 - share.lower), 10);
  });

  it('has no upper bound on the sex ratio when no girl was born', () => {
    expect(valueInterval('sexRatio', 12, 0, 100)!.upper).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('ln Γ', () => {
  it('matches factorials', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 12);
    expect(lnGamma(6)).toBeCloseTo(Math.log(120), 12);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
});
