import type { Sex } from '../id-number.js';
import { graduateGroups } from './graduate.js';
import { SINGLE_AGES, singleAgeMx } from './life-table.js';
import {
  WPP2024_CHINA_MX,
  WPP2024_CHINA_PERCENT_ASFR,
  WPP2024_CHINA_SRB,
  WPP2024_CHINA_TFR,
  WPP2024_CHINA_TFR_VARIANT_OFFSET,
  WPP2024_MX_AGES,
  type YearSeries,
} from './wpp2024-china.js';

// China's national schedules from UN WPP 2024 (wpp2024-china.ts), by calendar year: the prior
// that a county's own counts adjust.

/** The series' value in `year`, the first or last value outside its years. */
export function valueInYear(series: YearSeries, year: number): number {
  const i = Math.min(Math.max(year - series.firstYear, 0), series.values.length - 1);
  return series.values[i]!;
}

export const nationalTfr = (year: number) => valueInYear(WPP2024_CHINA_TFR, year);
export const nationalSrb = (year: number) => valueInYear(WPP2024_CHINA_SRB, year);

/** WPP's distance of the low and high variants from the medium, `k` years into a projection. */
export function variantOffset(k: number): number {
  const v = WPP2024_CHINA_TFR_VARIANT_OFFSET.values;
  return v[Math.min(Math.max(k, 0), v.length - 1)]!;
}

/**
 * WPP publishes mx and the fertility pattern by five-year period; a calendar year takes the
 * interpolation between the two periods whose midpoints bracket its middle, so the schedules
 * change every year rather than by jumps every five.
 */
function periodWeights(periodStarts: readonly number[], year: number): { lower: number; upper: number; w: number } {
  const mid = year + 0.5;
  const last = periodStarts.length - 1;
  const position = (mid - (periodStarts[0]! + 2.5)) / 5;
  if (position <= 0) return { lower: 0, upper: 0, w: 0 };
  if (position >= last) return { lower: last, upper: last, w: 0 };
  const lower = Math.floor(position);
  return { lower, upper: lower + 1, w: position - lower };
}

/** Single-age death rates of `sex` in `year`, ages 0 … 100+ (log-linear between periods). */
export function nationalMx(sex: Sex, year: number): Float64Array {
  const { lower, upper, w } = periodWeights(
    WPP2024_CHINA_MX.map((p) => p.start),
    year,
  );
  const a = WPP2024_CHINA_MX[lower]![sex];
  const b = WPP2024_CHINA_MX[upper]![sex];
  const abridged = a.map((m, i) => Math.exp((1 - w) * Math.log(m) + w * Math.log(b[i]!)));
  return singleAgeMx(abridged, WPP2024_MX_AGES);
}

/** First age of WPP's fertility pattern (15–19 … 45–49). */
export const FERTILE_AGE_FIRST = 15;

/**
 * The national age pattern of fertility in `year`: each single age's share of the TFR (ages 0 …
 * 100, summing to 1), graduated from WPP's five-year percentages (graduate.ts).
 */
export function nationalFertilityShares(year: number): Float64Array {
  const { lower, upper, w } = periodWeights(
    WPP2024_CHINA_PERCENT_ASFR.map((p) => p.start),
    year,
  );
  const a = WPP2024_CHINA_PERCENT_ASFR[lower]!.percent;
  const b = WPP2024_CHINA_PERCENT_ASFR[upper]!.percent;
  const groups = a.map((p, i) => ((1 - w) * p + w * b[i]!) / 100);
  const single = graduateGroups(groups, 5);
  const sum = single.reduce((s, v) => s + v, 0);
  const shares = new Float64Array(SINGLE_AGES);
  single.forEach((v, i) => (shares[FERTILE_AGE_FIRST + i] = v / sum));
  return shares;
}
