import { describe, expect, it } from 'vitest';
import { benefitPeriod } from './benefitPeriod';

describe('benefitPeriod', () => {
  it('names a one-time grant, a year and a month as the server keys them', () => {
    expect(benefitPeriod('once')).toEqual({ key: 'once' });
    expect(benefitPeriod('2026')).toEqual({ key: 'year', year: '2026' });
    expect(benefitPeriod('2026-11')).toEqual({ key: 'month', month: '2026-11' });
  });
});
