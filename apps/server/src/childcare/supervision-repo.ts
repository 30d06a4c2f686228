import type { IncidentSeverity, InspectionArea, RatingGrade, RectificationState } from '@cradle/domain';
import type { Conn } from '../db/client.js';

// SQL of childcare supervision (migration 0034): inspections, rectifications, ratings, incidents
// and emergency closures. Every function takes a connection inside withScope: row-level security
// limits each table to the jurisdiction.

export interface InspectionRow {
  id: number;
  institutionId: number;
  institutionName: string;
  area: InspectionArea;
  inspectedOn: string;
  department: string;
  inspectorName: string;
  passed: boolean;
  findings: { item: string; result: 'pass' | 'fail'; note: string | null }[];
  reinspectionOf: number | null;
  note: string | null;
}
export interface RectificationRow {
  id: number;
  inspectionId: number;
  institutionId: number;
  institutionName: string;
  regionCode: string;
  area: InspectionArea;
  item: string;
  requirement: string;
  dueOn: string;
  state: RectificationState;
  reportedOn: string | null;
  reportNote: string | null;
  closedOn: string | null;
  closedPassed: boolean | null;
}
export interface IncidentRow {
  id: number;
  institutionId: number;
  institutionName: string;
  regionCode: string;
  occurredOn: string;
  severity: IncidentSeverity;
  summary: string;
  injured: number;
  deaths: number;
  recordedByName: string;
}

/** The type an institution filed in its latest version (幼儿园托班 for education). */
export const typeOf = (alias: string) =>
  `(SELECT f.content->>'type' FROM childcare_filings f WHERE f.institution_id = ${alias}.id ORDER BY f.version DESC LIMIT 1)`;

const INSPECTION = `n.id::int AS id, n.institution_id::int AS "institutionId", i.name AS "institutionName", n.area,
  n.inspected_on::text AS "inspectedOn", n.department, n.inspector_name AS "inspectorName", n.passed, n.findings,
  n.reinspection_of::int AS "reinspectionOf", n.note`;
const RECTIFICATION = `r.id::int AS id, r.inspection_id::int AS "inspectionId", r.institution_id::int AS "institutionId",
  i.name AS "institutionName", r.region_code AS "regionCode", n.area, r.item, r.requirement, r.due_on::text AS "dueOn", r.state,
  r.reported_on::text AS "reportedOn", r.report_note AS "reportNote", r.closed_on::text AS "closedOn", r.closed_passed AS "closedPassed"`;
const RECT_FROM = `childcare_rectifications r JOIN childcare_inspections n ON n.id = r.inspection_id
  JOIN childcare_institutions i ON i.id = r.institution_id`;
const INCIDENT = `x.id::int AS id, x.institution_id::int AS "institutionId", i.name AS "institutionName", x.region_code AS "regionCode",
  x.occurred_on::text AS "occurredOn", x.severity, x.summary, x.injured, x.deaths, x.recorded_by_name AS "recordedByName"`;

