import type { Uncertainty } from './indicator.js';
import type { Interval } from './intervals.js';

// When a figure rests on too few events to judge (issue 13, "Small numbers"). The figure is
// still shown, with its counts and interval; the flag says not to read much into it.

/**
 * A rate on fewer than 20 events: its relative standard error exceeds 23% (1/√20), NCHS's
 * threshold for an unreliable rate (National Vital Statistics Reports, technical notes:
 * "rates based on fewer than 20 deaths are considered unreliable"). One maternal death among
 * 1,500 births is about 67 per 100,000, with an interval from 1.7 to 371.
 */
export const MIN_EVENTS = 20;

/**
 * A proportion of fewer than 30 persons, or with a 95% interval 30 percentage points wide or
 * wider: NCHS Data Presentation Standards for Proportions (Parker et al., Vital Health Stat 2(175),
 * 2017), which set these two cut-offs (applied here to the Wilson interval).
 */
export const MIN_PROPORTION_DENOMINATOR = 30;
export const MAX_PROPORTION_INTERVAL_WIDTH = 0.3;

/**
 * A sex ratio at birth whose 95% interval is wider than the band it is judged against (103–107,
 * 4 points: Cradle's reading of "基本正常"). Near 105 that takes about 42,000 births: a county's
 * yearly and 3-year ratios (1,500 and 4,500 births) are always too few to judge, as they are.
 */
export const MAX_SEX_RATIO_INTERVAL_WIDTH = 4;

/** Whether a value rests on too few events to judge; interval in the indicator's unit. */
export function tooFewToJudge(
  uncertainty: Uncertainty,
  numerator: number,
  denominator: number,
  interval: Interval | null,
  factor: number,
): boolean {
  switch (uncertainty) {
    case 'none':
      return false;
    case 'poisson':
      return numerator < MIN_EVENTS;
    case 'binomial':
      return (
        denominator < MIN_PROPORTION_DENOMINATOR ||
        (interval !== null && (interval.upper - interval.lower) / factor >= MAX_PROPORTION_INTERVAL_WIDTH)
      );
    case 'sexRatio':
      return interval === null || interval.upper - interval.lower > MAX_SEX_RATIO_INTERVAL_WIDTH;
  }
}
