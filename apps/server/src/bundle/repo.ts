import type { Conn } from '../db/client.js';
import { numberFromSequence } from '../db/numbering.js';
import type { ResidentLock } from '../portal/index.js';

// SQL of newborn bundles and their tasks. Every function takes a scoped Conn (withScope for staff,
// withResident for the family): row-level security (migration 0011) decides what it sees.

export interface BundleRow {
  id: number;
  bundle_no: string;
  region_code: string;
  resident_id: number | null;
  registration_id: number | null;
  newborn_name: string;
  newborn_sex: 'male' | 'female';
  birth_date: string;
  birth_time: string;
  birth_place: string;
  hospital_name: string;
  mother_name: string;
  mother_id_cipher: Buffer;
  mother_id_masked: string;
  mother_person_id: number | null;
  father_name: string | null;
  father_id_cipher: Buffer | null;
  father_id_masked: string | null;
  father_person_id: number | null;
  phones_cipher: Buffer | null;
  services: string[];
  existing_birth_certificate_no: string | null;
  existing_newborn_id_cipher: Buffer | null;
  status: 'inProgress' | 'returned' | 'completed';
  newborn_person_id: number | null;
  newborn_id_masked: string | null;
  submitted_at: Date;
  completed_at: Date | null;
}

export interface TaskRow {
  id: number;
  bundle_id: number;
  service: string;
  department: string;
  region_code: string;
  status: 'waiting' | 'pending' | 'returned' | 'done';
  deadline: string | null;
  pending_since: Date | null;
  result: Record<string, unknown> | null;
  return_reason: string | null;
  return_fields: string[] | null;
  late: boolean;
  completed_at: Date | null;
}

export type NewBundle = Omit<BundleRow, 'id' | 'status' | 'submitted_at' | 'completed_at'>;

const BUNDLE_COLUMNS = `id, bundle_no, region_code, resident_id, registration_id, newborn_name, newborn_sex, birth_date::text AS birth_date,
  birth_time, birth_place, hospital_name, mother_name, mother_id_cipher, mother_id_masked, mother_person_id, father_name,
  father_id_cipher, father_id_masked, father_person_id, phones_cipher, services, existing_birth_certificate_no,
  existing_newborn_id_cipher, status, newborn_person_id, newborn_id_masked, submitted_at, completed_at`;
const TASK_COLUMNS = `id, bundle_id, service, department, region_code, status, deadline::text AS deadline, pending_since, result,
  return_reason, return_fields, late, completed_at`;

// pg gives bigint as number (db/client.ts), PGlite as bigint: ids are made numbers here, once.
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const bytes = (v: unknown) => (v === null || v === undefined ? null : Buffer.from(v as Uint8Array));
const bundleOf = (r: Record<string, unknown>): BundleRow => ({
  ...(r as unknown as BundleRow),
  id: Number(r.id),
  resident_id: num(r.resident_id),
  registration_id: num(r.registration_id),
  mother_person_id: num(r.mother_person_id),
  father_person_id: num(r.father_person_id),
  newborn_person_id: num(r.newborn_person_id),
  mother_id_cipher: bytes(r.mother_id_cipher)!,
  father_id_cipher: bytes(r.father_id_cipher),
  phones_cipher: bytes(r.phones_cipher),
  existing_newborn_id_cipher: bytes(r.existing_newborn_id_cipher),
});
const taskOf = (r: Record<string, unknown>): TaskRow => ({
  ...(r as unknown as TaskRow),
  id: Number(r.id),
  bundle_id: Number(r.bundle_id),
});

/**
 * 出生一件事 numbers: CS, the hukou county (6 digits), the year, then a deployment-wide sequence
 * of at least 6 digits, e.g. CS5334232026000042 (our format: one glance says where and when).
 */
export const bundleNoPrefix = (hukouRegionCode: string, today: string) =>
  `CS${hukouRegionCode.slice(0, 6)}${today.slice(0, 4)}`;

