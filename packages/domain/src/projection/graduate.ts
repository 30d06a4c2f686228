/**
 * Splits totals of equal-width age groups into single ages: a monotone cubic (Fritsch and Carlson,
 * SIAM J. Numer. Anal. 17(2), 1980) through the cumulative totals at the group bounds, differenced
 * at each age. The interpolant passes through every bound, so each group keeps its total exactly,
 * and it never decreases, so no age gets a negative share (the approach of DemoTools'
 * graduate_mono, which uses Hyman's 1983 filter to the same end). Returns `width × groups` values.
 */
export function graduateGroups(totals: readonly number[], width: number): Float64Array {
  const n = totals.length;
  const slopes = totals.map((t) => t / width);
  const tangents = new Float64Array(n + 1);
  tangents[0] = slopes[0]!;
  tangents[n] = slopes[n - 1]!;
  for (let k = 1; k < n; k++) tangents[k] = (slopes[k - 1]! + slopes[k]!) / 2;
  for (let k = 0; k < n; k++) limitTangents(tangents, k, slopes[k]!);
  const out = new Float64Array(n * width);
  for (let k = 0; k < n; k++) {
    let previous = 0;
    for (let i = 1; i <= width; i++) {
      const value = hermite(i / width, totals[k]!, tangents[k]! * width, tangents[k + 1]! * width);
      out[k * width + i - 1] = value - previous;
      previous = value;
    }
  }
  return out;
}

/**
 * Fritsch–Carlson: tangents that keep the cubic on a segment monotone, scaled back onto the
 * circle of radius 3 (in units of the segment's slope) when they lie outside it; written without
 * dividing by the slope, which can be tiny.
 */
function limitTangents(tangents: Float64Array, k: number, slope: number) {
  if (slope === 0) {
    tangents[k] = 0;
    tangents[k + 1] = 0;
    return;
  }
  const a = tangents[k]!;
  const b = tangents[k + 1]!;
  const norm = Math.hypot(a, b);
  if (norm > 3 * Math.abs(slope)) {
    tangents[k] = (3 * Math.abs(slope) * a) / norm;
    tangents[k + 1] = (3 * Math.abs(slope) * b) / norm;
  }
}

/** The cubic Hermite rise from 0 (at t = 0) to `rise` (at t = 1) with end tangents m0 and m1. */
function hermite(t: number, rise: number, m0: number, m1: number): number {
  const t2 = t * t;
  const t3 = t2 * t;
  return (-2 * t3 + 3 * t2) * rise + (t3 - 2 * t2 + t) * m0 + (t3 - t2) * m1;
}