export async function insertInspection(
  tx: Conn,
  n: Omit<InspectionRow, 'id' | 'institutionName'> & { regionCode: string; inspectorId: number },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO childcare_inspections (institution_id, region_code, area, inspected_on, department, inspector_id,
       inspector_name, findings, passed, reinspection_of, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11) RETURNING id::int AS id`,
    [
      n.institutionId,
      n.regionCode,
      n.area,
      n.inspectedOn,
      n.department,
      n.inspectorId,
      n.inspectorName,
      JSON.stringify(n.findings),
      n.passed,
      n.reinspectionOf,
      n.note,
    ],
  );
  return Number(row!.id);
}

export async function findInspection(tx: Conn, id: number): Promise<InspectionRow | null> {
  const [row] = await tx.query<InspectionRow>(
    `SELECT ${INSPECTION} FROM childcare_inspections n JOIN childcare_institutions i ON i.id = n.institution_id
      WHERE n.id = $1`,
    [id],
  );
  return row ?? null;
}

export function listInspections(tx: Conn, institutionId: number): Promise<InspectionRow[]> {
  return tx.query<InspectionRow>(
    `SELECT ${INSPECTION} FROM childcare_inspections n JOIN childcare_institutions i ON i.id = n.institution_id
      WHERE n.institution_id = $1 ORDER BY n.inspected_on DESC, n.id DESC`,
    [institutionId],
  );
}

export async function insertRectifications(
  tx: Conn,
  inspectionId: number,
  institutionId: number,
  regionCode: string,
  items: readonly { item: string; requirement: string; dueOn: string }[],
): Promise<void> {
  if (items.length === 0) return;
  await tx.query(
    `INSERT INTO childcare_rectifications (inspection_id, institution_id, region_code, item, requirement, due_on, state)
     SELECT $1, $2, $3, x.item, x.requirement, x.due_on, 'open'
       FROM jsonb_to_recordset($4::jsonb) AS x(item text, requirement text, due_on date)`,
    [
      inspectionId,
      institutionId,
      regionCode,
      JSON.stringify(items.map((i) => ({ item: i.item, requirement: i.requirement, due_on: i.dueOn }))),
    ],
  );
}

/** A re-inspection closes the checked inspection's items still open: passed, or failed again. */
export async function closeRectifications(
  tx: Conn,
  inspectionId: number,
  byInspection: number,
  closedOn: string,
  failedItems: readonly string[],
): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    `UPDATE childcare_rectifications SET state = 'closed', closed_on = $3, closed_by_inspection = $2,
            closed_passed = NOT (item = ANY($4::text[]))
      WHERE inspection_id = $1 AND state <> 'closed' RETURNING id::int AS id`,
    [inspectionId, byInspection, closedOn, failedItems],
  );
  return rows.length;
}

export function listRectificationsOf(tx: Conn, institutionId: number): Promise<RectificationRow[]> {
  return tx.query<RectificationRow>(
    `SELECT ${RECTIFICATION} FROM ${RECT_FROM} WHERE r.institution_id = $1 ORDER BY r.due_on, r.id`,
    [institutionId],
  );
}

export async function findRectification(tx: Conn, id: number, lock = false): Promise<RectificationRow | null> {
  const [row] = await tx.query<RectificationRow>(
    `SELECT ${RECTIFICATION} FROM ${RECT_FROM} WHERE r.id = $1${lock ? ' FOR UPDATE OF r' : ''}`,
    [id],
  );
  return row ?? null;
}

export async function reportRectification(tx: Conn, id: number, on: string, note: string): Promise<void> {
  await tx.query(
    `UPDATE childcare_rectifications SET state = 'reported', reported_on = $2, report_note = $3 WHERE id = $1`,
    [id, on, note],
  );
}

/** The filter of the rectification list: a state, overdue only, an institution owner's own. */
export interface RectificationFilter {
  state?: RectificationState;
  overdueOn?: string;
  ownerUserId?: number;
  type?: string;
  /** An inspecting department's own areas. */
  areas?: readonly string[];
}
const RECT_WHERE = `WHERE ($1::text IS NULL OR r.state = $1) AND ($2::date IS NULL OR (r.state = 'open' AND r.due_on < $2))
     AND ($3::bigint IS NULL OR i.owner_user_id = $3) AND ($4::text IS NULL OR ${typeOf('i')} = $4)
     AND ($5::text[] IS NULL OR n.area = ANY($5::text[]))`;
const rectParams = (f: RectificationFilter) => [
  f.state ?? null,
  f.overdueOn ?? null,
  f.ownerUserId ?? null,
  f.type ?? null,
  f.areas ?? null,
];

export function listRectifications(
  tx: Conn,
  f: RectificationFilter,
  limit: number,
  offset: number,
): Promise<RectificationRow[]> {
  return tx.query<RectificationRow>(
    `SELECT ${RECTIFICATION} FROM ${RECT_FROM} ${RECT_WHERE} ORDER BY r.due_on, r.id LIMIT ${limit} OFFSET ${offset}`,
    rectParams(f),
  );
}
export async function countRectifications(tx: Conn, f: RectificationFilter): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${RECT_FROM} ${RECT_WHERE}`,
    rectParams(f),
  );
  return Number(row!.n);
}

export async function insertRating(
  tx: Conn,
  r: { institutionId: number; regionCode: string; year: number; grade: RatingGrade; ratedOn: string },
  by: { id: number; name: string },
  note: string | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO childcare_ratings (institution_id, region_code, year, grade, rated_on, rated_by, rated_by_name, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [r.institutionId, r.regionCode, r.year, r.grade, r.ratedOn, by.id, by.name, note],
  );
}

export function listRatings(tx: Conn, institutionId: number) {
  return tx.query<{
    id: number;
    institutionId: number;
    year: number;
    grade: RatingGrade;
    ratedOn: string;
    ratedByName: string;
    note: string | null;
  }>(
    `SELECT id::int AS id, institution_id::int AS "institutionId", year, grade, rated_on::text AS "ratedOn",
            rated_by_name AS "ratedByName", note
       FROM childcare_ratings WHERE institution_id = $1 ORDER BY year DESC`,
    [institutionId],
  );
}

export async function insertIncident(
  tx: Conn,
  x: Omit<IncidentRow, 'id' | 'institutionName' | 'recordedByName'>,
  by: { id: number; name: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO childcare_incidents (institution_id, region_code, occurred_on, severity, summary, injured, deaths,
       recorded_by, recorded_by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [x.institutionId, x.regionCode, x.occurredOn, x.severity, x.summary, x.injured, x.deaths, by.id, by.name],
  );
}

/** Incidents of one institution, or of a region (by code prefix) between two days. */
export function listIncidents(
  tx: Conn,
  f: { institutionId?: number; regionPrefix?: string; from?: string; to?: string },
  limit = 1000,
  offset = 0,
): Promise<IncidentRow[]> {
  return tx.query<IncidentRow>(
    `SELECT ${INCIDENT} FROM childcare_incidents x JOIN childcare_institutions i ON i.id = x.institution_id
      WHERE ($1::bigint IS NULL OR x.institution_id = $1) AND ($2::text IS NULL OR x.region_code LIKE $2 || '%')
        AND ($3::date IS NULL OR x.occurred_on >= $3) AND ($4::date IS NULL OR x.occurred_on <= $4)
      ORDER BY x.occurred_on DESC, x.id DESC LIMIT ${limit} OFFSET ${offset}`,
    [f.institutionId ?? null, f.regionPrefix ?? null, f.from ?? null, f.to ?? null],
  );
}
export async function countIncidents(tx: Conn): Promise<number> {
  const [row] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM childcare_incidents');
  return Number(row!.n);
}
