// The sex ratio at birth (出生人口性别比, GLOSSARY: sexRatioAtBirth) judged against the normal
// range only where the number of births can tell. No seed gives a band (REQUIREMENTS.md, note 8);
// 103–107 is the shared glossary's "usual national reading".
export const NORMAL_SEX_RATIO = { low: 103, high: 107 } as const;

// 95% two-sided confidence (z = 1.96), the common choice for an alert that should rarely be false.
const Z = 1.96;

export type SexRatioVerdict = 'high' | 'low' | 'normal' | 'tooFew';

export interface SexRatioJudgement {
  /** Male births per 100 female births, one decimal; null without female births. */
  ratio: number | null;
  births: number;
  verdict: SexRatioVerdict | null;
  /** The ratio's 95% interval (from the Wilson interval of the share of boys); null without births. */
  interval: { low: number; high: number } | null;
}

/**
 * High or low only when the whole 95% interval lies outside 103–107, normal when the ratio lies
 * inside it, and otherwise "too few births to tell". Each birth is a Bernoulli trial (boy or
 * girl), so the share of boys p = m / n has the Wilson score interval (Wilson 1927), and the
 * ratio 100·p/(1−p) rises with p: its interval is the ratio at the two ends. With 183 births the
 * interval spans about 80–140, so a village's ratio of 95 is no sign of anything; an alert for a
 * ratio of 115 needs some 3,000 births.
 */
export function judgeSexRatio(male: number, female: number): SexRatioJudgement {
  const births = male + female;
  const ratio = female > 0 ? Math.round((male / female) * 1000) / 10 : null;
  if (births === 0) return { ratio, births, verdict: null, interval: null };
  const p = male / births;
  const centre = (p + (Z * Z) / (2 * births)) / (1 + (Z * Z) / births);
  const half = (Z / (1 + (Z * Z) / births)) * Math.sqrt((p * (1 - p)) / births + (Z * Z) / (4 * births * births));
  const toRatio = (share: number) => (share >= 1 ? Infinity : (100 * share) / (1 - share));
  const interval = { low: toRatio(Math.max(0, centre - half)), high: toRatio(Math.min(1, centre + half)) };
  const verdict: SexRatioVerdict =
    interval.low > NORMAL_SEX_RATIO.high
      ? 'high'
      : interval.high < NORMAL_SEX_RATIO.low
        ? 'low'
        : ratio !== null && ratio >= NORMAL_SEX_RATIO.low && ratio <= NORMAL_SEX_RATIO.high
          ? 'normal'
          : 'tooFew';
  return { ratio, births, verdict, interval };
}
