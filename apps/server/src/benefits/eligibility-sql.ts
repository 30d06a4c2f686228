import {
  inForceFrom,
  monthIndex,
  monthKeyOf,
  monthsOf,
  parsePeriod,
  resolveParameter,
  type Condition,
  type ParameterOverride,
  type ParameterValue,
  type Period,
  type SchemeDefinition,
} from '@cradle/domain';
import type { Conn } from '../db/client.js';
import { BenefitsError } from './errors.js';

/**
 * A scheme's rules for one period, compiled to SQL over `persons p`: the set-based twin of
 * checkEligibility (@cradle/domain). Parameters are resolved in TypeScript for one county
 * (versions are set at county level or above, so every beneficiary in it gets the same values)
 * and bound as parameters. cycle.test.ts holds the SQL to the same answers as checkEligibility,
 * person by person.
 */
export interface CompiledScheme {
  /** Boolean SQL over p: every condition holds. */
  where: string;
  /** bigint SQL over p: the amount in fen (0 or NULL: nothing to pay). */
  amount: string;
  params: unknown[];
}

export function compileScheme(
  scheme: SchemeDefinition,
  periodKey: string,
  overrides: readonly ParameterOverride[],
  regionCode: string,
  firstParam: number,
  /** Whether the statement joins the beneficiary's approved application as `ap` (schemes that are not proactive). */
  viaApplications = false,
  /** SQL for the month indexes of birth and death, where the statement has them at hand (the budget groups by them). */
  months: MonthColumns = PERSON_MONTHS,
): CompiledScheme | null {
  const period = parsePeriod(scheme.frequency, periodKey);
  if (!period) throw BenefitsError('period.invalid', { period: periodKey });
  const start = inForceFrom(scheme);
  if (start !== null && period.end <= start) return null;
  const params: unknown[] = [];
  const bind = (v: unknown, cast: string) => {
    params.push(v);
    return `$${firstParam + params.length - 1}::${cast}`;
  };
  // A one-time grant takes the rules in force at birth; the SQL form needs one value for
  // everyone, so such schemes must not change their parameters (checked below).
  const on = period.frequency === 'once' ? null : period.start;
  const value = (name: string): ParameterValue | null => {
    if (on !== null) return resolveParameter(scheme, name, overrides, regionCode, on)?.value ?? null;
    return onceValue(scheme, name, overrides, regionCode);
  };
  const conditions = scheme.conditions.map((c) => conditionSql(c, period, value, bind, viaApplications, months));
  // Nothing payable (a value not set yet): no parameters either, or the statement's count of them
  // would not match the ones its text uses.
  const nothing: CompiledScheme = { where: 'false', amount: '0', params: [] };
  if (conditions.some((c) => c === null)) return nothing;
  const amount = amountSql(scheme, period, value, bind, regionCode, overrides, viaApplications, months);
  if (amount === null) return nothing;
  return { where: conditions.join(' AND '), amount, params };
}

// Month index of a date column, as monthIndex() computes it in TypeScript.
const monthOf = (col: string) => `(extract(year FROM ${col})::int * 12 + extract(month FROM ${col})::int - 1)`;

/** SQL giving the month index of the person's birth and of their death (NULL while alive). */
export interface MonthColumns {
  birth: string;
  death: string;
}
const PERSON_MONTHS: MonthColumns = { birth: monthOf('p.birth_date'), death: monthOf('p.death_date') };

type Bind = (v: unknown, cast: string) => string;