/** A resident's open bundle of the same newborn name and birth date, as the insert found it (its mother is compared decrypted). */
export type OpenBundle = Pick<BundleRow, 'id' | 'bundle_no' | 'mother_id_cipher'>;

/**
 * Inserts a bundle numbered bundleNoPrefix + the sequence, with its tasks, in one statement (one
 * round trip: the issue-4 load measured each), and returns both as stored, with the resident's
 * bundles of the same newborn name and birth date that were open before it: the caller refuses a
 * duplicate among them by throwing, which rolls the insert back. It holds
 * residentSubmissionsLock, so no other submission of this resident runs meanwhile.
 */
export async function insertBundle(
  tx: Conn,
  numberPrefix: string,
  b: Omit<NewBundle, 'bundle_no'>,
  tasks: TaskWrite[],
): Promise<{ bundle: BundleRow; tasks: TaskRow[]; openBefore: OpenBundle[] }> {
  const [row] = await tx.query(
    `WITH open AS (
       SELECT id, bundle_no, encode(mother_id_cipher, 'base64') AS mother_id_cipher FROM newborn_bundles
        WHERE resident_id = $3 AND newborn_name = $5 AND birth_date = $7::date AND status <> 'completed'),
     b AS (
       INSERT INTO newborn_bundles (bundle_no, region_code, resident_id, registration_id, newborn_name, newborn_sex, birth_date, birth_time,
         birth_place, hospital_name, mother_name, mother_id_cipher, mother_id_masked, mother_person_id, father_name, father_id_cipher,
         father_id_masked, father_person_id, phones_cipher, services, existing_birth_certificate_no, existing_newborn_id_cipher,
         newborn_person_id, newborn_id_masked, status)
       VALUES (${numberFromSequence('newborn_bundle_no_seq')}, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, 'inProgress')
       RETURNING *),
     t AS (
       INSERT INTO bundle_tasks (bundle_id, service, department, region_code, resident_id, status, deadline, pending_since, result)
       SELECT b.id, w.service, w.department, b.region_code, b.resident_id, w.status, w.deadline, CASE WHEN w.pending THEN now() END,
              CASE WHEN w.enrolment_deadline IS NOT NULL THEN jsonb_build_object('enrolmentDeadline', w.enrolment_deadline) END
         FROM b, unnest($25::text[], $26::text[], $27::text[], $28::date[], $29::boolean[], $30::text[]) AS w(service, department, status, deadline, pending, enrolment_deadline)
       RETURNING ${TASK_COLUMNS})
     SELECT ${BUNDLE_COLUMNS},
            (SELECT json_agg(t ORDER BY t.id) FROM t) AS inserted_tasks,
            (SELECT coalesce(json_agg(o ORDER BY o.id), '[]') FROM open o) AS open_before
       FROM b`,
    [
      numberPrefix,
      b.region_code,
      b.resident_id,
      b.registration_id,
      b.newborn_name,
      b.newborn_sex,
      b.birth_date,
      b.birth_time,
      b.birth_place,
      b.hospital_name,
      b.mother_name,
      b.mother_id_cipher,
      b.mother_id_masked,
      b.mother_person_id,
      b.father_name,
      b.father_id_cipher,
      b.father_id_masked,
      b.father_person_id,
      b.phones_cipher,
      b.services,
      b.existing_birth_certificate_no,
      b.existing_newborn_id_cipher,
      b.newborn_person_id,
      b.newborn_id_masked,
      tasks.map((t) => t.service),
      tasks.map((t) => t.department),
      tasks.map((t) => t.status),
      tasks.map((t) => t.deadline),
      tasks.map((t) => t.pendingNow),
      tasks.map((t) => t.enrolmentDeadline),
    ],
  );
  // The open bundles come as JSON too, the cipher as base64.
  return {
    bundle: bundleOf(row!),
    tasks: tasksFromJson(row!.inserted_tasks),
    openBefore: (row!.open_before as { id: number; bundle_no: string; mother_id_cipher: string }[]).map((o) => ({
      id: Number(o.id),
      bundle_no: o.bundle_no,
      mother_id_cipher: Buffer.from(o.mother_id_cipher, 'base64'),
    })),
  };
}

