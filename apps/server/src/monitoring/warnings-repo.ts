import type { Conn } from '../db/client.js';

// SQL of monitoring_warnings (migration 0029): raised once per (rule, indicator, region, period),
// acknowledged once, never deleted.

export interface Figures {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface WarningRow {
  id: number;
  rule: string;
  indicator: string;
  regionCode: string;
  regionName: string;
  period: string;
  severity: 'alert' | 'warning';
  figures: Figures;
  raisedAt: string;
  acknowledgedByName: string | null;
  acknowledgedAt: string | null;
  acknowledgementNote: string | null;
}

type Raw = {
  id: number;
  rule: string;
  indicator: string;
  region_code: string;
  region_name: string;
  period: string;
  severity: 'alert' | 'warning';
  figures: Figures;
  raised_at: Date;
  acknowledged_by_name: string | null;
  acknowledged_at: Date | null;
  acknowledgement_note: string | null;
};

const COLUMNS = `w.id, w.rule, w.indicator, w.region_code, coalesce(g.name, w.region_code) AS region_name, w.period, w.severity,
  w.figures, w.raised_at, w.acknowledged_by_name, w.acknowledged_at, w.acknowledgement_note`;

const toRow = (r: Raw): WarningRow => ({
  id: Number(r.id),
  rule: r.rule,
  indicator: r.indicator,
  regionCode: r.region_code,
  regionName: r.region_name,
  period: r.period,
  severity: r.severity,
  figures: r.figures,
  raisedAt: new Date(r.raised_at).toISOString(),
  acknowledgedByName: r.acknowledged_by_name,
  acknowledgedAt: r.acknowledged_at === null ? null : new Date(r.acknowledged_at).toISOString(),
  acknowledgementNote: r.acknowledgement_note,
});

/** Inserts the warnings not raised before; returns those it inserted (a warning is raised once). */
export async function insertRaised(
  tx: Conn,
  list: readonly {
    rule: string;
    indicator: string;
    regionCode: string;
    period: string;
    severity: string;
    figures: Figures;
  }[],
): Promise<WarningRow[]> {
  if (list.length === 0) return [];
  const rows = await tx.query<Raw>(
    `WITH ins AS (
       INSERT INTO monitoring_warnings (rule, indicator, region_code, period, severity, figures)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[])
       ON CONFLICT (rule, indicator, region_code, period) DO NOTHING
       RETURNING *)
     SELECT ${COLUMNS} FROM ins w LEFT JOIN regions g ON g.code = w.region_code ORDER BY w.id`,
    [
      list.map((w) => w.rule),
      list.map((w) => w.indicator),
      list.map((w) => w.regionCode),
      list.map((w) => w.period),
      list.map((w) => w.severity),
      list.map((w) => JSON.stringify(w.figures)),
    ],
  );
  return rows.map(toRow);
}

export interface WarningFilter {
  state?: 'open' | 'acknowledged' | undefined;
  region?: string | undefined;
}

export async function listWarnings(
  tx: Conn,
  f: WarningFilter,
  limit: number,
  offset: number,
): Promise<{ rows: WarningRow[]; total: number }> {
  const params: unknown[] = [];
  const parts: string[] = [];
  if (f.state === 'open') parts.push('w.acknowledged_at IS NULL');
  if (f.state === 'acknowledged') parts.push('w.acknowledged_at IS NOT NULL');
  if (f.region) parts.push(`w.region_code LIKE $${params.push(f.region)} || '%'`);
  const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  const [count] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM monitoring_warnings w ${where}`,
    params,
  );
  const rows = await tx.query<Raw>(
    `SELECT ${COLUMNS} FROM monitoring_warnings w LEFT JOIN regions g ON g.code = w.region_code ${where}
      ORDER BY (w.severity = 'alert') DESC, w.raised_at DESC, w.id DESC
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, limit, offset],
  );
  return { rows: rows.map(toRow), total: Number(count!.n) };
}

export async function findWarning(tx: Conn, id: number): Promise<WarningRow | null> {
  const rows = await tx.query<Raw>(
    `SELECT ${COLUMNS} FROM monitoring_warnings w LEFT JOIN regions g ON g.code = w.region_code WHERE w.id = $1`,
    [id],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

/** Acknowledges an open warning; false when it was acknowledged already. */
export async function acknowledge(
  tx: Conn,
  id: number,
  note: string,
  user: { id: number; displayName: string },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE monitoring_warnings SET acknowledged_by = $2, acknowledged_by_name = $3, acknowledged_at = now(), acknowledgement_note = $4
      WHERE id = $1 AND acknowledged_at IS NULL RETURNING id`,
    [id, user.id, user.displayName, note],
  );
  return rows.length > 0;
}

/** The townships of a county (GB/T 2260 level 4), the regions a county's warnings are judged for besides itself. */
export async function townshipsOf(conn: Conn, county: string): Promise<string[]> {
  const rows = await conn.query<{ code: string }>(
    `SELECT code FROM regions WHERE level = 4 AND code LIKE $1 ORDER BY code`,
    [`${county}%`],
  );
  return rows.map((r) => r.code);
}

/** The counties under a city or province. */
export async function countiesOf(conn: Conn, regionCode: string): Promise<string[]> {
  const rows = await conn.query<{ code: string }>(
    `SELECT code FROM regions WHERE level = 3 AND code LIKE $1 ORDER BY code`,
    [`${regionCode}%`],
  );
  return rows.map((r) => r.code);
}
