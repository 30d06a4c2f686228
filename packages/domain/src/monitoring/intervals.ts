import { gammaPInverse } from './gamma.js';
import type { Uncertainty } from './indicator.js';
import type { Factor } from './types.js';

/** Cradle's intervals are 95% ones; z is the standard normal's 97.5% quantile. */
export const CONFIDENCE = 0.95;
const ALPHA = 1 - CONFIDENCE;
const Z = 1.959963984540054;

export interface Interval {
  lower: number;
  /** Infinity where the data set no upper bound (a sex ratio with no girls born). */
  upper: number;
}

function assertCount(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
}

/**
 * The exact (Garwood) interval for the mean of a Poisson count k: the lower limit is the mean
 * under which k or more events have probability α/2, the upper the mean under which k or fewer
 * have α/2; through the gamma distribution, lower = P⁻¹(k, α/2), upper = P⁻¹(k + 1, 1 − α/2).
 * Garwood, Biometrika 28 (1936) 437–442; Ulm, Am J Epidemiol 131 (1990) 373–375.
 */
export function poissonInterval(k: number): Interval {
  assertCount('events', k);
  return {
    lower: k === 0 ? 0 : gammaPInverse(k, ALPHA / 2),
    upper: gammaPInverse(k + 1, 1 - ALPHA / 2),
  };
}

/**
 * The Wilson score interval for a proportion x / n: it keeps within [0, 1] and holds its
 * coverage for small n and for x near 0 or n, where the Wald interval fails. Wilson, JASA 22
 * (1927) 209–212; Newcombe, Stat Med 17 (1998) 857–872 (method 3).
 */
export function wilsonInterval(x: number, n: number): Interval {
  assertCount('successes', x);
  assertCount('trials', n);
  if (x > n) throw new RangeError('successes exceed trials');
  if (n === 0) return { lower: 0, upper: 1 };
  const p = x / n;
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Clamp the rounding at the ends: x = 0 gives exactly 0, x = n exactly 1.
  return { lower: x === 0 ? 0 : centre - half, upper: x === n ? 1 : centre + half };
}

/**
 * The interval of an indicator's value from its counts, in the indicator's unit; null where the
 * indicator carries no chance variation or there is nothing to divide by.
 */
export function valueInterval(
  uncertainty: Uncertainty,
  numerator: number,
  denominator: number,
  factor: Factor,
): Interval | null {
  // The sex ratio's trials are boys and girls together: no girls still leaves an interval.
  if (uncertainty === 'sexRatio' ? numerator + denominator === 0 : denominator === 0) return null;
  switch (uncertainty) {
    case 'none':
      return null;
    case 'poisson': {
      // The denominator (births, person-years) is taken as fixed; the events vary.
      const { lower, upper } = poissonInterval(numerator);
      return { lower: (lower / denominator) * factor, upper: (upper / denominator) * factor };
    }
    case 'binomial': {
      const { lower, upper } = wilsonInterval(numerator, denominator);
      return { lower: lower * factor, upper: upper * factor };
    }
    case 'sexRatio': {
      // Boys ÷ girls × factor = factor × p / (1 − p), p the boys' share: monotone in p, so the
      // interval of p maps onto the interval of the ratio.
      const { lower, upper } = wilsonInterval(numerator, numerator + denominator);
      const ratio = (p: number) => (p >= 1 ? Number.POSITIVE_INFINITY : (factor * p) / (1 - p));
      return { lower: ratio(lower), upper: ratio(upper) };
    }
  }
}