/**
 * Serialises one resident's submissions until the transaction ends, so that two identical ones
 * sent at once cannot both find no open bundle and both be written (withResident takes it).
 */
export const residentSubmissionsLock = (residentId: number): ResidentLock => ({
  key: `newbornBundle:${residentId}`,
  seed: 0,
});

/** Task rows aggregated as JSON (json_agg of TASK_COLUMNS): timestamps come as ISO text. */
function tasksFromJson(json: unknown): TaskRow[] {
  const at = (v: unknown) => (typeof v === 'string' ? new Date(v) : null);
  return ((json ?? []) as Record<string, unknown>[]).map((t) =>
    taskOf({ ...t, pending_since: at(t.pending_since), completed_at: at(t.completed_at) }),
  );
}

/**
 * A bundle with its tasks in id order, in one round trip (what the family's detail shows; the
 * issue-4 load reads it): row-level security limits both to what the scope may see.
 */
export async function findBundleWithTasks(
  tx: Conn,
  id: number,
): Promise<{ bundle: BundleRow; tasks: TaskRow[] } | null> {
  const [row] = await tx.query(
    `SELECT ${BUNDLE_COLUMNS}, (SELECT json_agg(t ORDER BY t.id) FROM (SELECT ${TASK_COLUMNS} FROM bundle_tasks WHERE bundle_id = b.id) AS t) AS bundle_tasks
       FROM newborn_bundles b WHERE b.id = $1`,
    [id],
  );
  return row ? { bundle: bundleOf(row), tasks: tasksFromJson(row.bundle_tasks) } : null;
}

