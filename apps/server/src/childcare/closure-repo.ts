import type { Conn } from '../db/client.js';
import { typeOf } from './supervision-repo.js';

// SQL of the county's emergency closure (migration 0034), the slots in force, and the
// supervision list. Called inside withScope: row-level security limits every table.

export interface ClosureRow {
  closedOn: string;
  reason: string;
  transferPlan: string;
  placements: { receivingInstitutionId: number | null; receivingName: string; children: number }[];
  orderedByName: string;
}

export async function insertClosure(
  tx: Conn,
  institutionId: number,
  regionCode: string,
  c: Omit<ClosureRow, 'orderedByName'>,
  by: { id: number; name: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO childcare_closures (institution_id, region_code, closed_on, reason, transfer_plan, placements,
       ordered_by, ordered_by_name)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
    [institutionId, regionCode, c.closedOn, c.reason, c.transferPlan, JSON.stringify(c.placements), by.id, by.name],
  );
}

/**
 * An emergency closure closes the institution's rectifications still open or awaiting
 * re-inspection, on the closing day: nobody is left to rectify or re-inspect, and the overdue job
 * (state 'open' only) never flags them. Told apart from a re-inspection's closing by
 * closed_by_inspection and closed_passed both null; the reason is the closure record
 * (childcare_closures) and the audit event, which lists the ids.
 */
export async function closeRectificationsOf(tx: Conn, institutionId: number, closedOn: string): Promise<number[]> {
  const rows = await tx.query<{ id: number }>(
    `UPDATE childcare_rectifications SET state = 'closed', closed_on = $2, closed_by_inspection = NULL, closed_passed = NULL
      WHERE institution_id = $1 AND state <> 'closed' RETURNING id::int AS id`,
    [institutionId, closedOn],
  );
  return rows.map((r) => Number(r.id)).sort((x, y) => x - y);
}

export async function findClosure(tx: Conn, institutionId: number): Promise<ClosureRow | null> {
  const [row] = await tx.query<ClosureRow>(
    `SELECT closed_on::text AS "closedOn", reason, transfer_plan AS "transferPlan", placements,
            ordered_by_name AS "orderedByName"
       FROM childcare_closures WHERE institution_id = $1`,
    [institutionId],
  );
  return row ?? null;
}

/** Institutions that exist and are filed, of these ids: the receiving ones a closure names. */
export async function filedAmong(tx: Conn, ids: readonly number[]): Promise<number[]> {
  const rows = await tx.query<{ id: number }>(
    `SELECT id::int AS id FROM childcare_institutions WHERE id = ANY($1::bigint[]) AND status = 'filed'`,
    [ids],
  );
  return rows.map((r) => Number(r.id));
}

/**
 * The slots in force on `day` under a region: each institution's version in force, and none for
 * an institution closed on or before the day (a closure removes its slots from its closing date,
 * REQUIREMENTS C1). An institution still pending counts none either. A closure version
 * carries the content it closed, so the days before the closing date still count its slots.
 */
export async function slotsInForce(
  tx: Conn,
  regionPrefix: string,
  day: string,
): Promise<{ institutions: number; slots: number; affordableSlots: number }> {
  const [row] = await tx.query<{ institutions: number; slots: number; affordableSlots: number }>(
    `SELECT count(*)::int AS institutions,
            coalesce(sum((f.content->>'slots')::int), 0)::int AS slots,
            coalesce(sum((f.content->>'affordableSlots')::int), 0)::int AS "affordableSlots"
       FROM childcare_institutions i JOIN childcare_filings f ON f.institution_id = i.id AND f.version = i.filed_version
      WHERE i.region_code LIKE $1 || '%'
        AND (i.closed_on IS NULL OR i.closed_on > $2::date) AND i.status IN ('filed', 'closed')`,
    [regionPrefix, day],
  );
  return {
    institutions: Number(row!.institutions),
    slots: Number(row!.slots),
    affordableSlots: Number(row!.affordableSlots),
  };
}

export interface SupervisedRow {
  id: number;
  name: string;
  regionCode: string;
  address: string;
  type: string;
  status: 'pending' | 'filed' | 'closed';
  slots: number;
  openRectifications: number;
  overdueRectifications: number;
  ratingYear: number | null;
  ratingGrade: string | null;
  lastInspectedOn: string | null;
}

/**
 * What of the supervision list a user reaches: one institution `type` (education: 幼儿园托班), the
 * `areas` whose inspections and rectifications count (an inspecting department's own); null: all.
 */
export interface SupervisedFilter {
  type: string | null;
  areas: readonly string[] | null;
}
const inAreas = (alias: string) =>
  `($3::text[] IS NULL OR (SELECT n.area FROM childcare_inspections n WHERE n.id = ${alias}.inspection_id) = ANY($3::text[]))`;

/** Filed and closed institutions with their open and overdue items (of the filter's areas). */
export function listSupervised(
  tx: Conn,
  today: string,
  f: SupervisedFilter,
  limit: number,
  offset: number,
): Promise<SupervisedRow[]> {
  return tx.query<SupervisedRow>(
    `SELECT * FROM (
       SELECT i.id::int AS id, i.name, i.region_code AS "regionCode", ${typeOf('i')} AS type, i.status,
              coalesce((SELECT f.content->>'address' FROM childcare_filings f
                         WHERE f.institution_id = i.id AND f.version = i.filed_version), '') AS address,
              coalesce((SELECT (f.content->>'slots')::int FROM childcare_filings f
                         WHERE f.institution_id = i.id AND f.version = i.filed_version), 0) AS slots,
              (SELECT count(*)::int FROM childcare_rectifications r
                WHERE r.institution_id = i.id AND r.state <> 'closed' AND ${inAreas('r')}) AS "openRectifications",
              (SELECT count(*)::int FROM childcare_rectifications r
                WHERE r.institution_id = i.id AND r.state = 'open' AND r.due_on < $1::date AND ${inAreas('r')})
                AS "overdueRectifications",
              (SELECT g.year FROM childcare_ratings g WHERE g.institution_id = i.id ORDER BY g.year DESC LIMIT 1) AS "ratingYear",
              (SELECT g.grade FROM childcare_ratings g WHERE g.institution_id = i.id ORDER BY g.year DESC LIMIT 1) AS "ratingGrade",
              (SELECT max(n.inspected_on)::text FROM childcare_inspections n
                WHERE n.institution_id = i.id AND ($3::text[] IS NULL OR n.area = ANY($3::text[]))) AS "lastInspectedOn"
         FROM childcare_institutions i WHERE i.filed_version IS NOT NULL) s
      WHERE ($2::text IS NULL OR s.type = $2)
      ORDER BY s."overdueRectifications" DESC, s.status DESC, s.id LIMIT ${limit} OFFSET ${offset}`,
    [today, f.type, f.areas],
  );
}
export async function countSupervised(tx: Conn, type: string | null): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM childcare_institutions i
      WHERE i.filed_version IS NOT NULL AND ($1::text IS NULL OR ${typeOf('i')} = $1)`,
    [type],
  );
  return Number(row!.n);
}

/** Latest rating of each filed institution (the public page shows it). */
export function latestRatings(tx: Conn): Promise<{ filingNo: string; year: number; grade: string }[]> {
  return tx.query(
    `SELECT DISTINCT ON (g.institution_id) i.filing_no AS "filingNo", g.year, g.grade
       FROM childcare_ratings g JOIN childcare_institutions i ON i.id = g.institution_id
      WHERE i.status = 'filed' ORDER BY g.institution_id, g.year DESC`,
  );
}