function conditionSql(
  c: Condition,
  period: Period,
  value: (n: string) => ParameterValue | null,
  bind: Bind,
  viaApplications: boolean,
  months: MonthColumns,
): string | null {
  switch (c.kind) {
    case 'alive':
      return period.frequency === 'once'
        ? 'true'
        : `(p.death_date IS NULL OR p.death_date >= ${bind(period.start, 'date')})`;
    case 'hukouIn':
      return `p.hukou_region_code LIKE ${bind(`${c.regionPrefix}%`, 'text')}`;
    case 'bornOnOrAfter':
    case 'bornOnOrBefore': {
      const d = value(c.param);
      if (typeof d !== 'string') return null;
      return `p.birth_date ${c.kind === 'bornOnOrAfter' ? '>=' : '<='} ${bind(d, 'date')}`;
    }
    case 'parityIn': {
      const list = value(c.param);
      if (!Array.isArray(list)) return null;
      return `p.parity = ANY (${bind(list, 'int[]')})`;
    }
    case 'underAgeMonths': {
      const limit = value(c.param);
      if (typeof limit !== 'number') return null;
      const { lo, hi } = monthRange(period, limit, null, bind, months);
      return `${lo} <= ${hi}`;
    }
    case 'yearOfAgeStarts': {
      const limit = value(c.param);
      if (typeof limit !== 'number') return null;
      if (period.frequency !== 'yearly') throw BenefitsError('scheme.notPayableInCycles', { scheme: c.kind });
      // A birthday anniversary always falls in its own calendar year (29 February moves to 1 March).
      const year = Number(period.key);
      return `extract(year FROM p.birth_date)::int BETWEEN ${bind(year - limit + 1, 'int')} AND ${bind(year, 'int')}`;
    }
    case 'ageAtLeast': {
      const years = value(c.param);
      if (typeof years !== 'number') return null;
      return `p.birth_date <= (${bind(period.start, 'date')} - make_interval(years => ${bind(years, 'int')}))::date`;
    }
    // The special-family register's status in force at the period's start (issue 16), else what an
    // approved application states (withApplicationFacts: the register wins).
    case 'specialFamily':
      return `${specialFamilyStatusSql(period.start, bind, viaApplications)} = ANY (${bind([...c.statuses], 'text[]')})`;
    // A need flagged on the register's confirmed file (issue 16), never an application's statement.
    case 'specialFamilyNeed':
      return `${c.absent ? 'NOT ' : ''}coalesce(${registerFileSql(period.start, bind, 'f.needs')} && ${bind([...c.needs], 'text[]')}, false)`;
    // The parent's registered children (奖励扶助): one, or two daughters, all born before the date.
    case 'registeredChildren': {
      const before = value(c.bornBeforeParam);
      if (typeof before !== 'string') return null;
      const d = bind(before, 'date');
      const shape =
        c.family === 'onlyChild'
          ? `count(DISTINCT k.id) = 1 AND bool_and(k.birth_date < ${d})`
          : `count(DISTINCT k.id) = 2 AND bool_and(k.birth_date < ${d} AND k.sex = 'female')`;
      return `coalesce((SELECT ${shape} FROM relationships r JOIN persons k ON k.id = r.to_person_id
        WHERE r.from_person_id = p.id AND r.kind IN ('mother', 'father')), false)`;
    }
    // Facts the registry does not hold: the approved application states them (withApplicationFacts).
    case 'declared':
      if (!viaApplications) throw BenefitsError('scheme.notPayableInCycles', { scheme: c.kind });
      return `coalesce((ap.facts->>${bind(c.fact, 'text')})::boolean, false)`;
    // An institution is paid by institution-cycle.ts, in TypeScript: never by the persons' SQL.
    case 'institutionFiled':
    case 'dateReached':
      throw BenefitsError('scheme.notPayableInCycles', { scheme: c.kind });
  }
}

/**
 * A parent's special-family status as SQL over `p` (issue 16). A parent in the register is paid by
 * the register: the file naming them whose latest status change in force on `on` (effective_from:
 * the period after the county's decision) is confirmed gives its kind, one in force but not
 * confirmed gives none (''), whatever an application states. Only a parent the register does not
 * hold keeps an approved application's statement (`ap`), where the statement has one.
 */
function specialFamilyStatusSql(on: string, bind: Bind, viaApplications: boolean): string {
  const register = registerFileSql(on, bind, `CASE WHEN st.status = 'confirmed' THEN f.kind ELSE '' END`);
  return `nullif(${viaApplications ? `coalesce(${register}, ap.facts->>'specialFamilyStatus')` : register}, '')`;
}

/**
 * `column` of the register's file naming p as a parent (facts-repo.ts reads the same file): of its
 * files, a confirmed one in force on `on` first, else the lowest id; `st.status` is the status in force.
 * NULL when the register holds no file for p.
 */
function registerFileSql(on: string, bind: Bind, column: string): string {
  return `(SELECT ${column} FROM special_family_files f
      CROSS JOIN LATERAL (SELECT sc.status FROM special_family_status_changes sc
        WHERE sc.file_id = f.id AND sc.effective_from <= ${bind(on, 'date')} ORDER BY sc.version DESC LIMIT 1) st
      WHERE f.mother_person_id = p.id OR f.father_person_id = p.id
      ORDER BY st.status = 'confirmed' DESC, f.id LIMIT 1)`;
}

/**
 * The eligible months of the period as SQL bounds: the month after birth to month 12·limit of
 * life, not after the month of death, not before payableFrom (eligibleMonths in TypeScript).
 */
function monthRange(
  period: Period,
  limit: number,
  payableFrom: string | null,
  bind: Bind,
  months: MonthColumns,
): { lo: string; hi: string } {
  const { first, last } = monthsOf(period);
  const floor = Math.max(first, payableFrom === null ? 0 : monthIndex(payableFrom));
  const lo = `greatest(${bind(floor, 'int')}, ${months.birth} + 1)`;
  const hi = `least(${bind(last, 'int')}, ${months.birth} + ${bind(12 * limit, 'int')}, coalesce(${months.death}, ${bind(last, 'int')}))`;
  return { lo, hi };
}

