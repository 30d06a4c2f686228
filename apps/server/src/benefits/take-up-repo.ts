import type { Conn } from '../db/client.js';

export interface TakeUpRateRow {
  jurisdictionCode: string;
  basisPoints: number;
  basis: string;
  setByName: string;
  setAt: Date;
}

const COLUMNS = 'jurisdiction_code, rate_basis_points, basis, set_by_name, set_at';
type Row = { jurisdiction_code: string; rate_basis_points: number; basis: string; set_by_name: string; set_at: Date };
const toRate = (r: Row): TakeUpRateRow => ({
  jurisdictionCode: r.jurisdiction_code,
  basisPoints: r.rate_basis_points,
  basis: r.basis,
  setByName: r.set_by_name,
  setAt: new Date(r.set_at),
});

/** The take-up rates counties have set for a scheme, visible in the scope (row-level security), by county. */
export async function takeUpRates(tx: Conn, schemeCode: string): Promise<Map<string, TakeUpRateRow>> {
  const rows = await tx.query<Row>(`SELECT ${COLUMNS} FROM scheme_take_up_rates WHERE scheme_code = $1`, [schemeCode]);
  return new Map(rows.map((r) => [r.jurisdiction_code, toRate(r)]));
}

/** Sets a county's rate for a scheme; answers the rate it replaced, if any. */
export async function upsertTakeUpRate(
  tx: Conn,
  schemeCode: string,
  county: string,
  rate: { basisPoints: number; basis: string; setBy: number | null; setByName: string },
): Promise<{ now: TakeUpRateRow; before: number | null }> {
  const [before] = await tx.query<{ rate_basis_points: number }>(
    'SELECT rate_basis_points FROM scheme_take_up_rates WHERE scheme_code = $1 AND jurisdiction_code = $2 FOR UPDATE',
    [schemeCode, county],
  );
  const [row] = await tx.query<Row>(
    `INSERT INTO scheme_take_up_rates (scheme_code, jurisdiction_code, rate_basis_points, basis, set_by, set_by_name)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (scheme_code, jurisdiction_code) DO UPDATE SET rate_basis_points = EXCLUDED.rate_basis_points,
       basis = EXCLUDED.basis, set_by = EXCLUDED.set_by, set_by_name = EXCLUDED.set_by_name, set_at = now()
     RETURNING ${COLUMNS}`,
    [schemeCode, county, rate.basisPoints, rate.basis, rate.setBy, rate.setByName],
  );
  return { now: toRate(row!), before: before ? before.rate_basis_points : null };
}
