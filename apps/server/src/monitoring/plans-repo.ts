import { plansGoverning, type Plan } from '@cradle/domain';
import type { PlanDefinition, PlanVersionView } from '@cradle/contract';
import type { Conn } from '../db/client.js';
import { toDomainPlan } from './plans-check.js';

// SQL of the plans counties draft (plan_versions, migration 0029), and the one reader of the
// plans that govern a region: built-in ones (the seeds and national documents) and published
// county plans.

/** A plan in force for a region: a built-in one, or the latest published version of a county's. */
export type GoverningPlan = Plan & { source: 'builtIn' | 'county'; version: number | null };

type Row = {
  id: number;
  plan_code: string;
  jurisdiction_code: string;
  version: number;
  status: PlanVersionView['status'];
  definition: PlanDefinition;
  created_by: number;
  created_by_name: string;
  published_by_name: string | null;
  published_at: Date | null;
  in_force: boolean;
};

const COLUMNS = `v.id, v.plan_code, v.jurisdiction_code, v.version, v.status, v.definition, v.created_by, v.created_by_name,
  v.published_by_name, v.published_at,
  (v.status = 'published' AND NOT EXISTS (SELECT 1 FROM plan_versions w
     WHERE w.plan_code = v.plan_code AND w.status = 'published' AND w.version > v.version)) AS in_force`;

const toView = (r: Row, userId: number): PlanVersionView => ({
  id: Number(r.id),
  planCode: r.plan_code,
  jurisdictionCode: r.jurisdiction_code,
  version: Number(r.version),
  status: r.status,
  definition: r.definition,
  createdByName: r.created_by_name,
  mine: Number(r.created_by) === userId,
  publishedByName: r.published_by_name,
  publishedAt: r.published_at === null ? null : new Date(r.published_at).toISOString(),
  inForce: r.in_force,
});

/**
 * The plans that govern `regionCode`, for the scorecard and `GET /api/monitoring/plans`: the
 * built-in plans of the region and of the regions above it (`plansGoverning`), then the version in
 * force (the latest published) of each county plan whose jurisdiction is the region or lies above
 * it. Runs in the caller's scoped transaction: row-level security shows a scope its own plans and
 * its ancestors' published ones.
 */
export async function listPlans(tx: Conn, regionCode: string): Promise<GoverningPlan[]> {
  const rows = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM plan_versions v
      WHERE v.status = 'published' AND $1 LIKE v.jurisdiction_code || '%'
      ORDER BY v.jurisdiction_code, v.plan_code`,
    [regionCode],
  );
  const local = rows
    .filter((r) => r.in_force)
    .map((r): GoverningPlan => ({
      ...toDomainPlan(r.plan_code, r.jurisdiction_code, r.definition),
      source: 'county',
      version: Number(r.version),
    }));
  const builtIn = plansGoverning(regionCode).map((p): GoverningPlan => ({ ...p, source: 'builtIn', version: null }));
  return [...builtIn, ...local];
}

/** Every version the scope sees: its own in any state, its ancestors' published ones. */
export async function listPlanVersions(tx: Conn, userId: number): Promise<PlanVersionView[]> {
  const rows = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM plan_versions v ORDER BY v.jurisdiction_code, v.plan_code, v.version DESC`,
  );
  return rows.map((r) => toView(r, userId));
}

export async function findPlanVersion(tx: Conn, id: number, userId: number): Promise<PlanVersionView | null> {
  const rows = await tx.query<Row>(`SELECT ${COLUMNS} FROM plan_versions v WHERE v.id = $1`, [id]);
  return rows[0] ? toView(rows[0], userId) : null;
}

/** Whether a published plan of this code exists in the county (a revision continues its numbering). */
export async function publishedPlanExists(tx: Conn, planCode: string, jurisdictionCode: string): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM plan_versions WHERE plan_code = $1 AND jurisdiction_code = $2 AND status = 'published' LIMIT 1`,
    [planCode, jurisdictionCode],
  );
  return rows.length > 0;
}

/**
 * A new draft: the next version of `planCode`, or version 1 of a new code `county.<county>.<n>`
 * (n after the county's last). The unique index settles a race.
 */
export async function insertPlanDraft(
  tx: Conn,
  d: { planCode: string | null; jurisdictionCode: string; definition: PlanDefinition },
  user: { id: number; displayName: string },
): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    `INSERT INTO plan_versions (plan_code, jurisdiction_code, version, definition, status, created_by, created_by_name)
     SELECT code, $2, (SELECT coalesce(max(version), 0) + 1 FROM plan_versions WHERE plan_code = code),
            $3::jsonb, 'draft', $4, $5
       FROM (SELECT coalesce($1::text, 'county.' || $2 || '.' || (
               SELECT count(DISTINCT plan_code) + 1 FROM plan_versions WHERE jurisdiction_code = $2)) AS code) c
     RETURNING id`,
    [d.planCode, d.jurisdictionCode, JSON.stringify(d.definition), user.id, user.displayName],
  );
  return Number(rows[0]!.id);
}

export async function updatePlanDefinition(tx: Conn, id: number, definition: PlanDefinition): Promise<void> {
  await tx.query(`UPDATE plan_versions SET definition = $2::jsonb, updated_at = now() WHERE id = $1`, [
    id,
    JSON.stringify(definition),
  ]);
}

export async function setPlanStatus(
  tx: Conn,
  id: number,
  status: PlanVersionView['status'],
  user: { id: number; displayName: string },
): Promise<void> {
  await tx.query(
    `UPDATE plan_versions SET status = $2, updated_at = now(),
       submitted_by = CASE WHEN $2 = 'inReview' THEN $3::bigint ELSE submitted_by END,
       published_by = CASE WHEN $2 = 'published' THEN $3::bigint END,
       published_by_name = CASE WHEN $2 = 'published' THEN $4 END,
       published_at = CASE WHEN $2 = 'published' THEN now() END
     WHERE id = $1`,
    [id, status, user.id, user.displayName],
  );
}
