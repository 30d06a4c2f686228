import {
  chinaDateOf,
  DEFAULT_TAKE_UP_BASIS_POINTS,
  expectedFen,
  inForceFrom,
  monthIndex,
  monthKeyOf,
  type ParameterOverride,
  type SchemeDefinition,
} from '@cradle/domain';
import type { BudgetView } from '@cradle/contract';
import type { Conn } from '../db/client.js';
import { BUDGET_MONTHS, paymentSums, unpaidEligible, type UnpaidMode, type UnpaidRow } from './budget-repo.js';
import { birthWindow } from './budget-window.js';
import { compileScheme, countiesIn } from './eligibility-sql.js';
import { takeUpRates, type TakeUpRateRow } from './take-up-repo.js';
import { publishedOverrides } from './versions-repo.js';

export type Budget = BudgetView;
type Section = BudgetView['backlog'];
type PeriodFigures = Section['periods'][number];

/**
 * The budget of a scheme in a jurisdiction (issues 3 and 12): paid to date and committed; the
 * backlog, periods already begun (up to today) for which the registry finds someone eligible and
 * no payment exists; and the periods starting in the next 12 months. A scheme paid on application
 * counts everyone the registry finds eligible, whether or not they applied, with approved
 * applications apart, and expects the rest at the county's take-up rate (100% unless the county
 * set one). With a draft version, the figures use its values as if published.
 */
export async function budgetOf(
  tx: Conn,
  scheme: SchemeDefinition,
  jurisdictionCode: string,
  draft: ParameterOverride | null,
  today = chinaDateOf(new Date()),
): Promise<Budget> {
  const sums = await paymentSums(tx, scheme.code, jurisdictionCode);
  const overrides = [...(await publishedOverrides(tx, scheme.code)), ...(draft ? [draft] : [])];
  const mode = modeOf(scheme);
  const rates = mode === 'registry' ? new Map<string, TakeUpRateRow>() : await takeUpRates(tx, scheme.code);
  const due = duePeriods(scheme, overrides, today);
  const ahead = scheme.frequency === 'once' ? [] : periodsStartingWithin12Months(scheme, today);
  const periods = new Map<string, PeriodFigures>(
    [...due, ...ahead].map((key) => [key, emptyPeriod(key, mode, due.includes(key))]),
  );
  // Versions are set per county or above: a city's budget sums its counties', each at its own values and rate.
  const counties = await countiesIn(tx, jurisdictionCode);
  const takeUp: BudgetView['takeUpRates'] = [];
  // The rules read the hukou only by region prefix (hukouIn): grouping by as many digits keeps their answer.
  const hukouDigits = Math.max(6, ...scheme.conditions.map((c) => (c.kind === 'hukouIn' ? c.regionPrefix.length : 0)));
  for (const county of counties) {
    const rows = await unpaidEligible(
      tx,
      scheme.code,
      [...periods.keys()].map((key) => ({
        key,
        compile: (first: number) =>
          compileScheme(scheme, key, overrides, county, first, mode === 'approvedOnly', BUDGET_MONTHS),
        window: birthWindow(scheme, key, overrides, county),
      })),
      jurisdictionCode.length >= 6 ? jurisdictionCode : county,
      mode,
      hukouDigits,
      readsRegister(scheme) ? 'register' : readsChildren(scheme) ? 'parents' : null,
    );
    const rate = rates.get(county);
    if (mode !== 'registry')
      takeUp.push({
        jurisdictionCode: county,
        basisPoints: rate?.basisPoints ?? DEFAULT_TAKE_UP_BASIS_POINTS,
        isDefault: !rate,
        basis: rate?.basis ?? null,
        setByName: rate?.setByName ?? null,
        setAt: rate?.setAt.toISOString() ?? null,
      });
    for (const row of rows) add(periods.get(row.period)!, row, mode, rate?.basisPoints ?? DEFAULT_TAKE_UP_BASIS_POINTS);
  }
  const all = [...periods.values()];
  return {
    schemeCode: scheme.code,
    jurisdictionCode,
    asOf: today,
    paidOnApplication: !scheme.proactive,
    registryEstimate: mode !== 'approvedOnly',
    takeUpRates: takeUp,
    ...sums,
    backlog: section(
      all.filter((p) => p.due),
      mode,
    ),
    next12Months: section(
      all.filter((p) => !p.due),
      mode,
    ),
    assumingVersion: draft?.version ?? null,
  };
}

