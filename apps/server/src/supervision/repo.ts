import type { MemberPosition, TaskRole, UnitKind } from '@cradle/domain';
import type { Conn } from '../db/client.js';

// SQL of the unit directory and key tasks. Every function takes a connection inside withScope:
// row-level security (migration 0036) limits each table to the county's rows.

export interface UnitRow {
  id: number;
  key: string;
  name: string;
  aliases: string[];
  kind: UnitKind;
  department: string | null;
}
export interface SeatRow {
  id: number;
  unitId: number;
  position: MemberPosition;
  post: string;
  sinceOn: string;
  untilOn: string | null;
  note: string | null;
}
export interface TaskRow {
  id: number;
  regionCode: string;
  planId: number | null;
  meetingId: number | null;
  source: 'plan' | 'decision' | 'selfEvaluation' | 'office';
  number: number | null;
  section: string | null;
  clause: string;
  text: string;
  responsibility: string | null;
  dueOn: string;
  dueBasis: 'text' | 'planEnd' | 'set';
  recurrence: 'yearly' | null;
  indicatorCode: string | null;
  completedOn: string | null;
}
export interface TaskUnitRow {
  taskId: number;
  unitId: number;
  role: TaskRole;
  writtenAs: string;
  viaGroup: string | null;
}

const UNIT = `id::int AS id, key, name, aliases, kind, department`;
const TASK = `t.id::int AS id, t.region_code AS "regionCode", t.plan_id::int AS "planId", t.meeting_id::int AS "meetingId",
  t.source, t.number, t.section, t.clause, t.text, t.responsibility, t.due_on::text AS "dueOn", t.due_basis AS "dueBasis",
  t.recurrence, t.indicator_code AS "indicatorCode", t.completed_on::text AS "completedOn"`;

/** The county's units: its own departments first, then the townships, each in the seeds' order. */
export function listUnits(tx: Conn): Promise<UnitRow[]> {
  return tx.query<UnitRow>(`SELECT ${UNIT} FROM supervision_units ORDER BY kind = 'township', id`);
}

export function listSeats(tx: Conn, current = false): Promise<SeatRow[]> {
  return tx.query<SeatRow>(
    `SELECT id::int AS id, unit_id::int AS "unitId", position, post, since_on::text AS "sinceOn",
       until_on::text AS "untilOn", note
     FROM supervision_memberships ${current ? 'WHERE until_on IS NULL' : ''} ORDER BY unit_id, since_on, id`,
  );
}

export function listNamedLiaisons(tx: Conn): Promise<{ unitId: number; userId: number }[]> {
  return tx.query(`SELECT unit_id::int AS "unitId", user_id::int AS "userId" FROM supervision_liaisons`);
}

/** The units a user reports for: the unit its department maps to, and any that name it. */
export async function unitIdsOfUser(tx: Conn, user: { id: number; department: string | null }): Promise<number[]> {
  const rows = await tx.query<{ id: number }>(
    `SELECT id::int AS id FROM supervision_units WHERE department IS NOT NULL AND department = $1
     UNION SELECT unit_id::int FROM supervision_liaisons WHERE user_id = $2`,
    [user.department ?? '', user.id],
  );
  return rows.map((r) => Number(r.id));
}

export function findPlanEnd(tx: Conn): Promise<{ id: number; endsOn: string; issuedOn: string }[]> {
  return tx.query(
    `SELECT id::int AS id, ends_on::text AS "endsOn", issued_on::text AS "issuedOn" FROM supervision_plans ORDER BY id`,
  );
}

export function listTasks(tx: Conn, ids?: readonly number[]): Promise<TaskRow[]> {
  return tx.query<TaskRow>(
    `SELECT ${TASK} FROM supervision_tasks t ${ids ? 'WHERE t.id = ANY($1::bigint[])' : ''}
     ORDER BY t.plan_id NULLS LAST, t.number NULLS LAST, t.id`,
    ids ? [ids] : [],
  );
}

export async function findTask(tx: Conn, id: number, lock = false): Promise<TaskRow | null> {
  const [row] = await tx.query<TaskRow>(
    `SELECT ${TASK} FROM supervision_tasks t WHERE t.id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row ?? null;
}

export function listTaskUnits(tx: Conn, taskIds?: readonly number[]): Promise<TaskUnitRow[]> {
  return tx.query<TaskUnitRow>(
    `SELECT task_id::int AS "taskId", unit_id::int AS "unitId", role, written_as AS "writtenAs", via_group AS "viaGroup"
     FROM supervision_task_units ${taskIds ? 'WHERE task_id = ANY($1::bigint[])' : ''} ORDER BY task_id, position`,
    taskIds ? [taskIds] : [],
  );
}

export interface NewTask {
  regionCode: string;
  source: TaskRow['source'];
  clause: string;
  text: string;
  dueOn: string;
  dueBasis: TaskRow['dueBasis'];
  section?: string | null;
  meetingId?: number | null;
  createdBy: number | null;
}

export async function insertTask(tx: Conn, t: NewTask): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO supervision_tasks (region_code, source, clause, text, due_on, due_basis, section, meeting_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::int AS id`,
    [
      t.regionCode,
      t.source,
      t.clause,
      t.text,
      t.dueOn,
      t.dueBasis,
      t.section ?? null,
      t.meetingId ?? null,
      t.createdBy,
    ],
  );
  return Number(row!.id);
}

/** The latest report of each task, for the lists. */
export function latestReports(
  tx: Conn,
): Promise<{ taskId: number; period: string; state: 'submitted' | 'accepted' | 'sentBack'; unitId: number }[]> {
  return tx.query(
    `SELECT DISTINCT ON (task_id) task_id::int AS "taskId", period, state, unit_id::int AS "unitId"
     FROM supervision_reports ORDER BY task_id, submitted_at DESC, id DESC`,
  );
}
