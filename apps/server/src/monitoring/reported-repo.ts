import type { Conn } from '../db/client.js';

// SQL of reported_values (migration 0027): versions, never overwritten; the highest version of
// (count_key, region_code, period_key) is the value in force.

export interface ReportedRow {
  id: number;
  item: string;
  department: string;
  regionCode: string;
  regionName: string;
  period: string;
  value: number;
  version: number;
  reason: string | null;
  reportedByName: string;
  reportedAt: string;
}

const COLUMNS = `r.id, r.item, r.department, r.region_code, coalesce(g.name, r.region_code) AS region_name, r.period_key,
  r.value, r.version, r.reason, r.reported_by_name, r.reported_at`;

type Raw = {
  id: number;
  item: string;
  department: string;
  region_code: string;
  region_name: string;
  period_key: string;
  value: number;
  version: number;
  reason: string | null;
  reported_by_name: string;
  reported_at: Date;
};

const toRow = (r: Raw): ReportedRow => ({
  id: Number(r.id),
  item: r.item,
  department: r.department,
  regionCode: r.region_code,
  regionName: r.region_name,
  period: r.period_key,
  value: Number(r.value),
  version: Number(r.version),
  reason: r.reason,
  reportedByName: r.reported_by_name,
  reportedAt: new Date(r.reported_at).toISOString(),
});

/** The values in force of these count keys for one region and period, by key. */
export async function valuesInForce(
  tx: Conn,
  countKeys: readonly string[],
  regionCode: string,
  period: string,
): Promise<Map<string, { value: number; version: number }>> {
  const rows = await tx.query<{ count_key: string; value: number; version: number }>(
    `SELECT DISTINCT ON (count_key) count_key, value, version FROM reported_values
      WHERE count_key = ANY ($1::text[]) AND region_code = $2 AND period_key = $3
      ORDER BY count_key, version DESC`,
    [countKeys, regionCode, period],
  );
  return new Map(rows.map((r) => [r.count_key, { value: Number(r.value), version: Number(r.version) }]));
}

export async function insertVersion(
  tx: Conn,
  v: {
    countKey: string;
    item: string;
    department: string;
    regionCode: string;
    period: string;
    value: number;
    reason: string | null;
  },
  user: { id: number; displayName: string },
): Promise<ReportedRow> {
  const rows = await tx.query<Raw>(
    `WITH ins AS (
       INSERT INTO reported_values (count_key, item, department, region_code, period_key, value, version, reason, reported_by, reported_by_name)
       SELECT $1, $2, $3, $4, $5, $6, coalesce(max(version), 0) + 1, $7, $8, $9
         FROM reported_values WHERE count_key = $1 AND region_code = $4 AND period_key = $5
       RETURNING *)
     SELECT ${COLUMNS} FROM ins r LEFT JOIN regions g ON g.code = r.region_code`,
    [v.countKey, v.item, v.department, v.regionCode, v.period, v.value, v.reason, user.id, user.displayName],
  );
  return toRow(rows[0]!);
}

export interface ReportedFilter {
  items?: readonly string[] | undefined;
  region?: string | undefined;
  period?: string | undefined;
}

function where(f: ReportedFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const parts: string[] = [];
  if (f.items) parts.push(`r.item = ANY ($${params.push(f.items)}::text[])`);
  if (f.region) parts.push(`r.region_code LIKE $${params.push(f.region)} || '%'`);
  if (f.period) parts.push(`r.period_key = $${params.push(f.period)}`);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** The values in force (one row per item, region and period), newest period first. */
export async function listInForce(
  tx: Conn,
  f: ReportedFilter,
  limit: number,
  offset: number,
): Promise<{ rows: ReportedRow[]; total: number }> {
  const w = where(f);
  const inForce = `SELECT DISTINCT ON (r.count_key, r.region_code, r.period_key) r.* FROM reported_values r ${w.sql}
                   ORDER BY r.count_key, r.region_code, r.period_key, r.version DESC`;
  const [count] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${inForce}) x`, w.params);
  const rows = await tx.query<Raw>(
    `SELECT ${COLUMNS} FROM (${inForce}) r LEFT JOIN regions g ON g.code = r.region_code
      ORDER BY r.period_key DESC, r.region_code, r.item, r.id
      LIMIT $${w.params.length + 1} OFFSET $${w.params.length + 2}`,
    [...w.params, limit, offset],
  );
  return { rows: rows.map(toRow), total: Number(count!.n) };
}

/** Every version of the items for one region and period, newest first. */
export async function history(
  tx: Conn,
  items: readonly string[],
  regionCode: string,
  period: string,
): Promise<ReportedRow[]> {
  const rows = await tx.query<Raw>(
    `SELECT ${COLUMNS} FROM reported_values r LEFT JOIN regions g ON g.code = r.region_code
      WHERE r.item = ANY ($1::text[]) AND r.region_code = $2 AND r.period_key = $3
      ORDER BY r.reported_at DESC, r.id DESC`,
    [items, regionCode, period],
  );
  return rows.map(toRow);
}
