import { chinaDateOf, monthIndex, monthKeyOf, type ParameterOverride, type SchemeDefinition } from '@cradle/domain';
import type { Conn } from '../db/client.js';
import { APPROVED_APPLICATION, compileScheme, countiesIn } from './eligibility-sql.js';
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
  const sums = await tx.query<{ paid_n: number; paid_fen: number | string; open_n: number; open_fen: number | string }>(
    `SELECT count(*) FILTER (WHERE status = 'paid')::int AS paid_n, coalesce(sum(amount_fen) FILTER (WHERE status = 'paid'), 0)::bigint AS paid_fen,
       count(*) FILTER (WHERE status IN ('pending', 'exported', 'failed'))::int AS open_n,
       coalesce(sum(amount_fen) FILTER (WHERE status IN ('pending', 'exported', 'failed')), 0)::bigint AS open_fen
     FROM payments WHERE scheme_code = $1 AND region_code LIKE $2`,
    [scheme.code, `${jurisdictionCode}%`],
  );
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
  const s = sums[0]!;
  return {
    schemeCode: scheme.code,
    jurisdictionCode,
    paidFen: Number(s.paid_fen),
    paidCount: s.paid_n,
    committedFen: Number(s.open_fen),
    committedCount: s.open_n,
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
  const rows = await tx.query<{ n: number; fen: number | string }>(
    `SELECT count(*)::int AS n, coalesce(sum(a.amount), 0)::bigint AS fen
     FROM persons p ${scheme.proactive ? '' : APPROVED_APPLICATION}
     CROSS JOIN LATERAL (SELECT ${compiled.amount} AS amount) a
     WHERE p.hukou_region_code LIKE $2 AND ${compiled.where} AND a.amount > 0
       AND NOT EXISTS (SELECT 1 FROM payments x WHERE x.scheme_code = $1 AND x.beneficiary_id = p.id AND x.period_key = $3)`,
    [scheme.code, `${prefix}%`, period, ...compiled.params],
  );
  return { count: rows[0]!.n, fen: Number(rows[0]!.fen) };
}

/** Monthly: the next 12 months from next month; yearly: the years starting within them; once: the grant not yet paid. */
export function periodsStartingWithin12Months(scheme: SchemeDefinition, today: string): string[] {
  const next = monthIndex(today) + 1;
  if (scheme.frequency === 'once') return ['once'];
  const months = Array.from({ length: 12 }, (_, i) => monthKeyOf(next + i));
  if (scheme.frequency === 'monthly') return months;
  return [...new Set(months.filter((m) => m.endsWith('-01')).map((m) => m.slice(0, 4)))];
}
