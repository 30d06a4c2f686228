import type { LegalBasis } from '../../benefits/scheme.js';
import type { Message } from '../../messages.js';
import type { DecimalString, PeriodType, Reading } from '../types.js';

/** What a rule tests on an indicator's series for a region (evaluate.ts). */
export type WarningCondition =
  /**
   * The last value (or its numerator, a count of events) lies above or below a figure. Judged by
   * `interval`: only when the whole 95% interval lies beyond it, so chance alone does not raise it.
   */
  | { test: 'above' | 'below'; value: DecimalString; of: 'value' | 'numerator'; judgedBy: 'value' | 'interval' }
  /** The last value misses a target of the plan in force, beyond chance (status notMet, status.ts). */
  | { test: 'missesTarget' }
  /** The value rose (fell) at each of the last `steps` steps. */
  | { test: 'rising' | 'falling'; steps: number }
  /** The last period has no value (a department has not reported). */
  | { test: 'missing' }
  /** No event in the last period where the expected number makes none that unlikely. */
  | { test: 'silent'; maxChanceOfNone: number };

export interface WarningRule {
  code: string;
  kind: 'threshold' | 'trend' | 'dataQuality';
  name: Message;
  indicators: readonly string[];
  /** The series the rule reads: a trend of yearly values, a gap in a quarter, a 3-year ratio. */
  periodType: PeriodType;
  condition: WarningCondition;
  severity: 'alert' | 'warning';
  /** The clauses the rule rests on: its own figure's and the monitoring duty's. */
  bases: readonly LegalBasis[];
  /** Whether the rule's figure is the seed's or Cradle's, and why. */
  reading: Reading;
}

/** One period of an indicator's series for a region; null numerator: not reported. */
export interface SeriesPoint {
  /** Label of the period: '2025', '2025Q1', '2025-03', '2023–2025'. */
  period: string;
  /** The year the period ends in (for the targets). */
  year: number;
  numerator: number | null;
  denominator: number | null;
  /** Events the region's population would have at its parent region's rate (for `silent`). */
  expectedEvents?: number;
}

export interface IndicatorSeries {
  indicator: string;
  regionCode: string;
  periodType: PeriodType;
  /** Oldest first; the last point is the period judged. */
  points: readonly SeriesPoint[];
}

export interface RaisedWarning {
  rule: string;
  kind: WarningRule['kind'];
  severity: WarningRule['severity'];
  name: Message;
  indicator: string;
  regionCode: string;
  period: string;
  /** The value judged, in the indicator's unit (for `missing`, null). */
  value: number | null;
  bases: readonly LegalBasis[];
  reading: Reading;
}
