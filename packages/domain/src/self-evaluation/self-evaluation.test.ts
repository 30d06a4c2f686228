import { describe, expect, it } from 'vitest';
import {
  checkLiveValue,
  EVALUATION_DIMENSIONS,
  EVALUATION_ITEMS,
  evaluationScore,
  findEvaluationItem,
  surveyRate,
} from './index.js';

describe('the 003 evaluation catalogue', () => {
  it("has seven dimensions, each with items, unique codes, and 三(二)'s thresholds 95/95/90", () => {
    expect(EVALUATION_DIMENSIONS).toHaveLength(7);
    for (const d of EVALUATION_DIMENSIONS) expect(EVALUATION_ITEMS.some((i) => i.dimension === d.number)).toBe(true);
    expect(new Set(EVALUATION_ITEMS.map((i) => i.code)).size).toBe(EVALUATION_ITEMS.length);
    expect(['2.7', '2.8', '2.9'].map((c) => findEvaluationItem(c)?.threshold)).toEqual([0.95, 0.95, 0.9]);
    expect(findEvaluationItem('3.10')).toMatchObject({ relative: true, metric: 'slotsPer1000' });
  });
  it('judges a measured item only against a seed threshold', () => {
    const coverage = findEvaluationItem('2.7')!;
    expect(checkLiveValue(coverage, { kind: 'value', value: 0.96 })).toBe('met');
    expect(checkLiveValue(coverage, { kind: 'value', value: 0.94 })).toBe('notMet');
    expect(checkLiveValue(coverage, { kind: 'noData' })).toBe('unjudged');
    expect(checkLiveValue(findEvaluationItem('3.10')!, { kind: 'value', value: 9 })).toBe('unjudged');
  });
  it('gives no score until rules are loaded', () => {
    expect(evaluationScore([], new Map([['2.7', 5]]))).toBeNull();
    expect(
      evaluationScore(
        [
          { itemCode: '2.7', maxPoints: 5 },
          { itemCode: '2.8', maxPoints: 5 },
        ],
        new Map([['2.7', 7]]),
      ),
    ).toEqual({
      awarded: 5,
      available: 10,
      unscored: 1,
    });
  });
  it('rates a survey and refuses more positive answers than respondents', () => {
    expect(surveyRate(200, 180)).toBe(0.9);
    expect(surveyRate(null, null)).toBeNull();
    expect(() => surveyRate(10, 11)).toThrow(RangeError);
  });
});
