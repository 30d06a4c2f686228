import { describe, expect, it } from 'vitest';
import { fenToYuanText, formatFen, parseYuan } from './money';

describe('parseYuan', () => {
  it.each([
    ['1000', 100000],
    ['1,000', 100000],
    ['1000.5', 100050],
    ['0.29', 29],
    ['0.1', 10],
    ['12.34', 1234],
    ['¥3600', 360000],
    [' 007.00 ', 700],
    ['5.', 500],
    ['999999999.99', 99999999999],
  ])('reads %s yuan as %i fen exactly', (text, expected) => {
    expect(parseYuan(text)).toEqual({ ok: true, fen: expected });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['12.345', 'tooManyDecimals'],
    ['0.001', 'tooManyDecimals'],
    ['-5', 'notANumber'],
    ['1e3', 'notANumber'],
    ['abc', 'notANumber'],
    ['.5', 'notANumber'],
    ['1000000000', 'tooLarge'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(parseYuan(text)).toEqual({ ok: false, reason });
  });

  it('round-trips every amount it prints', () => {
    for (const amount of [0, 1, 29, 100, 99999, 360000, 123456789]) {
      expect(parseYuan(fenToYuanText(amount))).toEqual({ ok: true, fen: amount });
    }
  });
});

describe('formatFen', () => {
  it('shows yuan with two decimals and thousands separators', () => {
    expect(formatFen(720000)).toBe('¥7,200.00');
    expect(formatFen(5)).toBe('¥0.05');
  });
});
