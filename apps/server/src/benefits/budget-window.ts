import {
  monthKeyOf,
  monthsOf,
  parsePeriod,
  resolveParameter,
  type ParameterOverride,
  type SchemeDefinition,
} from '@cradle/domain';

/** Birth dates outside [from, before) cannot be eligible; null: unbounded on that side. */
export interface BirthWindow {
  from: string | null;
  before: string | null;
}

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const monthStart = (m: number) => `${monthKeyOf(m)}-01`;
const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

/**
 * The birth dates a scheme's rules can pay for in one period, for one county: a necessary
 * condition only, read from the conditions that bound age or birth date, so the budget scans
 * the children the rules can reach (the birth-date index) instead of the whole registry. The
 * compiled rules still decide; budget.test.ts holds the result to checkEligibility.
 */
export function birthWindow(
  scheme: SchemeDefinition,
  periodKey: string,
  overrides: readonly ParameterOverride[],
  county: string,
): BirthWindow {
  const period = parsePeriod(scheme.frequency, periodKey);
  if (!period) return { from: null, before: null };
  // A one-time grant's values hold for all time (compileScheme refuses it otherwise): the latest.
  const on = period.frequency === 'once' ? '9999-12-30' : period.start;
  const value = (name: string) => resolveParameter(scheme, name, overrides, county, on)?.value ?? null;
  let w: BirthWindow = { from: null, before: null };
  const narrow = (from: string | null, before: string | null) => {
    w = { from: later(w.from, from), before: earlier(w.before, before) };
  };
  for (const c of scheme.conditions) {
    switch (c.kind) {
      case 'bornOnOrAfter': {
        const d = value(c.param);
        if (typeof d === 'string') narrow(d, null);
        break;
      }
      case 'bornOnOrBefore': {
        const d = value(c.param);
        if (typeof d === 'string') narrow(null, nextDay(d));
        break;
      }
      case 'underAgeMonths': {
        // Some month of the period in months 1…12·limit of life: born in months first−12·limit … last−1.
        const limit = value(c.param);
        if (typeof limit !== 'number' || period.frequency === 'once') break;
        const { first, last } = monthsOf(period);
        narrow(monthStart(first - 12 * limit), monthStart(last));
        break;
      }
      case 'yearOfAgeStarts': {
        const limit = value(c.param);
        if (typeof limit !== 'number' || period.frequency !== 'yearly') break;
        const year = Number(period.key);
        narrow(`${year - limit + 1}-01-01`, `${year + 1}-01-01`);
        break;
      }
      case 'ageAtLeast': {
        const years = value(c.param);
        if (typeof years !== 'number' || period.frequency === 'once') break;
        narrow(
          null,
          nextDay(`${String(Number(period.start.slice(0, 4)) - years).padStart(4, '0')}${period.start.slice(4)}`),
        );
        break;
      }
      default:
        break;
    }
  }
  return w;
}

/** The smallest window holding every period's: what one scan over all the periods reads. */
export function unionOf(windows: readonly BirthWindow[]): BirthWindow {
  if (windows.length === 0) return { from: null, before: null };
  const from = windows.some((w) => w.from === null)
    ? null
    : windows.map((w) => w.from!).reduce((a, b) => (a < b ? a : b));
  const before = windows.some((w) => w.before === null)
    ? null
    : windows.map((w) => w.before!).reduce((a, b) => (a > b ? a : b));
  return { from, before };
}
