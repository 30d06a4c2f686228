import type { Conn } from '../db/client.js';
import { unionOf, type BirthWindow } from './budget-window.js';
import { APPROVED_APPLICATION, type CompiledScheme, type MonthColumns } from './eligibility-sql.js';

export interface PaymentSums {
  paidCount: number;
  paidFen: number;
  /** Made but not yet confirmed paid by the bank: pending, exported, failed awaiting the next cycle. */
  committedCount: number;
  committedFen: number;
}

/** What a scheme has paid and committed in a jurisdiction (by the payments' hukou region). */
export async function paymentSums(tx: Conn, schemeCode: string, jurisdictionCode: string): Promise<PaymentSums> {
  const [s] = await tx.query<{ paid_n: number; paid_fen: number | string; open_n: number; open_fen: number | string }>(
    `SELECT count(*) FILTER (WHERE status = 'paid')::int AS paid_n, coalesce(sum(amount_fen) FILTER (WHERE status = 'paid'), 0)::bigint AS paid_fen,
       count(*) FILTER (WHERE status IN ('pending', 'exported', 'failed'))::int AS open_n,
       coalesce(sum(amount_fen) FILTER (WHERE status IN ('pending', 'exported', 'failed')), 0)::bigint AS open_fen
     FROM payments WHERE scheme_code = $1 AND region_code LIKE $2`,
    [schemeCode, `${jurisdictionCode}%`],
  );
  return {
    paidCount: s!.paid_n,
    paidFen: Number(s!.paid_fen),
    committedCount: s!.open_n,
    committedFen: Number(s!.open_fen),
  };
}

/**
 * Who is counted: everyone the registry finds eligible (a proactive scheme), the same with those
 * holding an approved application counted apart (a scheme paid on application whose rules read
 * only the registry), or approved applications only (rules that read what an application states).
 */
export type UnpaidMode = 'registry' | 'registryAndApproved' | 'approvedOnly';

export interface UnpaidRow {
  period: string;
  count: number;
  fen: bigint;
  approvedCount: number;
  approvedFen: bigint;
}

/** A period and its rules, compiled with their parameters numbered from firstParam over BUDGET_MONTHS. */
export interface PeriodRules {
  key: string;
  compile: (firstParam: number) => CompiledScheme | null;
  window: BirthWindow;
}

/** The grouped rows below carry each birth's and death's month index, computed once per group. */
export const BUDGET_MONTHS: MonthColumns = { birth: 'p.birth_month', death: 'p.death_month' };

/**
 * For every period at once, the persons with hukou under `prefix` whom the rules make eligible
 * and whom no payment of the scheme covers for that period, with their amount. One scan of the
 * persons born in the periods' window, fanned out to the periods, one hash anti-join against
 * payments (scheme_code, beneficiary_id, period_key); then grouped by the facts the rules read
 * (birth and death date, parity, hukou county, an application's facts), so the rules are
 * evaluated once per group, not once per person: a few thousand groups at a million children.
 */
