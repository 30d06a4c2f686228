import type { Message } from '../messages.js';
import type { EvaluationItemDef } from './catalogue.js';

export * from './catalogue.js';

/** A live figure for an item: a value (fraction, count or per-1000 figure) or why there is none. */
export type LiveValue =
  | { kind: 'value'; value: number; numerator?: number; denominator?: number }
  | { kind: 'noData' }
  | { kind: 'noSource' };

/** Met, not met, or not judged by Cradle (no threshold in the seed, or no figure). */
export type ItemCheck = 'met' | 'notMet' | 'unjudged';

/** A measured item against the seed's threshold; relative and unnumbered items are not judged. */
export function checkLiveValue(def: EvaluationItemDef, live: LiveValue | null): ItemCheck {
  if (!live || live.kind !== 'value') return 'unjudged';
  if (def.ceiling !== undefined) return live.value <= def.ceiling ? 'met' : 'notMet';
  if (def.threshold === undefined) return 'unjudged';
  return live.value >= def.threshold ? 'met' : 'notMet';
}

/** A survey's rate: positive answers over respondents (knowledge or satisfaction). */
export function surveyRate(respondents: number | null, positive: number | null): number | null {
  if (respondents === null || positive === null || respondents <= 0) return null;
  if (positive < 0 || positive > respondents) throw new RangeError('positive answers exceed respondents');
  return positive / respondents;
}

export const SCORING_READING: Message = {
  zh: '003 依据的“全国生育友好工作先进单位评选标准及评分细则”不在种子文本中，评分规则由辖区载入；未载入前不计分',
  en: '003 refers to the national "selection standards and scoring rules", which the seeds do not contain; a jurisdiction loads the rules, and nothing is scored before then',
};

export const RELATIVE_READING: Message = {
  zh: '“居于自治区前列”需要全区各地数据，本县不掌握：显示本地数值，由用户填写在全区的排名',
  en: '"Among the leaders of the region" needs figures of every peer, which a county does not hold: Cradle shows the local value and the user enters the ranking',
};

/**
 * The score once rules are loaded: points awarded over points available for the items that carry
 * points. Null while no rule is loaded (nothing pretends to a score).
 */
export function evaluationScore(
  rules: readonly { itemCode: string; maxPoints: number }[],
  awarded: ReadonlyMap<string, number | null>,
): { awarded: number; available: number; unscored: number } | null {
  if (rules.length === 0) return null;
  let got = 0;
  let available = 0;
  let unscored = 0;
  for (const r of rules) {
    available += r.maxPoints;
    const a = awarded.get(r.itemCode) ?? null;
    if (a === null) unscored++;
    else got += Math.min(a, r.maxPoints);
  }
  return { awarded: got, available, unscored };
}
