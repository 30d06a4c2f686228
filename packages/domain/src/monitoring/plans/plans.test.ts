import { describe, expect, it } from 'vitest';
import seed000 from '../../../../../reference/seeds/000_69b34b2f97fe3081.txt?raw';
import seed001 from '../../../../../reference/seeds/001_1981582cf3246a7b.txt?raw';
import seed002 from '../../../../../reference/seeds/002_5126f1a90f4d57ad.txt?raw';
import seed003 from '../../../../../reference/seeds/003_88a1e76684fed166.txt?raw';
import seed004 from '../../../../../reference/seeds/004_6bf99d817fcd963b.txt?raw';
import { isRegionCode } from '../../region-code.js';
import { findIndicator } from '../catalogue/index.js';
import { isDecimalString } from '../decimal.js';
import { BUILT_IN_PLANS, findBuiltInPlan, plansGoverning } from './index.js';

const SEEDS: Record<string, string> = {
  '000': seed000,
  '001': seed001,
  '002': seed002,
  '003': seed003,
  '004': seed004,
};
// Line breaks and the scans' spacing vary; the words do not.
const squeeze = (s: string) => s.replace(/\s+/g, '');
const allTargets = BUILT_IN_PLANS.flatMap((plan) => plan.targets.map((t) => ({ plan, t })));

describe('built-in plans', () => {
  it('ship the five seeds and the national documents they restate', () => {
    expect(
      BUILT_IN_PLANS.filter((p) => p.seed !== null)
        .map((p) => p.seed)
        .sort(),
    ).toEqual(Object.keys(SEEDS));
    expect(BUILT_IN_PLANS.filter((p) => p.seed === null).every((p) => p.jurisdictionCode === '')).toBe(true);
    expect(new Set(BUILT_IN_PLANS.map((p) => p.code)).size).toBe(BUILT_IN_PLANS.length);
  });

  it.each(allTargets.map(({ plan, t }) => [plan.code, t.indicator, t.year, t]))(
    '%s: %s %s refers to an indicator of the catalogue in its unit',
    (_plan, _code, _year, t) => {
      const indicator = findIndicator(t.indicator);
      expect(indicator).not.toBeNull();
      expect(isDecimalString(t.value)).toBe(true);
      expect(t.basis.clause).not.toBe('');
    },
  );

  it.each(allTargets.filter(({ plan }) => plan.seed !== null).map(({ plan, t }) => [plan.seed, t.quote, t]))(
    'seed %s says "%s", and its target cites that seed',
    (seed, quote, t) => {
      expect(squeeze(SEEDS[seed!]!)).toContain(squeeze(quote));
      expect(t.basis.seed).toBe(seed);
    },
  );

  it('quotes each figure in its own words, or says how it was read', () => {
    // "4.5" stands in "…达到 4.5 个以上"; 103 and 107 stand nowhere in "基本正常", 0 not in "无…事故".
    const unquoted = allTargets.filter(({ t }) => !squeeze(t.quote).includes(t.value));
    expect(unquoted.some(({ t }) => t.indicator === 'sexRatioAtBirth')).toBe(true);
    for (const { t } of unquoted) expect(t.readings.length).toBeGreaterThan(0);
  });

  it('sets each target within its plan’s period, and in a real region', () => {
    for (const plan of BUILT_IN_PLANS) {
      if (plan.jurisdictionCode !== '') expect(isRegionCode(plan.jurisdictionCode)).toBe(true);
      expect(plan.period.from <= plan.period.to).toBe(true);
      for (const t of plan.targets)
        if (t.year !== null) {
          expect(t.year).toBeGreaterThanOrEqual(Number(plan.period.from.slice(0, 4)));
          expect(t.year).toBeLessThanOrEqual(Number(plan.period.to.slice(0, 4)));
        }
    }
  });

  it('marks every target built on a reading with the reading’s author and both languages', () => {
    for (const { t } of allTargets)
      for (const r of t.readings) {
        expect(['seed', 'cradle']).toContain(r.by);
        expect(r.note.zh).not.toBe('');
        expect(r.note.en).not.toBe('');
      }
  });

  // The figures the seeds state, clause by clause (REQUIREMENTS B1, checked against the texts).
  it.each([
    ['weixi.2023', 'maternalMortalityRatio', 'atMost', '10'],
    ['weixi.2023', 'infantYoungChildMortalityRate', 'atMost', '4'],
    ['weixi.2023', 'slotsPer1000', 'atLeast', '4.5'],
    ['weixi.2023', 'affordableSlotsPer1000', 'atLeast', '2.7'],
    ['weixi.2023', 'prenatalScreeningRate', 'atLeast', '80'],
    ['baiyin.2024', 'maternalMortalityRatio', 'atMost', '14.5'],
    ['baiyin.2024', 'infantYoungChildMortalityRate', 'atMost', '5'],
    ['baiyin.2024', 'slotsPer1000', 'atLeast', '4.5'],
    ['yunyang.2022', 'maternalMortalityRatio', 'equal', '0'],
    ['yunyang.2022', 'neonatalMortalityRate', 'atMost', '2.5'],
    ['yunyang.2022', 'infantMortalityRate', 'atMost', '3.5'],
    ['yunyang.2022', 'under5MortalityRate', 'atMost', '5'],
    ['yunyang.2022', 'affordableKindergartenCoverage', 'atLeast', '85'],
    ['yunyang.2022', 'elderlyCareBedsPer1000', 'atLeast', '40'],
    ['yunyang.2022', 'affordableElderlyCareBedShare', 'atLeast', '80'],
    ['guangxi.district.2023', 'registryCoverage', 'atLeast', '95'],
    ['guangxi.district.2023', 'registryAccuracy', 'atLeast', '95'],
    ['guangxi.district.2023', 'registryTimeliness', 'atLeast', '90'],
    ['lincang.county.2022', 'slotsPer1000', 'atLeast', '4.5'],
  ])('%s holds %s %s %s', (code, indicator, comparison, value) => {
    const plan = findBuiltInPlan(code)!;
    expect(plan.targets).toContainEqual(expect.objectContaining({ indicator, comparison, value }));
  });

  it('holds 004 annex 3’s slot stock for 2023–2025, affordable about 60% of the total each year', () => {
    const slots = (indicator: string, year: number) =>
      Number(findBuiltInPlan('weixi.2023')!.targets.find((t) => t.indicator === indicator && t.year === year)!.value);
    for (const year of [2023, 2024, 2025]) {
      const share = slots('affordableChildcareSlots', year) / slots('childcareSlots', year);
      expect(share).toBeGreaterThan(0.59);
      expect(share).toBeLessThan(0.61);
    }
    expect(slots('childcareSlots', 2024)).toBeGreaterThan(slots('childcareSlots', 2023));
  });

  it('lets a 维西 township see its county’s plan and the national ones, not another county’s', () => {
    const codes = plansGoverning('533423101').map((p) => p.code);
    expect(codes).toContain('weixi.2023');
    expect(codes).toContain('national.fyp14');
    expect(codes).not.toContain('baiyin.2024');
    expect(plansGoverning('450102').map((p) => p.code)).toContain('guangxi.district.2023');
  });
});
