import {
  findIndicator,
  type IndicatorSeries,
  type PeriodType,
  type SeriesPoint,
  type WarningRule,
} from '@cradle/domain';
import { periodOf, type CountsCube, type Period } from './counts-cube.js';
import { countsOf } from './indicator-values.js';

// The series the early-warning rules judge, read from the kept counts (counts-README.md) like the
// scorecard's, so a county and all its townships cost one readCubes whatever the number of persons.

/** The periods each kind of rule is judged on, as of `today` (China time). */
export interface JudgedPeriods {
  /** The last twelve months including the current one: a maternal death is raised in its own month, however late it is recorded. */
  months: Period[];
  /** The last four completed years (three yearly steps, birthsFalling): a year still running has not all its births in. */
  years: Period[];
  /** The 3-year windows ending in the last three completed years (two steps, childMortalityRising). */
  rolling: Period[];
  /** The last completed quarter (birthsSilent). */
  quarter: Period;
  /** The last completed month: registry quality (its timeliness counts the month's births, which need the month to end). */
  qualityMonth: Period;
}

export function periodsAsOf(today: string): JudgedPeriods {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const month = (back: number) => {
    const i = y * 12 + (m - 1) - back;
    return periodOf('month', Math.floor(i / 12), (i % 12) + 1);
  };
  const q = Math.ceil(m / 3) - 1; // quarters completed this year
  return {
    months: Array.from({ length: 12 }, (_, i) => month(11 - i)),
    years: [y - 4, y - 3, y - 2, y - 1].map((e) => periodOf('year', e)),
    rolling: [y - 3, y - 2, y - 1].map((e) => periodOf('rolling3Years', e)),
    quarter: q === 0 ? periodOf('quarter', y - 1, 4) : periodOf('quarter', y, q),
    qualityMonth: month(1),
  };
}

/** A period as warnings store and show it: the counts' key, a 3-year window as its years ('2023–2025'). */
export const labelOf = (p: Period) => (p.type === 'rolling3Years' ? `${p.year - 2}–${p.year}` : p.key);

export interface SeriesRequest {
  indicator: string;
  periodType: PeriodType;
  /** Oldest first; the last is the period judged. */
  periods: readonly Period[];
}

const isRegistryQuality = (indicator: string) => {
  const f = findIndicator(indicator)?.formula;
  return f?.kind === 'ratio' && f.numerator.kind === 'registryQuality';
};

/**
 * What the rules read for one region: each rule's indicators (a target rule: the targets'
 * indicators) over its periods. `county`: the rules on plans' targets and on departments' reports
 * are the county's (plans and reports are the county's; a township has neither), and birthsSilent
 * is a township's (its expected births come from the county's rate: the county has no parent here).
 */
export function requestsFor(
  rules: readonly WarningRule[],
  targetIndicators: readonly string[],
  periods: JudgedPeriods,
  county: boolean,
): SeriesRequest[] {
  const seen = new Set<string>();
  const out: SeriesRequest[] = [];
  for (const rule of rules) {
    const countyOnly = rule.condition.test === 'missesTarget' || rule.condition.test === 'missing';
    const townshipOnly = rule.condition.test === 'silent';
    if ((countyOnly && !county) || (townshipOnly && county)) continue;
    const indicators = rule.condition.test === 'missesTarget' ? targetIndicators : rule.indicators;
    for (const indicator of indicators) {
      const def = findIndicator(indicator);
      // A total fertility rate needs births and women by age group, not one numerator and denominator.
      if (!def || def.formula.kind === 'totalFertility') continue;
      const key = `${indicator}|${rule.periodType}`;
      if (seen.has(key)) continue;
      seen.add(key);
      switch (rule.periodType) {
        case 'month':
          // The registry keeps no history of its quality: one month, the last completed.
          if (isRegistryQuality(indicator))
            out.push({ indicator, periodType: 'month', periods: [periods.qualityMonth] });
          // One series per month: the rule judges each month's own count.
          else for (const p of periods.months) out.push({ indicator, periodType: 'month', periods: [p] });
          break;
        case 'year':
          out.push({ indicator, periodType: 'year', periods: periods.years });
          break;
        case 'rolling3Years':
          out.push({ indicator, periodType: 'rolling3Years', periods: periods.rolling });
          break;
        case 'quarter':
          out.push({ indicator, periodType: 'quarter', periods: [periods.quarter] });
          break;
        case 'rolling12Months':
          break;
      }
    }
  }
  return out;
}

/** Every period the requests read (for readCubes). */
export const periodsOf = (requests: readonly SeriesRequest[]) => [
  ...new Map(requests.flatMap((r) => r.periods).map((p) => [`${p.type}|${p.key}`, p])).values(),
];

/**
 * A region's series from its counts. `parent`: the county's counts, for the births a township
 * would have had at the county's crude birth rate (birthsSilent: its population × the county's
 * births per resident, both in the same quarter).
 */
export function seriesOf(
  requests: readonly SeriesRequest[],
  regionCode: string,
  cube: CountsCube,
  parent?: CountsCube,
): IndicatorSeries[] {
  const residents = (c: CountsCube, p: Period) =>
    c.value({ kind: 'population', basis: 'resident', at: 'midPeriod' }, p) ?? 0;
  return requests.map((req) => {
    const def = findIndicator(req.indicator)!;
    const points = req.periods.map((p): SeriesPoint => {
      const counts = countsOf(def, cube, p);
      const point: SeriesPoint = {
        period: labelOf(p),
        year: p.year,
        numerator: counts?.numerator ?? null,
        denominator: counts?.denominator ?? null,
      };
      if (req.periodType === 'quarter' && parent) {
        const parentResidents = residents(parent, p);
        const parentBirths = parent.value({ kind: 'liveBirths' }, p) ?? 0;
        if (parentResidents > 0) point.expectedEvents = (residents(cube, p) * parentBirths) / parentResidents;
      }
      return point;
    });
    return { indicator: req.indicator, regionCode, periodType: req.periodType, points };
  });
}
