import { describe, expect, it } from 'vitest';
import { getIndicator } from './catalogue/index.js';
import { findBuiltInPlan } from './plans/index.js';
import { assessTarget } from './status.js';
import type { Target } from './types.js';

function targetOf(plan: string, indicator: string, year: number | null = 2025): Target {
  return findBuiltInPlan(plan)!.targets.find((t) => t.indicator === indicator && t.year === year)!;
}

const weixiMaternal = targetOf('weixi.2023', 'maternalMortalityRatio');
const maternal = getIndicator('maternalMortalityRatio');

describe('status of a target', () => {
  it('is met by a county year without a maternal death, though too few events to judge', () => {
    const a = assessTarget(weixiMaternal, maternal, { numerator: 0, denominator: 1500 }, 2025);
    expect(a.status).toBe('met');
    expect(a.tooFewToJudge).toBe(true);
    expect(a.interval!.upper).toBeCloseTo((3.6889 / 1500) * 100000, 0);
  });

  it('is at risk after one maternal death among 1,500 births: about 67 per 100,000, within chance of 10', () => {
    const a = assessTarget(weixiMaternal, maternal, { numerator: 1, denominator: 1500 }, 2025);
    expect(a.value).toBeCloseTo(66.67, 2);
    expect(a.status).toBe('atRisk');
    expect(a.reason).toBe('missesWithinChance');
  });

  it('is not met after three maternal deaths among 1,500 births: even the lower limit is above 10', () => {
    const a = assessTarget(weixiMaternal, maternal, { numerator: 3, denominator: 1500 }, 2025);
    expect(a.interval!.lower).toBeGreaterThan(10);
    expect(a.status).toBe('notMet');
  });

  it('is not met by one maternal death where 002 asks for none', () => {
    const a = assessTarget(
      targetOf('yunyang.2022', 'maternalMortalityRatio'),
      maternal,
      { numerator: 1, denominator: 5000 },
      2025,
    );
    expect(a.status).toBe('notMet');
  });

  it('sees slots on track for 2025 when the trend reaches 4.5, and off track when it does not', () => {
    const slots = targetOf('weixi.2023', 'slotsPer1000');
    const def = getIndicator('slotsPer1000');
    const now = { numerator: 438, denominator: 146000 }; // 3.0 per 1,000 in 2023
    const steep = [
      { period: 2021, value: 1 },
      { period: 2022, value: 2 },
      { period: 2023, value: 3 },
    ];
    const onTrack = assessTarget(slots, def, now, 2023, steep);
    expect(onTrack.status).toBe('atRisk');
    expect(onTrack.reason).toBe('missesButOnTrack');
    expect(onTrack.projected).toBeCloseTo(5, 10);
    const flat = steep.map((p) => ({ ...p, value: 2.4 + (p.period - 2021) * 0.3 }));
    expect(assessTarget(slots, def, now, 2023, flat).status).toBe('notMet');
    // In the target year the trend no longer matters.
    expect(assessTarget(slots, def, now, 2025, steep).status).toBe('notMet');
  });

  it('warns of a rate that meets its ceiling now but climbs through it by the target year', () => {
    const t = targetOf('weixi.2023', 'infantYoungChildMortalityRate');
    const rising = [
      { period: 2021, value: 2.5 },
      { period: 2022, value: 3 },
      { period: 2023, value: 3.5 },
    ];
    const a = assessTarget(
      t,
      getIndicator('infantYoungChildMortalityRate'),
      { numerator: 7, denominator: 2000 },
      2023,
      rising,
    );
    expect(a.status).toBe('atRisk');
    expect(a.reason).toBe('meetsButTrendAgainst');
    expect(a.projected).toBeCloseTo(4.5, 10);
  });

  it('judges a target without a year on the year’s own value', () => {
    const t = targetOf('guangxi.district.2023', 'registryCoverage', null);
    const def = getIndicator('registryCoverage');
    expect(assessTarget(t, def, { numerator: 96, denominator: 100 }, 2024).status).toBe('met');
    expect(assessTarget(t, def, { numerator: 94, denominator: 100 }, 2024).status).toBe('notMet');
  });

  it('has no status without data', () => {
    const a = assessTarget(weixiMaternal, maternal, { numerator: 0, denominator: 0 }, 2025);
    expect(a.status).toBeNull();
    expect(a.reason).toBe('noData');
  });
});