export async function unpaidEligible(
  tx: Conn,
  schemeCode: string,
  periods: readonly PeriodRules[],
  prefix: string,
  mode: UnpaidMode,
  /** How many digits of the hukou region the rules can tell apart (the longest hukouIn prefix, at least a county). */
  hukouDigits = 6,
  /**
   * The rules read per-person facts, so each person is a group of its own and the rules see `p.id`:
   * `register`, the special-family register (issue 16), counting only its parents (a few thousand
   * at most); `parents`, a parent's registered children (奖励扶助), counting only parents.
   */
  perPerson: 'register' | 'parents' | null = null,
): Promise<UnpaidRow[]> {
  const params: unknown[] = [schemeCode, `${prefix}%`, null];
  const keys: string[] = [];
  const cases: string[] = [];
  const windows: BirthWindow[] = [];
  for (const p of periods) {
    const compiled = p.compile(params.length + 1);
    // Nothing to pay in the period (before the scheme, or a value the jurisdiction has not set).
    if (!compiled || compiled.where === 'false') continue;
    params.push(...compiled.params);
    keys.push(p.key);
    windows.push(p.window);
    cases.push(`WHEN ${keys.length} THEN (CASE WHEN ${compiled.where} THEN ${compiled.amount} END)`);
  }
  if (keys.length === 0) return [];
  params[2] = keys;
  const window = unionOf(windows);
  const bounds = [
    ...(window.from === null ? [] : [`p.birth_date >= $${params.push(window.from)}::date`]),
    ...(window.before === null ? [] : [`p.birth_date < $${params.push(window.before)}::date`]),
  ];
  const join =
    mode === 'registryAndApproved'
      ? "LEFT JOIN applications ap ON ap.scheme_code = $1 AND ap.beneficiary_id = p.id AND ap.status = 'approved'"
      : mode === 'approvedOnly'
        ? APPROVED_APPLICATION
        : '';
  const approved = mode === 'registry' ? '0' : 'count(ap.beneficiary_id)';
  // Rules that read an application's facts see them per group (`ap.facts`).
  const facts = mode === 'approvedOnly' ? ', ap.facts AS ap_facts' : '';
  const apAlias = mode === 'approvedOnly' ? 'CROSS JOIN LATERAL (SELECT p.ap_facts AS facts) ap' : '';
  if (perPerson === 'register')
    bounds.push(
      'EXISTS (SELECT 1 FROM special_family_files f WHERE f.mother_person_id = p.id OR f.father_person_id = p.id)',
    );
  if (perPerson === 'parents')
    bounds.push(
      "EXISTS (SELECT 1 FROM relationships r WHERE r.from_person_id = p.id AND r.kind IN ('mother', 'father'))",
    );
  const perParent = perPerson ? ', p.id' : '';
  const monthOf = (c: string) => `(date_part('year', ${c})::int * 12 + date_part('month', ${c})::int - 1)`;
  // A nested loop here re-reads the scheme's payments once per person when the planner believes
  // the table empty (statistics taken before the last cycle; PGlite has no autovacuum): 7 s for
  // the birth grant at the demo's size after one batch. Every join here is over whole sets, so
  // hash joins are right at any size; the fan-out to the periods keeps its nested loop.
  // Custom plans: a statement prepared once per connection (db/client.ts) would otherwise go generic
  // after five runs, blind to the birth window and the hukou prefix it is given. No JIT: the
  // disabled nested loop's cost (10^10) passes jit_above_cost, and PostgreSQL spent 1.1 s of a
  // 1.2 s answer compiling it.
  const [was] = await tx.query<{ nl: string; pc: string; jit: string }>(
    `SELECT current_setting('enable_nestloop') AS nl, current_setting('plan_cache_mode') AS pc, current_setting('jit') AS jit,
       set_config('enable_nestloop', 'off', true), set_config('plan_cache_mode', 'force_custom_plan', true),
       set_config('jit', 'off', true)`,
  );
  const rows = await tx.query<{ i: number; n: number; fen: string; approved_n: number; approved_fen: string }>(
    `SELECT e.i, sum(e.n)::int AS n, sum(e.n * e.amount)::bigint::text AS fen,
       sum(e.approved_n)::int AS approved_n, sum(e.approved_n * e.amount)::bigint::text AS approved_fen
     FROM (
       SELECT p.i, p.n, p.approved_n, (CASE p.i ${cases.join(' ')} END) AS amount
       FROM (
         SELECT k.i${perParent}, p.birth_date, p.death_date, p.parity, left(p.hukou_region_code, ${hukouDigits}) AS hukou_region_code,
           ${monthOf('p.birth_date')} AS birth_month, ${monthOf('p.death_date')} AS death_month${facts},
           count(*) AS n, ${approved} AS approved_n
         FROM persons p ${join}
         CROSS JOIN generate_series(1, cardinality($3::text[])) AS k(i)
         WHERE p.hukou_region_code LIKE $2 ${bounds.map((b) => `AND ${b}`).join(' ')}
           AND NOT EXISTS (SELECT 1 FROM payments x
             WHERE x.scheme_code = $1 AND x.beneficiary_id = p.id AND x.period_key = ($3::text[])[k.i]
               AND x.status <> 'cancelled')
         GROUP BY k.i${perParent}, p.birth_date, p.death_date, p.parity, left(p.hukou_region_code, ${hukouDigits})${facts ? ', ap.facts' : ''}
         OFFSET 0
       ) p ${apAlias}
     ) e
     WHERE e.amount > 0
     GROUP BY e.i`,
    params,
  );
  await tx.query(
    "SELECT set_config('enable_nestloop', $1, true), set_config('plan_cache_mode', $2, true), set_config('jit', $3, true)",
    [was!.nl, was!.pc, was!.jit],
  );
  return rows.map((r) => ({
    period: keys[r.i - 1]!,
    count: r.n,
    fen: BigInt(r.fen),
    approvedCount: r.approved_n,
    approvedFen: BigInt(r.approved_fen),
  }));
}
