/** One value of a series, by year (or any evenly spaced period number). */
export interface TrendPoint {
  period: number;
  value: number;
}

export interface LinearTrend {
  slope: number;
  intercept: number;
}

/** Fewer points than this give no trend: two points are a change, not a direction. */
export const MIN_TREND_POINTS = 3;

/** The least-squares line through the points; null with fewer than three or a single period. */
export function linearTrend(points: readonly TrendPoint[]): LinearTrend | null {
  if (points.length < MIN_TREND_POINTS) return null;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.period, 0) / n;
  const my = points.reduce((s, p) => s + p.value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.period - mx) ** 2;
    sxy += (p.period - mx) * (p.value - my);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

export function projectTrend(trend: LinearTrend, period: number): number {
  return trend.intercept + trend.slope * period;
}

/**
 * Whether the last `steps` changes all went one way: the value rose (or fell) from each period
 * to the next over the last steps + 1 points. Flat steps break a run.
 */
export function movedSteadily(values: readonly number[], direction: 'rising' | 'falling', steps: number): boolean {
  if (values.length < steps + 1) return false;
  const tail = values.slice(-(steps + 1));
  for (let i = 1; i < tail.length; i++) {
    const change = tail[i]! - tail[i - 1]!;
    if (direction === 'rising' ? change <= 0 : change >= 0) return false;
  }
  return true;
}
