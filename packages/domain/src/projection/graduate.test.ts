import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graduateGroups } from './graduate.js';

const groupTotals = fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 12 });

describe('graduating five-year groups into single ages', () => {
  it('keeps every group’s total', () => {
    fc.assert(
      fc.property(groupTotals, (totals) => {
        const single = graduateGroups(totals, 5);
        totals.forEach((t, g) => {
          const sum = single.slice(5 * g, 5 * g + 5).reduce((a, b) => a + b, 0);
          expect(Math.abs(sum - t)).toBeLessThanOrEqual(1e-9 * Math.max(1, t));
        });
      }),
    );
  });

  it('never gives an age a negative share', () => {
    fc.assert(
      fc.property(groupTotals, (totals) => {
        for (const v of graduateGroups(totals, 5)) expect(v).toBeGreaterThanOrEqual(-1e-12);
      }),
    );
  });

  it('spreads equal groups evenly', () => {
    const single = graduateGroups([10, 10, 10], 5);
    for (const v of single) expect(v).toBeCloseTo(2, 12);
  });

  it('rises within a group that lies between a smaller and a larger one', () => {
    const single = graduateGroups([5, 20, 40], 5);
    for (let x = 6; x < 10; x++) expect(single[x]).toBeGreaterThan(single[x - 1]!);
  });
});
