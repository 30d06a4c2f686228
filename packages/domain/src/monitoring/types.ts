import type { LegalBasis } from '../benefits/scheme.js';
import type { Message } from '../messages.js';

/**
 * Who settled an unclear point: `seed` when the seed's own words settle it (the note quotes
 * them), `cradle` when the seed is silent, garbled or ambiguous and Cradle chose.
 */
export interface Reading {
  by: 'seed' | 'cradle';
  note: Message;
}

/**
 * A non-negative decimal as the seed prints it ('4.5', '14.5', '0'): compared exactly
 * (decimal.ts), never through a float.
 */
export type DecimalString = string;

/** The multiplier of a ratio: per cent, per mille, per 100,000. 1 for counts and per-woman figures. */
export type Factor = 1 | 100 | 1000 | 100000;

/**
 * atMost: the value may not exceed the target (控制在…以下, 不高于); atLeast: it may not fall
 * below it (…以上, 不少于, 不低于, 达到); equal: exactly (为"0"). Bounds are inclusive: 民法典
 * 第一千二百五十九条 "以上、以下、以内、届满，包括本数".
 */
export type Comparison = 'atMost' | 'atLeast' | 'equal';

/** The periods an indicator can be read for (DHIS2's period types, plus Cradle's rolling windows). */
export type PeriodType = 'year' | 'quarter' | 'month' | 'rolling12Months' | 'rolling3Years';

/** A region's value of one target: what a plan asks of one indicator in one year. */
export interface Target {
  /** A code of the indicator catalogue (catalogue/index.ts); a test holds every target to one. */
  indicator: string;
  /** The year by whose end the value must hold; null: every year of the plan's period (003 names none). */
  year: number | null;
  comparison: Comparison;
  value: DecimalString;
  /** The seed's own words for the figure, verbatim (a test finds them in the seed text). */
  quote: string;
  basis: LegalBasis;
  /** Where the seed is unclear (age range, ceiling or floor, an OCR figure), what Cradle reads it as. */
  readings: readonly Reading[];
  /** For a national target: the seed clauses that repeat it. */
  restatedIn?: readonly LegalBasis[];
  /**
   * The figure is a total for the plan's own region, with no breakdown below it (004 annex 3's slot
   * table is the county's, REQUIREMENTS B2): a region inside shows its value, unjudged.
   */
  planRegionTotal?: true;
}

/** A plan (规划/实施方案) as data: the document, where and when it applies, and its targets. */
export interface Plan {
  /** Stable code: `weixi.2023`, `national.fyp14`. */
  code: string;
  title: Message;
  /** 文号, e.g. 维发〔2023〕15号; null where the text carries none (001's page leaves it blank). */
  documentNumber: string | null;
  issuer: Message;
  /** ISO date; null where the seed does not say (000, 003), explained in `readings`. */
  issueDate: string | null;
  /** GB/T 2260 code of the region the plan governs ('' national, '45' a province, '533423' a county). */
  jurisdictionCode: string;
  /** Inclusive ISO dates. */
  period: { from: string; to: string };
  /** The file id in ../shared/seeds (`004`); null for national documents not among the seeds. */
  seed: string | null;
  /** True for a draft (002 is 征求意见稿): shown, never the plan in force by default. */
  draft: boolean;
  targets: readonly Target[];
  /** Readings that concern the plan as a whole (its jurisdiction, its date). */
  readings: readonly Reading[];
}
