import { chinaDateOf, monthIndex, monthKeyOf, type ParameterOverride, type SchemeDefinition } from '@cradle/domain';
import type { Conn } from '../db/client.js';
import { paymentSums, unpaidEligible } from './budget-repo.js';
import { compileScheme, countiesIn } from './eligibility-sql.js';
import { publishedOverrides } from './versions-repo.js';

export interface Budget {
  schemeCode: string;
  jurisdictionCode: string;
  paidFen: number;
  paidCount: number;
  /** Payments made but not yet confirmed paid by the bank (pending, exported, failed awaiting the next cycle). */
  committedFen: number;
  committedCount: number;
  /** Periods starting in the next 12 months, as cycles would pay them from today's registry. */
  next12Months: { period: string; count: number; amountFen: number }[];
  next12MonthsFen: number;
  /** The draft version whose values the forecast assumes, if one was given. */
  assumingVersion: number | null;
}

/**
 * The budget view of a scheme in a jurisdiction (issue 3): paid to date, committed, and the
 * cost of the periods that start in the next 12 months from today's registry — children who
 * will still be eligible then, not paid for those periods yet. With a draft version, the
 * forecast uses its values as if published, so a county sees what a new amount would cost.
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
  const next12Months: Budget['next12Months'] = [];
  // Versions are set per county or above: a city's forecast sums its counties', each at its own values.
  const counties = await countiesIn(tx, jurisdictionCode);
  for (const period of periodsStartingWithin12Months(scheme, today)) {
    let count = 0;
    let fenSum = 0;
    for (const county of counties) {
      const w = await forecast(
        tx,
        scheme,
        period,
        overrides,
        county,
        jurisdictionCode.length >= 6 ? jurisdictionCode : county,
      );
      count += w.count;
      fenSum += w.fen;
    }
    next12Months.push({ period, count, amountFen: fenSum });
  }
  return {
    schemeCode: scheme.code,
    jurisdictionCode,
    ...sums,
    next12Months,
    next12MonthsFen: next12Months.reduce((a, p) => a + p.amountFen, 0),
    assumingVersion: draft?.version ?? null,
  };
}

async function forecast(
  tx: Conn,
  scheme: SchemeDefinition,
  period: string,
  overrides: readonly ParameterOverride[],
  county: string,
  prefix: string,
): Promise<{ count: number; fen: number }> {
  const compiled = compileScheme(scheme, period, overrides, county, 4, !scheme.proactive);
  if (!compiled) return { count: 0, fen: 0 };
  return unpaidEligible(tx, scheme, compiled, period, prefix);
}

/** Monthly: the next 12 months from next month; yearly: the years starting within them; once: the grant not yet paid. */
export function periodsStartingWithin12Months(scheme: SchemeDefinition, today: string): string[] {
  const next = monthIndex(today) + 1;
  if (scheme.frequency === 'once') return ['once'];
  const months = Array.from({ length: 12 }, (_, i) => monthKeyOf(next + i));
  if (scheme.frequency === 'monthly') return months;
  return [...new Set(months.filter((m) => m.endsWith('-01')).map((m) => m.slice(0, 4)))];
}