/** Rules that read the special-family register see each parent: the register is small (issue 16). */
const readsRegister = (scheme: SchemeDefinition): boolean =>
  scheme.amount.kind === 'bySpecialFamilyStatus' ||
  scheme.conditions.some((c) => c.kind === 'specialFamily' || c.kind === 'specialFamilyNeed');

/** Rules that read a parent's registered children see each parent (奖励扶助). */
const readsChildren = (scheme: SchemeDefinition): boolean =>
  scheme.conditions.some((c) => c.kind === 'registeredChildren');

/** Rules that read facts only an application states (a declaration, a special-family status) leave the registry unable to tell. */
function modeOf(scheme: SchemeDefinition): UnpaidMode {
  if (scheme.proactive) return 'registry';
  const needsApplication =
    scheme.amount.kind === 'bySpecialFamilyStatus' ||
    scheme.conditions.some((c) => c.kind === 'declared' || c.kind === 'specialFamily');
  return needsApplication ? 'approvedOnly' : 'registryAndApproved';
}

const emptyPeriod = (period: string, mode: UnpaidMode, due: boolean): PeriodFigures => ({
  period,
  due,
  registry: mode === 'approvedOnly' ? null : { count: 0, amountFen: 0 },
  approved: mode === 'registry' ? null : { count: 0, amountFen: 0 },
  expectedFen: 0,
});

function add(p: PeriodFigures, row: UnpaidRow, mode: UnpaidMode, rate: number): void {
  if (p.registry) {
    p.registry.count += row.count;
    p.registry.amountFen += Number(row.fen);
  }
  if (p.approved) {
    p.approved.count += row.approvedCount;
    p.approved.amountFen += Number(row.approvedFen);
  }
  const expected =
    mode === 'registry'
      ? row.fen
      : mode === 'approvedOnly'
        ? row.approvedFen
        : expectedFen(row.fen, row.approvedFen, rate);
  p.expectedFen += Number(expected);
}

function section(periods: PeriodFigures[], mode: UnpaidMode): Section {
  const total = (pick: (p: PeriodFigures) => PeriodFigures['registry']) =>
    periods.reduce(
      (t, p) => ({ count: t.count + (pick(p)?.count ?? 0), amountFen: t.amountFen + (pick(p)?.amountFen ?? 0) }),
      { count: 0, amountFen: 0 },
    );
  return {
    periods,
    registry: mode === 'approvedOnly' ? null : total((p) => p.registry),
    approved: mode === 'registry' ? null : total((p) => p.approved),
    expectedFen: periods.reduce((t, p) => t + p.expectedFen, 0),
  };
}

/**
 * Periods already begun: from the first day any value of the scheme is in force (its own, or a
 * version's) to today's period. A one-time grant has one period, due as soon as anything is in force.
 */
export function duePeriods(scheme: SchemeDefinition, overrides: readonly ParameterOverride[], today: string): string[] {
  const starts = [inForceFrom(scheme), ...overrides.map((o) => o.effectiveFrom)].filter(
    (d): d is string => d !== null && d <= today,
  );
  if (starts.length === 0) return [];
  const first = starts.reduce((a, b) => (a < b ? a : b));
  if (scheme.frequency === 'once') return ['once'];
  const months = Array.from({ length: monthIndex(today) - monthIndex(first) + 1 }, (_, i) =>
    monthKeyOf(monthIndex(first) + i),
  );
  if (scheme.frequency === 'monthly') return months;
  return [...new Set(months.map((m) => m.slice(0, 4)))];
}

/** Monthly: the next 12 months from next month; yearly: the years starting within them; once: the grant. */
export function periodsStartingWithin12Months(scheme: SchemeDefinition, today: string): string[] {
  const next = monthIndex(today) + 1;
  if (scheme.frequency === 'once') return ['once'];
  const months = Array.from({ length: 12 }, (_, i) => monthKeyOf(next + i));
  if (scheme.frequency === 'monthly') return months;
  return [...new Set(months.filter((m) => m.endsWith('-01')).map((m) => m.slice(0, 4)))];
}
