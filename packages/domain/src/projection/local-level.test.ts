import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shrunkLevel, shrunkSexRatio } from './local-level.js';

const count = fc.double({ min: 0, max: 1e6, noNaN: true });

describe('a region’s level shrunk toward the national one', () => {
  it('stays at the national level when nothing was observed or expected', () => {
    expect(shrunkLevel(0, 0).ratio).toBe(1);
    expect(shrunkLevel(0, 0).rawRatio).toBeNull();
  });

  it('lies between the national level and the region’s own ratio', () => {
    fc.assert(
      fc.property(count, fc.double({ min: 1, max: 1e6, noNaN: true }), (observed, expected) => {
        const { ratio, rawRatio } = shrunkLevel(observed, expected);
        expect(ratio).toBeGreaterThanOrEqual(Math.min(1, rawRatio!) - 1e-12);
        expect(ratio).toBeLessThanOrEqual(Math.max(1, rawRatio!) + 1e-12);
      }),
    );
  });

  it('trusts a county’s thousands of births more than a village’s handful at the same ratio', () => {
    const county = shrunkLevel(6000, 4500);
    const village = shrunkLevel(8, 6);
    expect(Math.abs(county.ratio - 4 / 3)).toBeLessThan(Math.abs(village.ratio - 4 / 3));
    expect(county.ratio).toBeGreaterThan(1.3);
  });

  it('refuses negative counts', () => {
    expect(() => shrunkLevel(-1, 10)).toThrow(RangeError);
  });
});

describe('a region’s sex ratio at birth', () => {
  it('is the national one without births and nears the recorded one with many', () => {
    expect(shrunkSexRatio(0, 0, 1.1)).toBeCloseTo(1.1, 12);
    expect(shrunkSexRatio(120_000, 100_000, 1.05)).toBeCloseTo(1.2, 2);
  });
});
