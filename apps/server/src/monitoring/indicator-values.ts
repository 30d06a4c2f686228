import {
  assessTarget,
  indicatorFactor,
  indicatorValue,
  linearTrend,
  STATUS_REASONS,
  toNumber,
  tooFewToJudge,
  totalFertilityRate,
  valueInterval,
  type Counts,
  type IndicatorDefinition,
  type Plan,
  type Target,
} from '@cradle/domain';
import type { IndicatorSummary, PlanView, TargetValue } from '@cradle/contract';
import { periodOf, type CountsCube, type Period } from './counts-cube.js';

// An indicator's value from a region's counts with the domain's own functions (rates, TFR,
// intervals, small numbers, assessTarget): nothing here decides a figure the domain decides.

/** The counts behind an indicator for a period; null where a reported figure is missing. */
export function countsOf(def: IndicatorDefinition, cube: CountsCube, p: Period): Counts | null {
  switch (def.formula.kind) {
    case 'count': {
      const n = cube.value(def.formula.count, p);
      return n === null ? null : { numerator: n, denominator: null };
    }
    case 'ratio': {
      const n = cube.value(def.formula.numerator, p);
      const d = cube.value(def.formula.denominator, p);
      return n === null || d === null ? null : { numerator: n, denominator: d };
    }
    case 'totalFertility': {
      const groups = cube.fertilityGroups(p);
      return {
        numerator: groups.reduce((s, g) => s + g.births, 0),
        denominator: groups.reduce((s, g) => s + g.women, 0),
      };
    }
  }
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** Value, counts, interval and small-number flag of an indicator for a period (no target). */
export function pointOf(def: IndicatorDefinition, cube: CountsCube, p: Period) {
  const counts = countsOf(def, cube, p);
  if (counts === null) return { value: null, numerator: null, denominator: null, interval: null, tooFewToJudge: false };
  if (def.formula.kind === 'totalFertility') {
    const tfr = totalFertilityRate(cube.fertilityGroups(p).map((g) => ({ births: g.births, women: g.women })));
    return { value: tfr && toNumber(tfr), ...counts, interval: null, tooFewToJudge: false };
  }
  const exact = indicatorValue(def, counts);
  const factor = indicatorFactor(def);
  const interval =
    counts.denominator === null ? null : valueInterval(def.uncertainty, counts.numerator, counts.denominator, factor);
  return {
    value: exact && toNumber(exact),
    numerator: counts.numerator,
    denominator: counts.denominator,
    interval: interval && { lower: interval.lower, upper: finite(interval.upper) },
    tooFewToJudge:
      counts.denominator !== null &&
      tooFewToJudge(def.uncertainty, counts.numerator, counts.denominator, interval, factor),
  };
}

/** Years of history a status's trend reads (assessTarget needs at least three). */
export const HISTORY_YEARS = 5;

/**
 * A target's standing in a year, with its trend over the years before (README "Status of a target").
 * Where the target does not judge the region (targetJudges: a total for the plan's whole area), the
 * value shows with no status.
 */
export function assess(target: Target, def: IndicatorDefinition, cube: CountsCube, year: number, judged = true) {
  const history: { year: number; value: number | null }[] = [];
  for (let y = year - HISTORY_YEARS + 1; y <= year; y++)
    history.push({ year: y, value: pointOf(def, cube, periodOf('year', y)).value });
  const counts = countsOf(def, cube, periodOf('year', year));
  const point = pointOf(def, cube, periodOf('year', year));
  if (counts === null || def.formula.kind === 'totalFertility') {
    const current: TargetValue = {
      ...point,
      status: null,
      reason: 'noData',
      reasonText: STATUS_REASONS.noData,
    };
    return { current, history, trend: { slope: null, projected: null } };
  }
  if (!judged) {
    const current: TargetValue = {
      ...point,
      status: null,
      reason: 'notBrokenDown',
      reasonText: STATUS_REASONS.notBrokenDown,
    };
    const slope = linearTrend(history.flatMap((h) => (h.value === null ? [] : [{ period: h.year, value: h.value }])));
    return { current, history, trend: { slope: slope?.slope ?? null, projected: null } };
  }
  const points = history.flatMap((h) => (h.value === null ? [] : [{ period: h.year, value: h.value }]));
  const a = assessTarget(target, def, counts, year, points);
  const slope = linearTrend(points)?.slope ?? null;
  const current: TargetValue = {
    ...point,
    status: a.status,
    reason: a.reason,
    reasonText: STATUS_REASONS[a.reason],
  };
  return { current, history, trend: { slope, projected: a.projected } };
}

export function indicatorSummary(def: IndicatorDefinition): IndicatorSummary {
  return {
    code: def.code,
    name: def.name,
    unit: def.unit,
    definition: def.definition,
    source: def.source.kind === 'reported' ? def.source.department : def.source.kind,
    factor: indicatorFactor(def),
    higherIsBetter: def.higherIsBetter,
    periodTypes: [...def.periodTypes],
    basis: def.basis ?? null,
    readings: [...def.readings],
  };
}

export function planView(plan: Plan, indicator: (code: string) => IndicatorDefinition): PlanView {
  return {
    code: plan.code,
    title: plan.title,
    documentNumber: plan.documentNumber,
    issuer: plan.issuer,
    issueDate: plan.issueDate,
    jurisdictionCode: plan.jurisdictionCode,
    period: plan.period,
    draft: plan.draft,
    readings: [...plan.readings],
    targets: plan.targets.map((t) => {
      const def = indicator(t.indicator);
      return {
        indicator: t.indicator,
        name: def.name,
        unit: def.unit,
        year: t.year,
        comparison: t.comparison,
        value: t.value,
        quote: t.quote,
        basis: t.basis,
        readings: [...t.readings],
      };
    }),
  };
}
