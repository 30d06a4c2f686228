import type { Message } from '../messages.js';
import { parseDecimal, rational, toNumber, type Rational } from './decimal.js';
import { indicatorFactor, type IndicatorDefinition } from './indicator.js';
import { valueInterval, type Interval } from './intervals.js';
import { rateFromCounts, satisfies } from './rates.js';
import { tooFewToJudge } from './small-numbers.js';
import { linearTrend, projectTrend, type TrendPoint } from './trend.js';
import type { Comparison, Target } from './types.js';

/** Glossary: ragStatus. */
export type TargetStatus = 'met' | 'atRisk' | 'notMet';

/** The counts behind one value: a count indicator's value is its numerator. */
export interface Counts {
  numerator: number;
  denominator: number | null;
}

export type StatusReason =
  'noData' | 'meets' | 'meetsButTrendAgainst' | 'missesButOnTrack' | 'missesWithinChance' | 'misses' | 'notBrokenDown';

export const STATUS_REASONS: Record<StatusReason, Message> = {
  noData: { zh: '无数据', en: 'No data' },
  meets: { zh: '达到目标', en: 'Meets the target' },
  meetsButTrendAgainst: {
    zh: '当前达到目标，但按近年趋势到目标年将达不到',
    en: 'Meets the target now, but the recent trend misses it by the target year',
  },
  missesButOnTrack: {
    zh: '尚未达到目标，按近年趋势到目标年可以达到',
    en: 'Not there yet, but the recent trend reaches it by the target year',
  },
  missesWithinChance: {
    zh: '未达到目标，但差距在偶然波动范围内（95%置信区间包含目标值）',
    en: 'Misses the target, but within chance (the 95% interval reaches the target)',
  },
  misses: { zh: '未达到目标', en: 'Misses the target' },
  notBrokenDown: {
    zh: '目标是方案所辖全域的总数，未分解到本区域，不作评判',
    en: 'The target is a total for the plan’s whole area, not broken down to this area: not judged',
  },
};

/** Whether a target judges a region: a total for the plan's region judges that region only. */
export function targetJudges(plan: { jurisdictionCode: string }, target: Target, regionCode: string): boolean {
  return !target.planRegionTotal || regionCode === plan.jurisdictionCode;
}

export interface TargetAssessment {
  status: TargetStatus | null;
  reason: StatusReason;
  exact: Rational | null;
  value: number | null;
  interval: Interval | null;
  tooFewToJudge: boolean;
  /** The trend's value in the target year, where one was projected. */
  projected: number | null;
}

/** An indicator's value from its counts; null where there is nothing to divide by. */
export function indicatorValue(def: IndicatorDefinition, counts: Counts): Rational | null {
  switch (def.formula.kind) {
    case 'count':
      return rational(counts.numerator, 1);
    case 'ratio':
      return counts.denominator === null
        ? null
        : rateFromCounts(counts.numerator, counts.denominator, def.formula.factor);
    case 'totalFertility':
      throw new Error('the total fertility rate needs births and women by age group: use totalFertilityRate');
  }
}

function intervalReaches(interval: Interval, comparison: Comparison, target: number): boolean {
  switch (comparison) {
    case 'atMost':
      return interval.lower <= target;
    case 'atLeast':
      return interval.upper >= target;
    case 'equal':
      return interval.lower <= target && target <= interval.upper;
  }
}

function approxSatisfies(value: number, comparison: Comparison, target: number): boolean {
  return comparison === 'atMost' ? value <= target : comparison === 'atLeast' ? value >= target : value === target;
}

/**
 * A target's status for the period ending in `year` (README, "Status of a target"):
 * - met: the value satisfies the target (decided exactly), and, before the target year, the
 *   trend of `history` (≥ 3 yearly values) does not carry it past the target by then;
 * - at risk: it satisfies it but that trend does not; or it misses it but the trend reaches
 *   it by the target year; or it misses it but the 95% interval reaches the target (chance);
 * - not met: it misses it, beyond chance, and no trend brings it there in time.
 * A target without a year (every year) is judged on the year's value alone.
 */
export function assessTarget(
  target: Target,
  indicator: IndicatorDefinition,
  counts: Counts,
  year: number,
  history: readonly TrendPoint[] = [],
): TargetAssessment {
  const exact = indicatorValue(indicator, counts);
  const factor = indicatorFactor(indicator);
  const interval =
    counts.denominator === null
      ? null
      : valueInterval(indicator.uncertainty, counts.numerator, counts.denominator, factor);
  const few =
    counts.denominator === null
      ? false
      : tooFewToJudge(indicator.uncertainty, counts.numerator, counts.denominator, interval, factor);
  const base = { exact, value: exact && toNumber(exact), interval, tooFewToJudge: few, projected: null };
  if (exact === null) return { ...base, status: null, reason: 'noData' };

  const targetValue = toNumber(parseDecimal(target.value));
  const ahead = target.year !== null && year < target.year;
  const trend = ahead ? linearTrend(history) : null;
  const projected = trend && target.year !== null ? projectTrend(trend, target.year) : null;
  const withProjection = { ...base, projected };

  if (satisfies(exact, target.comparison, target.value)) {
    if (projected !== null && !approxSatisfies(projected, target.comparison, targetValue))
      return { ...withProjection, status: 'atRisk', reason: 'meetsButTrendAgainst' };
    return { ...withProjection, status: 'met', reason: 'meets' };
  }
  if (projected !== null && approxSatisfies(projected, target.comparison, targetValue))
    return { ...withProjection, status: 'atRisk', reason: 'missesButOnTrack' };
  if (interval !== null && intervalReaches(interval, target.comparison, targetValue))
    return { ...withProjection, status: 'atRisk', reason: 'missesWithinChance' };
  return { ...withProjection, status: 'notMet', reason: 'misses' };
}
