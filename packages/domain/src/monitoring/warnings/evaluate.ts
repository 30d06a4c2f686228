import { findIndicator } from '../catalogue/index.js';
import { compareRational, parseDecimal, rational, toNumber } from '../decimal.js';
import { indicatorFactor, type IndicatorDefinition } from '../indicator.js';
import { valueInterval } from '../intervals.js';
import { assessTarget, indicatorValue } from '../status.js';
import { movedSteadily } from '../trend.js';
import type { Target } from '../types.js';
import type { IndicatorSeries, RaisedWarning, SeriesPoint, WarningCondition, WarningRule } from './rule.js';

type Judged = { raised: false } | { raised: true; value: number | null };
const NO: Judged = { raised: false };

function valueOf(def: IndicatorDefinition, p: SeriesPoint): number | null {
  if (p.numerator === null) return null;
  const v = indicatorValue(def, { numerator: p.numerator, denominator: p.denominator });
  return v && toNumber(v);
}

function threshold(
  c: Extract<WarningCondition, { test: 'above' | 'below' }>,
  def: IndicatorDefinition,
  p: SeriesPoint,
): Judged {
  if (p.numerator === null) return NO;
  const exact =
    c.of === 'numerator'
      ? rational(p.numerator, 1)
      : indicatorValue(def, { numerator: p.numerator, denominator: p.denominator });
  if (exact === null) return NO;
  const beyond = (cmp: number) => (c.test === 'above' ? cmp > 0 : cmp < 0);
  if (c.judgedBy === 'value')
    return beyond(compareRational(exact, parseDecimal(c.value))) ? { raised: true, value: toNumber(exact) } : NO;
  if (p.denominator === null) return NO;
  const interval = valueInterval(def.uncertainty, p.numerator, p.denominator, indicatorFactor(def));
  const limit = Number(c.value);
  // The whole interval beyond the figure: its near end is past it.
  const clear = interval !== null && (c.test === 'above' ? interval.lower > limit : interval.upper < limit);
  return clear ? { raised: true, value: toNumber(exact) } : NO;
}

/**
 * The targets due in a period's year, and those without a year. A target still ahead is the
 * scorecard's question (on track or not), not a warning's.
 */
function targetsDue(targets: readonly Target[], indicator: string, year: number): Target[] {
  return targets.filter((t) => t.indicator === indicator && (t.year === null || t.year === year));
}

function judge(
  c: WarningCondition,
  def: IndicatorDefinition,
  series: IndicatorSeries,
  targets: readonly Target[],
): Judged {
  const last = series.points.at(-1);
  if (!last) return NO;
  switch (c.test) {
    case 'above':
    case 'below':
      return threshold(c, def, last);
    case 'missesTarget': {
      if (last.numerator === null) return NO;
      const counts = { numerator: last.numerator, denominator: last.denominator };
      const missed = targetsDue(targets, def.code, last.year).some(
        (t) => assessTarget(t, def, counts, last.year).status === 'notMet',
      );
      return missed ? { raised: true, value: valueOf(def, last) } : NO;
    }
    case 'rising':
    case 'falling': {
      const tail = series.points.slice(-(c.steps + 1)).map((p) => valueOf(def, p));
      if (tail.some((v) => v === null)) return NO;
      const values = tail as number[];
      return movedSteadily(values, c.test, c.steps) ? { raised: true, value: values.at(-1)! } : NO;
    }
    case 'missing':
      return last.numerator === null ? { raised: true, value: null } : NO;
    case 'silent':
      // P(no event | Poisson mean μ) = e^−μ.
      return last.numerator === 0 &&
        last.expectedEvents !== undefined &&
        Math.exp(-last.expectedEvents) < c.maxChanceOfNone
        ? { raised: true, value: 0 }
        : NO;
  }
}

/**
 * The warnings the rules raise on the series, each for the last period of a series whose
 * indicator and period type the rule reads. `targets`: those of the plan(s) in force.
 */
export function evaluateWarnings(
  rules: readonly WarningRule[],
  series: readonly IndicatorSeries[],
  targets: readonly Target[] = [],
): RaisedWarning[] {
  const raised: RaisedWarning[] = [];
  for (const rule of rules)
    for (const s of series) {
      if (s.periodType !== rule.periodType) continue;
      const applies =
        rule.condition.test === 'missesTarget'
          ? targets.some((t) => t.indicator === s.indicator)
          : rule.indicators.includes(s.indicator);
      const def = findIndicator(s.indicator);
      // A total fertility rate needs births and women by age group, not one numerator and denominator.
      if (!applies || !def || def.formula.kind === 'totalFertility') continue;
      const verdict = judge(rule.condition, def, s, targets);
      if (!verdict.raised) continue;
      raised.push({
        rule: rule.code,
        kind: rule.kind,
        severity: rule.severity,
        name: rule.name,
        indicator: s.indicator,
        regionCode: s.regionCode,
        period: s.points.at(-1)!.period,
        value: verdict.value,
        bases: rule.bases,
        reading: rule.reading,
      });
    }
  return raised;
}
