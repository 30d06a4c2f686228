import { compareRational, parseDecimal, rational, addRational, scaleRational, type Rational } from './decimal.js';
import type { Comparison, DecimalString, Factor } from './types.js';

function assertCount(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
}

/** numerator ÷ denominator × factor, exactly; null when there is nothing to divide by. */
export function rateFromCounts(numerator: number, denominator: number, factor: Factor): Rational | null {
  assertCount('numerator', numerator);
  assertCount('denominator', denominator);
  if (denominator === 0) return null;
  return rational(BigInt(numerator) * BigInt(factor), denominator);
}

/** Whether a value satisfies a target, decided exactly (bounds inclusive, types.ts). */
export function satisfies(value: Rational, comparison: Comparison, target: DecimalString): boolean {
  const c = compareRational(value, parseDecimal(target));
  switch (comparison) {
    case 'atMost':
      return c <= 0;
    case 'atLeast':
      return c >= 0;
    case 'equal':
      return c === 0;
  }
}

/** Births and mid-period women of one five-year age group of mothers. */
export interface AgeGroupCounts {
  births: number;
  women: number;
}

/**
 * Total fertility rate: 5 × Σ births(g) ÷ women(g) over the groups 15–19 … 45–49 (the width of a
 * group is 5 years). A group without women adds nothing; null when no group has women.
 */
export function totalFertilityRate(groups: readonly AgeGroupCounts[]): Rational | null {
  let sum: Rational | null = null;
  for (const g of groups) {
    assertCount('births', g.births);
    assertCount('women', g.women);
    if (g.women === 0) continue;
    const asfr = rational(g.births, g.women);
    sum = sum ? addRational(sum, asfr) : asfr;
  }
  return sum && scaleRational(sum, 5);
}

export interface PeriodCounts {
  /** The period's label, e.g. a year; the series must be in order and without gaps. */
  period: number;
  numerator: number;
  denominator: number;
}

/**
 * Rolling sums over `width` consecutive periods: one entry per period that closes a full window,
 * with the pooled numerator and denominator (a pooled rate, not a mean of yearly rates: a year
 * of 1,800 births weighs more than one of 1,200).
 */
export function rollingCounts(series: readonly PeriodCounts[], width: number): PeriodCounts[] {
  if (!Number.isInteger(width) || width < 1) throw new RangeError(`width must be a positive integer, got ${width}`);
  for (let i = 1; i < series.length; i++)
    if (series[i]!.period !== series[i - 1]!.period + 1) throw new RangeError('periods must be consecutive');
  const out: PeriodCounts[] = [];
  for (let end = width - 1; end < series.length; end++) {
    const window = series.slice(end - width + 1, end + 1);
    out.push({
      period: series[end]!.period,
      numerator: window.reduce((s, p) => s + p.numerator, 0),
      denominator: window.reduce((s, p) => s + p.denominator, 0),
    });
  }
  return out;
}