function amountSql(
  scheme: SchemeDefinition,
  period: Period,
  value: (n: string) => ParameterValue | null,
  bind: Bind,
  regionCode: string,
  overrides: readonly ParameterOverride[],
  viaApplications: boolean,
  months: MonthColumns,
): string | null {
  const rule = scheme.amount;
  switch (rule.kind) {
    case 'perPeriod': {
      const v = value(rule.param);
      return typeof v === 'number' ? bind(v, 'bigint') : null;
    }
    case 'byParity': {
      const table = value(rule.param);
      if (table === null || typeof table !== 'object' || Array.isArray(table)) return null;
      const cases = Object.entries(table as Record<string, number>).map(
        ([k, v]) => `WHEN ${bind(Number(k), 'int')} THEN ${bind(v, 'bigint')}`,
      );
      return `(CASE p.parity ${cases.join(' ')} ELSE 0 END)`;
    }
    case 'bySpecialFamilyStatus': {
      const table = value(rule.param);
      if (table === null || typeof table !== 'object' || Array.isArray(table)) return null;
      const cases = Object.entries(table as Record<string, number>).map(
        ([k, v]) => `WHEN ${bind(k, 'text')} THEN ${bind(v, 'bigint')}`,
      );
      return `(CASE ${specialFamilyStatusSql(period.start, bind, viaApplications)} ${cases.join(' ')} ELSE 0 END)`;
    }
    case 'yearlyProRata': {
      const limit = value(rule.monthsParam);
      const payableFrom = value(rule.payableFromParam);
      if (typeof limit !== 'number') return null;
      const { lo, hi } = monthRange(period, limit, typeof payableFrom === 'string' ? payableFrom : null, bind, months);
      // Each month at the yearly amount in force that month: prefix sums over the period's
      // months, so the sum over the eligible range is two array look-ups. A month with no amount
      // in force makes the child's amount 0 only if it is one of their eligible months (as
      // computeAmount does), hence a second prefix array counting such months. Rounded half up once.
      const { first, last } = monthsOf(period);
      const prefix: number[] = [0];
      const unset: number[] = [0];
      for (let m = first; m <= last; m++) {
        const v = resolveParameter(scheme, rule.param, overrides, regionCode, `${monthKeyOf(m)}-01`)?.value;
        prefix.push(prefix[prefix.length - 1]! + (typeof v === 'number' ? v : 0));
        unset.push(unset[unset.length - 1]! + (typeof v === 'number' ? 0 : 1));
      }
      const arr = bind(prefix, 'bigint[]');
      const gaps = bind(unset, 'int[]');
      const f = bind(first, 'int');
      const inRange = (a: string) => `(${a})[${hi} - ${f} + 2] - (${a})[${lo} - ${f} + 1]`;
      const sum = `(CASE WHEN ${lo} <= ${hi} AND ${inRange(gaps)} = 0 THEN ${inRange(arr)} ELSE 0 END)`;
      return `((${sum} * 2 + 12) / 24)`;
    }
    case 'perSlot':
      throw BenefitsError('scheme.notPayableInCycles', { scheme: rule.kind });
  }
}

/** A one-time grant's parameter, which must hold one value for all time (see compileScheme). */
function onceValue(
  scheme: SchemeDefinition,
  name: string,
  overrides: readonly ParameterOverride[],
  regionCode: string,
): ParameterValue | null {
  const def = scheme.parameters[name];
  const relevant = overrides.filter((o) => name in o.values && regionCode.startsWith(o.jurisdictionCode));
  if (!def || def.history.length > 1 || relevant.length > 0)
    throw BenefitsError('scheme.notPayableInCycles', { scheme: scheme.code });
  return def.history[0]?.value ?? null;
}

// A scheme that is not proactive pays only beneficiaries with an approved application, whose
// stated facts (declarations, special-family status) its rules read as `ap.facts`. A proactive
// scheme (免申即享) pays everyone eligible in the registry: the payment, pending until the bank
// confirms it, is the "pending entitlement" of issue 3 (our reading).
export const APPROVED_APPLICATION =
  "JOIN applications ap ON ap.scheme_code = $1 AND ap.beneficiary_id = p.id AND ap.status = 'approved'";

/**
 * The counties whose beneficiaries a jurisdiction pays, each with its own parameter values
 * (versions are set at county level or above): the jurisdiction's county, or those a city or
 * province holds persons in.
 */
export async function countiesIn(tx: Conn, jurisdictionCode: string): Promise<string[]> {
  if (jurisdictionCode.length >= 6) return [jurisdictionCode.slice(0, 6)];
  const rows = await tx.query<{ c: string }>(
    'SELECT DISTINCT left(hukou_region_code, 6) AS c FROM persons WHERE hukou_region_code LIKE $1 ORDER BY 1',
    [`${jurisdictionCode}%`],
  );
  return rows.map((r) => r.c);
}
