import { describe, expect, it } from 'vitest';
import { findIndicator } from '../catalogue/index.js';
import { findBuiltInPlan } from '../plans/index.js';
import type { PeriodType } from '../types.js';
import { BUILT_IN_WARNING_RULES } from './built-in.js';
import { evaluateWarnings } from './evaluate.js';
import type { IndicatorSeries, SeriesPoint } from './rule.js';

const WEIXI = '533423';

function series(indicator: string, periodType: PeriodType, points: Partial<SeriesPoint>[]): IndicatorSeries {
  return {
    indicator,
    regionCode: WEIXI,
    periodType,
    points: points.map((p, i) => ({ period: String(2020 + i), year: 2020 + i, numerator: 0, denominator: null, ...p })),
  };
}

const rulesRaised = (s: IndicatorSeries[], targets = findBuiltInPlan('weixi.2023')!.targets) =>
  evaluateWarnings(BUILT_IN_WARNING_RULES, s, targets).map((w) => w.rule);

describe('built-in warning rules', () => {
  it('each cite clauses, say whose reading they are, and read catalogue indicators', () => {
    expect(new Set(BUILT_IN_WARNING_RULES.map((r) => r.code)).size).toBe(BUILT_IN_WARNING_RULES.length);
    for (const rule of BUILT_IN_WARNING_RULES) {
      expect(rule.bases.length).toBeGreaterThan(0);
      expect(rule.bases.every((b) => b.seed && b.clause)).toBe(true);
      expect(rule.reading.note.zh && rule.reading.note.en).toBeTruthy();
      for (const code of rule.indicators) expect(findIndicator(code)).not.toBeNull();
    }
    expect(new Set(BUILT_IN_WARNING_RULES.map((r) => r.kind))).toEqual(new Set(['threshold', 'trend', 'dataQuality']));
  });
});

describe('evaluating warnings', () => {
  it('raises an alert for any maternal death in a month, none for a month without', () => {
    const death = evaluateWarnings(BUILT_IN_WARNING_RULES, [
      series('maternalMortalityRatio', 'month', [{ period: '2025-03', numerator: 1, denominator: 120 }]),
    ]);
    expect(death.map((w) => [w.rule, w.severity, w.period, w.value])).toEqual([
      ['maternalDeath', 'alert', '2025-03', 1],
    ]);
    expect(rulesRaised([series('maternalMortalityRatio', 'month', [{ numerator: 0, denominator: 120 }])])).toEqual([]);
  });

  it('raises a high sex ratio only when the whole 3-year interval lies above 107', () => {
    // 2,700 boys to 2,300 girls: 117, interval about 111–124. 2,450 to 2,200: 111, interval from about 105.
    expect(rulesRaised([series('sexRatioAtBirth', 'rolling3Years', [{ numerator: 2700, denominator: 2300 }])])).toEqual(
      ['sexRatioHigh'],
    );
    expect(rulesRaised([series('sexRatioAtBirth', 'rolling3Years', [{ numerator: 2450, denominator: 2200 }])])).toEqual(
      [],
    );
    expect(rulesRaised([series('sexRatioAtBirth', 'rolling3Years', [{ numerator: 2200, denominator: 2450 }])])).toEqual(
      ['sexRatioLow'],
    );
  });

  it('raises falling births after three successive yearly falls, not after a pause', () => {
    const births = (values: number[]) =>
      series(
        'liveBirths',
        'year',
        values.map((numerator) => ({ numerator })),
      );
    expect(rulesRaised([births([1600, 1550, 1500, 1450])])).toEqual(['birthsFalling']);
    expect(rulesRaised([births([1600, 1550, 1560, 1450])])).toEqual([]);
    expect(rulesRaised([births([1550, 1500, 1450])])).toEqual([]);
  });

  it('raises rising child mortality on two successive rises of the 3-year rolling rate', () => {
    const rolling = series('infantMortalityRate', 'rolling3Years', [
      { numerator: 12, denominator: 4500 },
      { numerator: 15, denominator: 4400 },
      { numerator: 19, denominator: 4300 },
    ]);
    expect(rulesRaised([rolling], [])).toEqual(['childMortalityRising']);
  });

  it('raises registry quality below 003’s 95%, not at 95%', () => {
    const coverage = (numerator: number) => series('registryCoverage', 'month', [{ numerator, denominator: 1000 }]);
    expect(rulesRaised([coverage(949)])).toEqual(['registryCoverageLow']);
    expect(rulesRaised([coverage(950)])).toEqual([]);
  });

  it('raises a silent quarter only when zero births had under 1% chance', () => {
    const quarter = (expectedEvents: number) =>
      series('liveBirths', 'quarter', [{ period: '2025Q2', numerator: 0, expectedEvents }]);
    expect(rulesRaised([quarter(5)])).toEqual(['birthsSilent']); // e^−5 ≈ 0.7%
    expect(rulesRaised([quarter(4)])).toEqual([]); // e^−4 ≈ 1.8%
  });

  it('raises a missing department report', () => {
    const screening = series('prenatalScreeningRate', 'year', [{ numerator: null, denominator: null }]);
    expect(rulesRaised([screening])).toEqual(['reportMissing']);
  });

  it('raises a missed plan target only beyond chance and only in its year', () => {
    const maternal = (numerator: number, year: number) =>
      series('maternalMortalityRatio', 'year', [{ period: String(year), year, numerator, denominator: 1500 }]);
    expect(rulesRaised([maternal(3, 2025)])).toEqual(['targetMissed']);
    expect(rulesRaised([maternal(1, 2025)])).toEqual([]); // at risk, within chance
    expect(rulesRaised([maternal(3, 2024)])).toEqual([]); // the target is 2025's
    expect(rulesRaised([maternal(3, 2025)], [])).toEqual([]); // no plan in force
  });

  it('reads only the period type a rule names', () => {
    expect(rulesRaised([series('maternalMortalityRatio', 'quarter', [{ numerator: 2, denominator: 400 }])])).toEqual(
      [],
    );
  });
});
