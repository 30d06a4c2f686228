import type { DecimalString } from './types.js';

// Exact fractions for the comparisons that decide a status: 4 deaths in 1,000 births is exactly
// 4‰ and meets "4‰以下", where a float could land a hair above it.

/** num / den with den > 0; not reduced (comparisons cross-multiply). */
export interface Rational {
  num: bigint;
  den: bigint;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

export function isDecimalString(s: string): s is DecimalString {
  return DECIMAL.test(s);
}

export function parseDecimal(s: DecimalString): Rational {
  const m = DECIMAL.exec(s);
  if (!m) throw new RangeError(`not a non-negative decimal: ${s}`);
  const fraction = m[2] ?? '';
  return { num: BigInt(m[1]! + fraction), den: 10n ** BigInt(fraction.length) };
}

export function rational(num: bigint | number, den: bigint | number): Rational {
  const n = BigInt(num);
  const d = BigInt(den);
  if (d === 0n) throw new RangeError('denominator is zero');
  return d < 0n ? { num: -n, den: -d } : { num: n, den: d };
}

export function compareRational(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function addRational(a: Rational, b: Rational): Rational {
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

export function scaleRational(a: Rational, k: bigint | number): Rational {
  return { num: a.num * BigInt(k), den: a.den };
}

/** For display and for the intervals (which are approximate anyway). */
export function toNumber(a: Rational): number {
  // Divide in bigint first so large counts keep their precision.
  const whole = a.num / a.den;
  const rest = a.num - whole * a.den;
  return Number(whole) + Number(rest) / Number(a.den);
}
