import type { Sex } from '../id-number.js';

/** Single ages 0 … 100, the last the open group 100+. */
export const SINGLE_AGES = 101;

/**
 * Single-age death rates from the abridged groups of WPP (0, 1–4, 5–9 … 95–99, 100+): each age
 * takes its group's rate. A constant force of mortality within the group is the assumption under
 * which the abridged table itself turns nmx into nqx = 1 − exp(−n·nmx), so the single-age table
 * keeps every group's probability of dying; a smoother curve would move deaths within a group
 * and change no county total visibly.
 */
export function singleAgeMx(abridged: readonly number[], ages: readonly number[]): Float64Array {
  const out = new Float64Array(SINGLE_AGES);
  let group = 0;
  for (let x = 0; x < SINGLE_AGES; x++) {
    while (group + 1 < ages.length && ages[group + 1]! <= x) group++;
    out[x] = abridged[group]!;
  }
  return out;
}

/**
 * Survival ratios for a one-year step from single-age death rates (Preston, Heuveline and Guillot
 * 2001, ch. 3 and 6.3): S(0) = L0 / l0 (births of the year alive at its end), S(x) = Lx / Lx−1,
 * S(100) = T100 / T99 — the rows of reference/projection/README.md's canada-survival-ratios.csv.
 */
export function survivalRatiosFromMx(mx: Float64Array, sex: Sex): Float64Array {
  const L = personYears(mx, sex);
  const open = SINGLE_AGES - 1;
  const s = new Float64Array(SINGLE_AGES);
  s[0] = L[0]!;
  for (let x = 1; x < open; x++) s[x] = L[x - 1]! > 0 ? L[x]! / L[x - 1]! : 0;
  const T99 = L[open - 1]! + L[open]!;
  s[open] = T99 > 0 ? L[open]! / T99 : 0;
  return s;
}

/** Life expectancy at birth of the single-age table: the sum of its person-years (l0 = 1). */
export function lifeExpectancy(mx: Float64Array, sex: Sex): number {
  return personYears(mx, sex).reduce((s, v) => s + v, 0);
}

/** Person-years Lx of a life table with l0 = 1; the last is T100 of the open group. */
function personYears(mx: Float64Array, sex: Sex): Float64Array {
  const open = SINGLE_AGES - 1;
  const L = new Float64Array(SINGLE_AGES);
  const m0 = mx[0]!;
  const a0 = infantSeparationFactor(m0, sex);
  const q0 = m0 / (1 + (1 - a0) * m0);
  let l = 1 - q0;
  L[0] = l + a0 * q0;
  for (let x = 1; x < open; x++) {
    const m = mx[x]!;
    const next = l * Math.exp(-m);
    // Constant force within the year: L = (lx − lx+1) / mx, which tends to lx as mx → 0.
    L[x] = m > 0 ? (l - next) / m : l;
    l = next;
  }
  L[open] = mx[open]! > 0 ? l / mx[open]! : 0;
  return L;
}

/**
 * 1a0, the mean fraction of the first year lived by infants who die in it: Coale and Demeny's
 * formulas as given by Preston, Heuveline and Guillot (2001), Table 3.3.
 */
export function infantSeparationFactor(m0: number, sex: Sex): number {
  if (sex === 'male') return m0 >= 0.107 ? 0.33 : 0.045 + 2.684 * m0;
  return m0 >= 0.107 ? 0.35 : 0.053 + 2.8 * m0;
}
