import { describe, expect, it } from 'vitest';
import { BUILT_IN_WARNING_RULES, evaluateWarnings } from '@cradle/domain';
import { CountsCube, type RegionCounts } from './counts-cube.js';
import { monthIndex, type StockRow } from './counts-repo.js';
import { periodsAsOf, requestsFor, seriesOf } from './warnings-series.js';

// The series the warnings judge, from counts built by hand: which rules read which region and
// period, and birthsSilent's expected births at the county's rate.

const TODAY = '2026-11-30';
const periods = periodsAsOf(TODAY);

/** Residents at the start of every month of 2020–2027, women 25–29 (age group 4), `n` of them. */
function stocks(region: string, n: number): StockRow[] {
  const out: StockRow[] = [];
  for (let at = monthIndex(2020, 1); at <= monthIndex(2027, 1); at++)
    out.push({ region, at, basis: 'resident', sex: 'female', age_group: 4, n });
  return out;
}

function cube(region: string, residents: number, birthsPerMonth: number): CountsCube {
  const births = [];
  for (let b = monthIndex(2020, 1); b < monthIndex(2027, 1); b++)
    if (birthsPerMonth > 0)
      births.push({ region, bucket: b, sex: 'male', parity: 1, mother_age: '25-29', n: birthsPerMonth });
  const counts: RegionCounts = {
    births,
    deaths: [],
    stocks: stocks(region, residents),
    living: undefined,
    livingBirths: [],
    reference: [],
    reported: [],
  };
  return new CountsCube(counts);
}

describe('warning series from the counts', () => {
  it('judges the last completed quarter, month and years as of a date', () => {
    expect(periods.quarter.key).toBe('2026-Q3');
    expect(periods.qualityMonth.key).toBe('2026-10');
    expect(periods.months.map((p) => p.key)).toEqual([
      '2025-12',
      ...Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
    ]);
    expect(periods.years.map((p) => p.key)).toEqual(['2022', '2023', '2024', '2025']);
    expect(periodsAsOf('2027-02-10').quarter.key).toBe('2026-Q4');
  });

  it('asks for target and report rules only of the county, birthsSilent only of a township', () => {
    const county = requestsFor(BUILT_IN_WARNING_RULES, ['maternalMortalityRatio'], periods, true);
    const township = requestsFor(BUILT_IN_WARNING_RULES, ['maternalMortalityRatio'], periods, false);
    expect(county.some((r) => r.periodType === 'quarter')).toBe(false);
    expect(county.some((r) => r.indicator === 'prenatalScreeningRate')).toBe(true);
    expect(township.some((r) => r.indicator === 'prenatalScreeningRate')).toBe(false);
    expect(township.filter((r) => r.periodType === 'quarter').map((r) => r.indicator)).toEqual(['liveBirths']);
    // Registry quality: one month, the last completed (the registry keeps no history of it).
    expect(
      township.filter((r) => r.indicator === 'registryTimeliness').map((r) => r.periods.map((p) => p.key)),
    ).toEqual([['2026-10']]);
  });

  it('raises birthsSilent for a township with no births where the county rate expects them, not for a small one', () => {
    // County: 10,000 residents, 10 births a month (30 a quarter).
    const county = cube('533423', 10_000, 10);
    const requests = requestsFor(BUILT_IN_WARNING_RULES, [], periods, false);
    const silentOf = (region: string, residents: number) =>
      evaluateWarnings(
        BUILT_IN_WARNING_RULES,
        seriesOf(requests, region, cube(region, residents, 0), county),
        [],
      ).filter((w) => w.rule === 'birthsSilent');
    // 2,000 residents: 6 births expected, e^-6 ≈ 0.25% < 1%: silent.
    expect(silentOf('533423101', 2_000)).toMatchObject([{ regionCode: '533423101', period: '2026-Q3', value: 0 }]);
    // 1,000 residents: 3 expected, e^-3 ≈ 5%: none may well be chance.
    expect(silentOf('533423102', 1_000)).toEqual([]);
    const expected = seriesOf(requests, '533423101', cube('533423101', 2_000, 0), county).find(
      (s) => s.periodType === 'quarter',
    )!.points[0]!.expectedEvents;
    expect(expected).toBeCloseTo(6, 10);
  });

  it('labels a 3-year window by its years', () => {
    const requests = requestsFor(BUILT_IN_WARNING_RULES, [], periods, false);
    const series = seriesOf(requests, '533423101', cube('533423101', 2_000, 2));
    expect(series.find((s) => s.periodType === 'rolling3Years')!.points.map((p) => p.period)).toEqual([
      '2021–2023',
      '2022–2024',
      '2023–2025',
    ]);
  });
});
