/**
 * A county's expected take-up rate (预计申领率) of a scheme paid on application, in basis points
 * (10000 = 100%), so the rate is stored and multiplied exactly (issue 12).
 */
export type BasisPoints = number;

/**
 * Without a county's figure the budget assumes everyone eligible claims: the whole amount the
 * registry says is owed. None of the seeds (000–004) or the national 育儿补贴 text gives a
 * take-up figure to start from.
 */
export const DEFAULT_TAKE_UP_BASIS_POINTS: BasisPoints = 10_000;

export function isBasisPoints(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 10_000;
}

/**
 * What the budget expects to pay: approved applications in full, and the rest the registry says
 * is owed at the take-up rate, rounded half up to the fen. Amounts in fen as bigint (sums).
 */
export function expectedFen(registryFen: bigint, approvedFen: bigint, rate: BasisPoints): bigint {
  if (!isBasisPoints(rate)) throw new RangeError(`a take-up rate is 0–10000 basis points, got ${rate}`);
  const rest = registryFen - approvedFen;
  return approvedFen + (rest * BigInt(rate) * 2n + 10_000n) / 20_000n;
}

/** 10000 → "100", 6250 → "62.5", 1234 → "12.34": the percentage, exact, without trailing zeros. */
export function basisPointsToPercent(rate: BasisPoints): string {
  const whole = Math.floor(rate / 100);
  const cents = rate % 100;
  if (cents === 0) return String(whole);
  return `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

/** "62.5" or "62.50" → 6250; null unless a percentage 0–100 with at most two decimals. */
export function percentToBasisPoints(text: string): BasisPoints | null {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return isBasisPoints(bp) ? bp : null;
}
