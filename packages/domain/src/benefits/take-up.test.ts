import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { basisPointsToPercent, expectedFen, percentToBasisPoints } from './take-up.js';

describe('take-up rate', () => {
  it('expects approved applications in full and the rest the registry owes at the rate, rounded half up', () => {
    // 1,000 children owed ¥3,600 each, 100 of them approved, at 62.5%: 360,000 + 0.625 × 3,240,000.
    expect(expectedFen(360_000_000n, 36_000_000n, 6250)).toBe(36_000_000n + 202_500_000n);
    expect(expectedFen(1n, 0n, 5000)).toBe(1n); // half a fen rounds up
    expect(expectedFen(1n, 0n, 4999)).toBe(0n);
    expect(expectedFen(999n, 0n, 10_000)).toBe(999n);
    expect(expectedFen(999n, 0n, 0)).toBe(0n);
    expect(() => expectedFen(1n, 0n, 10_001)).toThrow(RangeError);
    expect(() => expectedFen(1n, 0n, 12.5)).toThrow(RangeError);
  });

  it('never expects more than the registry owes nor less than what is approved', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 13n }),
        fc.bigInt({ min: 0n, max: 10n ** 13n }),
        fc.integer({ min: 0, max: 10_000 }),
        (a, b, rate) => {
          const [approved, registry] = a <= b ? [a, b] : [b, a];
          const e = expectedFen(registry, approved, rate);
          return e >= approved && e <= registry;
        },
      ),
    );
  });

  it('reads and writes percentages exactly', () => {
    expect(basisPointsToPercent(10_000)).toBe('100');
    expect(basisPointsToPercent(6250)).toBe('62.5');
    expect(basisPointsToPercent(1234)).toBe('12.34');
    expect(basisPointsToPercent(5)).toBe('0.05');
    expect(percentToBasisPoints('62.5')).toBe(6250);
    expect(percentToBasisPoints(' 12.34 ')).toBe(1234);
    expect(percentToBasisPoints('100')).toBe(10_000);
    expect(percentToBasisPoints('0.05')).toBe(5);
    for (const bad of ['100.01', '-1', '12.345', '', 'abc', '1e2', '12.']) expect(percentToBasisPoints(bad)).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (bp) => percentToBasisPoints(basisPointsToPercent(bp)) === bp),
    );
  });
});
