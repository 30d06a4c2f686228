import type { SchemeDefinition } from '@cradle/domain';
import type { Conn } from '../db/client.js';
import { APPROVED_APPLICATION, type compileScheme } from './eligibility-sql.js';

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
 * How many persons with hukou under `prefix` the compiled scheme would pay for `period`, and
 * how much, leaving out those already paid for it.
 */
export async function unpaidEligible(
  tx: Conn,
  scheme: SchemeDefinition,
  compiled: NonNullable<ReturnType<typeof compileScheme>>,
  period: string,
  prefix: string,
): Promise<{ count: number; fen: number }> {
  const rows = await tx.query<{ n: number; fen: number | string }>(
    `SELECT count(*)::int AS n, coalesce(sum(a.amount), 0)::bigint AS fen
     FROM persons p ${scheme.proactive ? '' : APPROVED_APPLICATION}
     CROSS JOIN LATERAL (SELECT ${compiled.amount} AS amount) a
     WHERE p.hukou_region_code LIKE $2 AND ${compiled.where} AND a.amount > 0
       AND NOT EXISTS (SELECT 1 FROM payments x WHERE x.scheme_code = $1 AND x.beneficiary_id = p.id AND x.period_key = $3 AND x.status <> 'cancelled')`,
    [scheme.code, `${prefix}%`, period, ...compiled.params],
  );
  return { count: rows[0]!.n, fen: Number(rows[0]!.fen) };
}
