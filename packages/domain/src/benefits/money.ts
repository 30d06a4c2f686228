/**
 * Money in integer fen (分), never floating point (docs/adr: money). A Fen is a safe integer;
 * arithmetic that could leave fractions goes through the helpers here, which say how they round.
 */
export type Fen = number & { readonly __unit: 'fen' };

export function fen(n: number): Fen {
  if (!Number.isSafeInteger(n)) throw new RangeError(`an amount in fen must be a safe integer, got ${n}`);
  return n as Fen;
}

/** Whole yuan to fen; policy texts state amounts in whole yuan. */
export function yuan(n: number): Fen {
  if (!Number.isSafeInteger(n)) throw new RangeError(`yuan(${n}): policy amounts are whole yuan`);
  return fen(n * 100);
}

/**
 * amount × numerator / denominator, rounded half up to the fen. Used for pro-rata months
 * (3,600 yuan × 7 / 12 = 2,100 yuan exactly; 800 × 7 / 12 would be 466.666… → 466.67).
 */
export function prorate(amount: Fen, numerator: number, denominator: number): Fen {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0 || numerator < 0) {
    throw new RangeError(`prorate needs whole numerator ≥ 0 and denominator > 0, got ${numerator}/${denominator}`);
  }
  const product = BigInt(amount) * BigInt(numerator);
  const d = BigInt(denominator);
  return fen(Number((product * 2n + d) / (2n * d)));
}

/** "7,200.00" */
export function formatYuan(amount: Fen): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}