/** The bundle, locked when it is about to change: two departments completing at once see each other's work. */
export async function findBundle(tx: Conn, id: number, forUpdate = false): Promise<BundleRow | null> {
  const rows = await tx.query(
    `SELECT ${BUNDLE_COLUMNS} FROM newborn_bundles WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? bundleOf(rows[0]) : null;
}

export async function listBundles(tx: Conn): Promise<BundleRow[]> {
  return (
    await tx.query(`SELECT ${BUNDLE_COLUMNS} FROM newborn_bundles ORDER BY submitted_at DESC, id DESC LIMIT 100`)
  ).map(bundleOf);
}

/** Changes the given columns of a bundle (names are this module's, never the caller's input). */
export async function updateBundle(tx: Conn, id: number, set: Partial<Omit<BundleRow, 'id'>>): Promise<void> {
  const entries = Object.entries(set);
  if (entries.length === 0) return;
  const assignments = entries.map(([column], i) => `${column} = $${i + 2}`).join(', ');
  await tx.query(`UPDATE newborn_bundles SET ${assignments}, updated_at = now() WHERE id = $1`, [
    id,
    ...entries.map(([, v]) => v),
  ]);
}

export async function findTasks(tx: Conn, bundleIds: number[]): Promise<TaskRow[]> {
  if (bundleIds.length === 0) return [];
  return (
    await tx.query(
      `SELECT ${TASK_COLUMNS} FROM bundle_tasks WHERE bundle_id = ANY ($1::bigint[]) ORDER BY bundle_id, id`,
      [bundleIds],
    )
  ).map(taskOf);
}

export async function findTask(tx: Conn, id: number): Promise<TaskRow | null> {
  const rows = await tx.query(`SELECT ${TASK_COLUMNS} FROM bundle_tasks WHERE id = $1`, [id]);
  return rows[0] ? taskOf(rows[0]) : null;
}

/** A task's state as stored; `pendingNow` stamps pending_since with the transaction's time. */
export interface TaskWrite {
  service: string;
  department: string;
  status: TaskRow['status'];
  deadline: string | null;
  pendingNow: boolean;
  result: Record<string, unknown> | null;
  returnReason: string | null;
  returnFields: string[];
  late: boolean;
  completedBy: { id: number; name: string } | null;
  /** Medical insurance: the last of the 90 days, written once when the task is created (in result). */
  enrolmentDeadline: string | null;
}

/** Writes the tasks of one bundle that an action changed, in one statement. */
export async function saveTasks(tx: Conn, bundleId: number, tasks: TaskWrite[]): Promise<void> {
  if (tasks.length === 0) return;
  await tx.query(
    `UPDATE bundle_tasks t SET status = u.status, deadline = u.deadline,
       pending_since = CASE WHEN u.status <> 'pending' THEN NULL WHEN u.pending THEN now() ELSE t.pending_since END,
       result = coalesce(u.result, t.result), return_reason = u.return_reason, late = u.late,
       return_fields = CASE WHEN u.return_fields IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(u.return_fields)) END,
       completed_at = CASE WHEN u.status = 'done' THEN coalesce(t.completed_at, now()) END,
       completed_by = CASE WHEN u.status = 'done' THEN coalesce(u.by_id, t.completed_by) END,
       completed_by_name = CASE WHEN u.status = 'done' THEN coalesce(u.by_name, t.completed_by_name) END,
       updated_at = now()
     FROM (SELECT * FROM unnest($2::text[], $3::text[], $4::date[], $5::boolean[], $6::jsonb[], $7::text[], $8::jsonb[], $9::boolean[], $10::bigint[], $11::text[])
       AS u(service, status, deadline, pending, result, return_reason, return_fields, late, by_id, by_name)) u
     WHERE t.bundle_id = $1 AND t.service = u.service`,
    [
      bundleId,
      tasks.map((t) => t.service),
      tasks.map((t) => t.status),
      tasks.map((t) => t.deadline),
      tasks.map((t) => t.pendingNow),
      tasks.map((t) => (t.result === null ? null : JSON.stringify(t.result))),
      tasks.map((t) => t.returnReason),
      // A text[] per row cannot travel in a 2-D array of ragged rows, so each goes as a JSON array.
      tasks.map((t) => (t.returnFields.length === 0 ? null : JSON.stringify(t.returnFields))),
      tasks.map((t) => t.late),
      tasks.map((t) => t.completedBy?.id ?? null),
      tasks.map((t) => t.completedBy?.name ?? null),
    ],
  );
}

/**
 * Moves a bundle's tasks, attachments and messages with it when the family corrects the hukou
 * region: the new region handles it, and the old one keeps none of its personal data.
 *
 * The tasks move under the family's scope; attachments (cradle_app may only read and add them)
 * and the departments' messages (outside the resident policy) move through the definer function
 * cradle_move_bundle_files (migration 0016), for this bundle only, in the same transaction.
 */
export async function moveBundle(tx: Conn, bundleId: number, regionCode: string): Promise<void> {
  await tx.query('UPDATE bundle_tasks SET region_code = $2, updated_at = now() WHERE bundle_id = $1', [
    bundleId,
    regionCode,
  ]);
  // Attachments and messages through migration 0016's function: the family's scope may not update them.
  await tx.query('SELECT cradle_move_bundle_files($1, $2)', [bundleId, regionCode]);
}

export interface EntitlementRow {
  scheme_code: string;
  first_period_key: string;
  amount_fen: number;
}

/** What proactive schemes granted a newborn (pending_entitlements; a family sees its own newborn's). */
export async function findEntitlements(tx: Conn, personId: number): Promise<EntitlementRow[]> {
  const rows = await tx.query<EntitlementRow>(
    'SELECT scheme_code, first_period_key, amount_fen FROM pending_entitlements WHERE person_id = $1 ORDER BY id',
    [personId],
  );
  return rows.map((r) => ({ ...r, amount_fen: Number(r.amount_fen) }));
}
