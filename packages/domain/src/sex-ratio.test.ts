import { describe, expect, it } from 'vitest';
import { judgeSexRatio } from './sex-ratio.js';

describe('sex ratio at birth', () => {
  it('does not call a village of 183 births low: the count cannot tell (issue 12)', () => {
    // 89 boys, 94 girls: a ratio of 94.7, below 103, yet well inside the 95% interval of chance.
    const j = judgeSexRatio(89, 94);
    expect(j).toMatchObject({ ratio: 94.7, births: 183, verdict: 'tooFew' });
    expect(j.interval!.low).toBeLessThan(80);
    expect(j.interval!.high).toBeGreaterThan(120);
  });

  it('flags a county whose births show a ratio above the range beyond doubt', () => {
    expect(judgeSexRatio(6000, 5000)).toMatchObject({ ratio: 120, births: 11000, verdict: 'high' });
  });

  it('flags a low ratio only with enough births', () => {
    expect(judgeSexRatio(4750, 5000).verdict).toBe('low');
    expect(judgeSexRatio(95, 100).verdict).toBe('tooFew');
  });

  it('calls a ratio inside 103–107 normal at any count', () => {
    expect(judgeSexRatio(105, 100).verdict).toBe('normal');
    expect(judgeSexRatio(10500, 10000).verdict).toBe('normal');
  });

  it('judges nothing without births', () => {
    expect(judgeSexRatio(0, 0)).toEqual({ ratio: null, births: 0, verdict: null, interval: null });
  });

  it('has no ratio but still a verdict when every birth is a boy', () => {
    expect(judgeSexRatio(3, 0)).toMatchObject({ ratio: null, verdict: 'tooFew' });
    expect(judgeSexRatio(300, 0)).toMatchObject({ ratio: null, verdict: 'high' });
  });
});
