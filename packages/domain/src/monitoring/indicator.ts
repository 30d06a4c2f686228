import type { LegalBasis } from '../benefits/scheme.js';
import type { Department } from '../departments.js';
import type { Message } from '../messages.js';
import type { CountKind } from './count-kinds.js';
import type { Factor, PeriodType, Reading } from './types.js';

/** How an indicator's value follows from counts (DHIS2: numerator, denominator, factor). */
export type IndicatorFormula =
  | { kind: 'count'; count: CountKind }
  | { kind: 'ratio'; numerator: CountKind; denominator: CountKind; factor: Factor }
  /** Σ over the mother's five-year age groups of 5 × births(g) ÷ resident women(g) at mid-period. */
  | { kind: 'totalFertility' };

/**
 * What chance variation a value carries, and so which interval it gets (intervals.ts):
 * `poisson` — the numerator counts events (deaths, births) against a population or births taken
 * as fixed (Garwood); `binomial` — the numerator is a part of the denominator (Wilson);
 * `sexRatio` — boys ÷ girls, from the boys' share of births (Wilson, transformed); `none` —
 * administrative totals (beds, slots) or counts of a whole population.
 */
export type Uncertainty = 'poisson' | 'binomial' | 'sexRatio' | 'none';

export type IndicatorSource =
  | { kind: 'registry' }
  | { kind: 'reported'; department: Department }
  /** The childcare institutions' filings (issue 14): slots counted from what the county filed. */
  | { kind: 'childcare' };

export interface IndicatorDefinition {
  /** The glossary's identifier where it has one (`maternalMortalityRatio`). */
  code: string;
  name: Message;
  /** As shown beside a value: '‰', '/10万', '%'. */
  unit: Message;
  formula: IndicatorFormula;
  periodTypes: readonly PeriodType[];
  /** Where the numerator's counts come from; a test holds it to the formula's count kinds. */
  source: IndicatorSource;
  /** null where neither direction is better (the sex ratio at birth is judged against a band). */
  higherIsBetter: boolean | null;
  uncertainty: Uncertainty;
  /** The definition in words, for the console's indicator page. */
  definition: Message;
  /** Where the definition comes from, when a document fixes it. */
  basis?: LegalBasis;
  readings: readonly Reading[];
}

/** The factor a value is expressed in (1 for counts and per-woman figures). */
export function indicatorFactor(def: IndicatorDefinition): Factor {
  return def.formula.kind === 'ratio' ? def.formula.factor : 1;
}
