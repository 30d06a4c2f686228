import { fen, formatYuan, type Fen } from './domain';

/** ¥7,200.00 */
export function formatFen(amount: number): string {
  return `¥${formatYuan(fen(amount))}`;
}

export type YuanParse =
  { ok: true; fen: Fen } | { ok: false; reason: 'empty' | 'notANumber' | 'tooManyDecimals' | 'tooLarge' };

// 100 million yuan, the server's ceiling for one amount; it also keeps every result a safe integer.
const MAX_WHOLE_DIGITS = 9;

/**
 * An amount typed in yuan ("1,000", "12.5", "¥3600") as integer fen, by reading the digits:
 * no floating point ever touches it, so "0.29" is 29 fen, not 28.999….
 */
export function parseYuan(text: string): YuanParse {
  const s = text
    .trim()
    .replace(/^[¥￥]/, '')
    .replace(/[,，\s]/g, '');
  if (s === '') return { ok: false, reason: 'empty' };
  const m = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return { ok: false, reason: 'notANumber' };
  const whole = m[1]!.replace(/^0+(?=\d)/, '');
  const decimals = m[2] ?? '';
  if (decimals.length > 2) return { ok: false, reason: 'tooManyDecimals' };
  if (whole.length > MAX_WHOLE_DIGITS) return { ok: false, reason: 'tooLarge' };
  return { ok: true, fen: fen(Number(whole + decimals.padEnd(2, '0'))) };
}

/** Fen back to the text a user would type (120050 → "1200.50"), for prefilling an input. */
export function fenToYuanText(amount: number): string {
  return formatYuan(fen(amount)).replace(/,/g, '');
}
