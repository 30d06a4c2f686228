/**
 * How many expected events the national level is worth when a region's own count is weighed
 * against it. Cradle's reading: a gamma prior with mean 1 and shape α has a coefficient of
 * variation of 1/√α, and 25 says counties differ from the national level by about 20% (1/√25) —
 * to be re-estimated from the spread of many regions' ratios (Clayton and Kaldor 1987, moment
 * estimator) once Cradle holds them. A county's three years of ~1,500 births weigh 99% against
 * it; a township's 50 births 67%; a village's 5 births 17%.
 */
export const DEFAULT_PRIOR_STRENGTH = 25;

export interface LocalLevel {
  /** Events counted in the region. */
  observed: number;
  /** Events the national schedule predicts for the region's people (indirect standardisation). */
  expected: number;
  /** observed / expected: the standardised ratio (null when nothing is expected). */
  rawRatio: number | null;
  /** The ratio the projection uses, shrunk toward 1. */
  ratio: number;
  priorStrength: number;
}

/**
 * A region's level relative to the national schedule, as the posterior mean of a Poisson–gamma
 * model: observed ~ Poisson(ratio × expected), ratio ~ Gamma(α, α); posterior mean (observed + α)
 * / (expected + α) (Clayton and Kaldor, "Empirical Bayes estimates of age-standardized relative
 * risks for use in disease mapping", Biometrics 43, 1987). Few events leave it near the national
 * level; many make it the region's own observed/expected ratio.
 */
export function shrunkLevel(observed: number, expected: number, priorStrength = DEFAULT_PRIOR_STRENGTH): LocalLevel {
  if (!(observed >= 0) || !(expected >= 0) || !(priorStrength > 0)) {
    throw new RangeError('projection: counts must be non-negative and the prior strength positive');
  }
  return {
    observed,
    expected,
    rawRatio: expected > 0 ? observed / expected : null,
    ratio: (observed + priorStrength) / (expected + priorStrength),
    priorStrength,
  };
}

/**
 * A region's sex ratio at birth: the share of boys as the posterior mean of a beta–binomial
 * model centred on the national share, worth `priorBirths` births. Cradle's reading: 500 births,
 * so a county's 4,500 births over three years weigh 90% and a township's 100 births 17%.
 */
export function shrunkSexRatio(boys: number, girls: number, nationalSrb: number, priorBirths = 500): number {
  if (!(boys >= 0) || !(girls >= 0)) throw new RangeError('projection: birth counts must be non-negative');
  const nationalBoyShare = nationalSrb / (1 + nationalSrb);
  const share = (boys + priorBirths * nationalBoyShare) / (boys + girls + priorBirths);
  return share / (1 - share);
}
