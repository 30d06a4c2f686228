import type { AnnualReportStatus } from '@cradle/domain';
import type { Conn } from '../db/client.js';

// SQL of the annual reports. Every function takes a connection inside withScope: row-level
// security (the migration adding annual_reports) limits each row to the township's jurisdiction.

export interface ReportRow {
  id: number;
  year: number;
  regionCode: string;
  dueDate: string;
  status: AnnualReportStatus;
  figures: unknown;
  body: string;
  openedByName: string;
  openedAt: Date;
  submittedAt: Date | null;
  submittedByName: string | null;
  decidedAt: Date | null;
  decidedByName: string | null;
  decisionNote: string | null;
}

const COLUMNS = `id, year, region_code, due_date::text AS due_date, status, figures, body, opened_by_name, opened_at,
  submitted_at, submitted_by_name, decided_at, decided_by_name, decision_note`;
type Raw = {
  id: number;
  year: number;
  region_code: string;
  due_date: string;
  status: AnnualReportStatus;
  figures: unknown;
  body: string;
  opened_by_name: string;
  opened_at: Date | string;
  submitted_at: Date | string | null;
  submitted_by_name: string | null;
  decided_at: Date | string | null;
  decided_by_name: string | null;
  decision_note: string | null;
};
const at = (v: Date | string | null) => (v === null ? null : new Date(v));
const row = (r: Raw): ReportRow => ({
  id: Number(r.id),
  year: Number(r.year),
  regionCode: r.region_code,
  dueDate: r.due_date,
  status: r.status,
  figures: typeof r.figures === 'string' ? JSON.parse(r.figures) : r.figures,
  body: r.body,
  openedByName: r.opened_by_name,
  openedAt: new Date(r.opened_at),
  submittedAt: at(r.submitted_at),
  submittedByName: r.submitted_by_name,
  decidedAt: at(r.decided_at),
  decidedByName: r.decided_by_name,
  decisionNote: r.decision_note,
});

export async function listReports(tx: Conn, year: number): Promise<ReportRow[]> {
  const rows = await tx.query<Raw>(`SELECT ${COLUMNS} FROM annual_reports WHERE year = $1 ORDER BY region_code`, [
    year,
  ]);
  return rows.map(row);
}

export async function findReport(tx: Conn, id: number, lock = false): Promise<ReportRow | null> {
  const [r] = await tx.query<Raw>(`SELECT ${COLUMNS} FROM annual_reports WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [
    id,
  ]);
  return r ? row(r) : null;
}

export async function existingRegions(tx: Conn, year: number): Promise<Set<string>> {
  const rows = await tx.query<{ region_code: string }>('SELECT region_code FROM annual_reports WHERE year = $1', [
    year,
  ]);
  return new Set(rows.map((r) => r.region_code));
}

export async function insertReport(
  tx: Conn,
  r: { year: number; regionCode: string; dueDate: string; figures: unknown; by: number; byName: string },
): Promise<number | null> {
  const [created] = await tx.query<{ id: number }>(
    `INSERT INTO annual_reports (year, region_code, due_date, status, figures, opened_by, opened_by_name)
     VALUES ($1, $2, $3, 'open', $4::jsonb, $5, $6) ON CONFLICT (year, region_code) DO NOTHING RETURNING id`,
    [r.year, r.regionCode, r.dueDate, JSON.stringify(r.figures), r.by, r.byName],
  );
  return created ? Number(created.id) : null;
}

export async function saveBody(tx: Conn, id: number, body: string): Promise<void> {
  await tx.query('UPDATE annual_reports SET body = $2 WHERE id = $1', [id, body]);
}

export async function markSubmitted(tx: Conn, id: number, body: string, by: number, byName: string): Promise<void> {
  await tx.query(
    `UPDATE annual_reports SET body = $2, status = 'submitted', submitted_by = $3, submitted_by_name = $4,
       submitted_at = now(), decided_by = NULL, decided_by_name = NULL, decided_at = NULL WHERE id = $1`,
    [id, body, by, byName],
  );
}

export async function markDecided(
  tx: Conn,
  id: number,
  status: 'accepted' | 'sentBack',
  by: number,
  byName: string,
  note: string | null,
): Promise<void> {
  await tx.query(
    `UPDATE annual_reports SET status = $2, decided_by = $3, decided_by_name = $4, decided_at = now(), decision_note = $5
      WHERE id = $1`,
    [id, status, by, byName, note],
  );
}

export async function findDueSetting(tx: Conn, jurisdictionCode: string): Promise<string | null> {
  const [r] = await tx.query<{ due_month_day: string }>(
    'SELECT due_month_day FROM annual_report_settings WHERE jurisdiction_code = $1',
    [jurisdictionCode],
  );
  return r?.due_month_day ?? null;
}

export async function upsertDueSetting(
  tx: Conn,
  jurisdictionCode: string,
  monthDay: string,
  by: number,
  byName: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO annual_report_settings (jurisdiction_code, due_month_day, set_by, set_by_name) VALUES ($1, $2, $3, $4)
     ON CONFLICT (jurisdiction_code) DO UPDATE SET due_month_day = $2, set_by = $3, set_by_name = $4, set_at = now()`,
    [jurisdictionCode, monthDay, by, byName],
  );
}

/**
 * Benefits paid in a year to people of a region: payments the bank confirmed, counted in the year
 * of the confirmation (China time); a one-off grant's period key ('once') names no year.
 */
export async function benefitsPaid(
  tx: Conn,
  regionCode: string,
  year: number,
): Promise<{ fen: number; count: number }> {
  const [r] = await tx.query<{ fen: string | null; n: number }>(
    `SELECT sum(amount_fen)::text AS fen, count(*)::int AS n FROM payments
      WHERE status = 'paid' AND region_code LIKE $1 || '%' AND extract(year FROM updated_at AT TIME ZONE 'Asia/Shanghai') = $2`,
    [regionCode, year],
  );
  return { fen: Number(r?.fen ?? 0), count: Number(r?.n ?? 0) };
}
