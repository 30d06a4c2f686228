import type { ChildStatus, RegistryConflict } from '@cradle/domain';
import type { Conn } from '../db/client.js';
import { numberFromSequence } from '../db/numbering.js';
import type { ResidentLock } from '../portal/index.js';
import type { RegistrationQueueQuery, RegistrationStatus } from '@cradle/contract';
import { pageOf } from '../db/paging.js';

export interface RegistrationRow {
  id: number;
  registrationNo: string;
  regionCode: string;
  residentId: number | null;
  channel: string;
  married: boolean;
  childStatus: ChildStatus;
  expectedBirthDate: string | null;
  childBirthDate: string | null;
  childName: string | null;
  childSex: 'male' | 'female' | null;
  motherName: string;
  motherIdMasked: string;
  motherIdBlindIndex: Buffer;
  motherPersonId: number | null;
  fatherName: string | null;
  fatherIdMasked: string | null;
  fatherIdBlindIndex: Buffer | null;
  fatherPersonId: number | null;
  phonesCipher: Buffer | null;
  parity: number;
  conflicts: RegistryConflict[];
  commitmentText: string;
  status: RegistrationStatus;
  infoRequest: string | null;
  workerNote: string | null;
  submittedAt: Date;
  deadline: string;
  completedAt: Date | null;
  completedByName: string | null;
  receiptDigest: string | null;
}

// Dates as text: ISO strings, never a Date shifted by the server's time zone.
const COLUMNS = `id, registration_no, region_code, resident_id, channel, married, child_status, expected_birth_date::text AS expected_birth_date,
  child_birth_date::text AS child_birth_date, child_name, child_sex, mother_name, mother_id_masked, mother_id_blind_index, mother_person_id,
  father_name, father_id_masked, father_id_blind_index, father_person_id, phones_cipher, parity, conflicts, commitment_text, status,
  info_request, worker_note, submitted_at, deadline::text AS deadline, completed_at, completed_by_name, receipt_digest`;

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const buf = (v: unknown) => (v === null || v === undefined ? null : Buffer.from(v as Uint8Array));

function toRow(r: Record<string, unknown>): RegistrationRow {
  return {
    id: Number(r.id),
    registrationNo: String(r.registration_no),
    regionCode: String(r.region_code),
    residentId: num(r.resident_id),
    channel: String(r.channel),
    married: Boolean(r.married),
    childStatus: r.child_status as ChildStatus,
    expectedBirthDate: r.expected_birth_date as string | null,
    childBirthDate: r.child_birth_date as string | null,
    childName: r.child_name as string | null,
    childSex: r.child_sex as RegistrationRow['childSex'],
    motherName: String(r.mother_name),
    motherIdMasked: String(r.mother_id_masked),
    motherIdBlindIndex: buf(r.mother_id_blind_index)!,
    motherPersonId: num(r.mother_person_id),
    fatherName: r.father_name as string | null,
    fatherIdMasked: r.father_id_masked as string | null,
    fatherIdBlindIndex: buf(r.father_id_blind_index),
    fatherPersonId: num(r.father_person_id),
    phonesCipher: buf(r.phones_cipher),
    parity: Number(r.parity),
    conflicts: (r.conflicts ?? []) as RegistryConflict[],
    commitmentText: String(r.commitment_text),
    status: r.status as RegistrationStatus,
    infoRequest: r.info_request as string | null,
    workerNote: r.worker_note as string | null,
    submittedAt: new Date(r.submitted_at as string),
    deadline: String(r.deadline),
    completedAt: r.completed_at === null ? null : new Date(r.completed_at as string),
    completedByName: r.completed_by_name as string | null,
    receiptDigest: r.receipt_digest as string | null,
  };
}

export interface NewRegistration {
  numberPrefix: string;
  regionCode: string;
  residentId: number;
  married: boolean;
  childStatus: ChildStatus;
  expectedBirthDate: string | null;
  child: { name: string; sex: string; birthDate: string } | null;
  mother: { name: string; idCipher: Buffer; blind: Buffer; masked: string; personId: number | null };
  father: { name: string; idCipher: Buffer; blind: Buffer; masked: string; personId: number | null } | null;
  phonesCipher: Buffer | null;
  parity: number;
  conflicts: RegistryConflict[];
  commitmentText: string;
  deadline: string;
}

/** Inserts a portal registration; its number is the prefix and the next of a deployment-wide sequence, 6 digits or more. */
export async function insertRegistration(tx: Conn, r: NewRegistration): Promise<RegistrationRow> {
  const rows = await tx.query(
    `INSERT INTO childbirth_registrations (registration_no, region_code, resident_id, channel, married, child_status, expected_birth_date,
       child_birth_date, child_name, child_sex, mother_name, mother_id_cipher, mother_id_blind_index, mother_id_masked, mother_person_id,
       father_name, father_id_cipher, father_id_blind_index, father_id_masked, father_person_id, phones_cipher, parity, conflicts,
       commitment_text, status, deadline)
     VALUES (${numberFromSequence('childbirth_registration_no_seq')}, $2, $3, 'portal', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
       $15, $16, $17, $18, $19, $20, $21, $22::jsonb, $23, 'submitted', $24)
     RETURNING ${COLUMNS}`,
    [
      r.numberPrefix,
      r.regionCode,
      r.residentId,
      r.married,
      r.childStatus,
      r.expectedBirthDate,
      r.child?.birthDate ?? null,
      r.child?.name ?? null,
      r.child?.sex ?? null,
      r.mother.name,
      r.mother.idCipher,
      r.mother.blind,
      r.mother.masked,
      r.mother.personId,
      r.father?.name ?? null,
      r.father?.idCipher ?? null,
      r.father?.blind ?? null,
      r.father?.masked ?? null,
      r.father?.personId ?? null,
      r.phonesCipher,
      r.parity,
      JSON.stringify(r.conflicts),
      r.commitmentText,
      r.deadline,
    ],
  );
  return toRow(rows[0]!);
}

/**
 * Holds a resident's submissions in turn until the transaction ends, so a limit counted inside it
 * holds for parallel requests too (seed 11: registration locks; portal/identity.ts uses 7).
 * withResident takes it with BEGIN.
 */
export const residentSubmissionsLock = (residentId: number): ResidentLock => ({
  key: `resident:${residentId}`,
  seed: 11,
});

export async function findRegistration(tx: Conn, id: number, forUpdate = false): Promise<RegistrationRow | null> {
  // FOR UPDATE: two workers acting at once take turns; the second sees the first's change.
  const rows = await tx.query(
    `SELECT ${COLUMNS} FROM childbirth_registrations WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

/** By number, for the receipt verifier (on the owner connection: the public verifies without a scope). */
export async function findRegistrationByNumber(conn: Conn, registrationNo: string): Promise<RegistrationRow | null> {
  const rows = await conn.query(`SELECT ${COLUMNS} FROM childbirth_registrations WHERE registration_no = $1`, [
    registrationNo,
  ]);
  return rows[0] ? toRow(rows[0]) : null;
}

/** Several at once, locked, for a bulk action: only those the scope shows. */
/** Of these registration numbers, the ones the caller's jurisdiction holds (row-level security decides). */
export async function findRegistrationNosInScope(tx: Conn, numbers: string[]): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const rows = await tx.query<{ registration_no: string }>(
    'SELECT registration_no FROM childbirth_registrations WHERE registration_no = ANY ($1::text[])',
    [numbers],
  );
  return new Set(rows.map((r) => r.registration_no));
}

export async function findRegistrations(tx: Conn, ids: number[]): Promise<RegistrationRow[]> {
  const rows = await tx.query(
    `SELECT ${COLUMNS} FROM childbirth_registrations WHERE id = ANY ($1::bigint[]) ORDER BY id FOR UPDATE`,
    [ids],
  );
  return rows.map(toRow);
}

/**
 * A resident's own registrations, newest first (the resident scope shows no others), with the
 * family that decides what of each the resident sees (registry-facts.ts familyOf: the bound
 * person and their registry spouses), in one round trip. No rows, no family needed.
 */
export async function listForResident(
  tx: Conn,
  residentId: number,
  boundPersonId: number | null,
): Promise<{ rows: RegistrationRow[]; family: Set<number> }> {
  const rows = await tx.query(
    `SELECT ${COLUMNS}, ARRAY(SELECT person_id FROM cradle_registry_relatives(ARRAY[$2::bigint]) WHERE relation = 'spouse' AND $2::bigint IS NOT NULL) AS spouses
       FROM childbirth_registrations WHERE resident_id = $1 ORDER BY id DESC LIMIT 200`,
    [residentId, boundPersonId],
  );
  const spouses = ((rows[0]?.spouses ?? []) as unknown[]).map(Number);
  return { rows: rows.map(toRow), family: boundPersonId === null ? new Set() : new Set([boundPersonId, ...spouses]) };
}

export interface QueueFilter extends RegistrationQueueQuery {
  idBlindIndex: Buffer | null;
}

/** The township's queue: waiting ones first, the nearest deadline first; the scope limits it to the jurisdiction. */
export async function listQueue(
  tx: Conn,
  f: QueueFilter,
  today: string,
): Promise<{ total: number; rows: RegistrationRow[] }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql.replace(/\?/g, () => `$${params.push(values.shift())}`));
  };
  if (f.status) add('status = ?', f.status);
  if (f.deadline)
    add(`status = 'submitted' AND deadline ${{ overdue: '<', dueToday: '=', onTime: '>' }[f.deadline]} ?::date`, today);
  if (f.conflicts !== undefined) where.push(`jsonb_array_length(conflicts) ${f.conflicts ? '>' : '='} 0`);
  if (f.idBlindIndex) add('(mother_id_blind_index = ? OR father_id_blind_index = ?)', f.idBlindIndex, f.idBlindIndex);
  else if (f.q && f.q.trim() !== '') {
    const like = f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
    add('(registration_no LIKE ? OR mother_name LIKE ? OR father_name LIKE ?)', `${like}%`, `%${like}%`, `%${like}%`);
  }
  const w = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const [count] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM childbirth_registrations ${w}`, params);
  const paged = pageOf(params, f.page, f.pageSize);
  const rows = await tx.query(
    `SELECT ${COLUMNS} FROM childbirth_registrations ${w}
      ORDER BY status = 'completed', status = 'infoRequested', deadline, id ${paged.sql}`,
    paged.params,
  );
  return { total: Number(count!.n), rows: rows.map(toRow) };
}

export async function countQueue(tx: Conn, today: string) {
  const [c] = await tx.query<Record<string, number>>(
    `SELECT count(*) FILTER (WHERE status = 'submitted')::int AS submitted, count(*) FILTER (WHERE status = 'infoRequested')::int AS "infoRequested",
            count(*) FILTER (WHERE status = 'completed')::int AS completed,
            count(*) FILTER (WHERE status = 'submitted' AND deadline < $1::date)::int AS overdue,
            count(*) FILTER (WHERE status = 'submitted' AND deadline = $1::date)::int AS "dueToday"
       FROM childbirth_registrations`,
    [today],
  );
  return {
    submitted: Number(c!.submitted),
    infoRequested: Number(c!.infoRequested),
    completed: Number(c!.completed),
    overdue: Number(c!.overdue),
    dueToday: Number(c!.dueToday),
  };
}

export async function saveInfoRequest(tx: Conn, id: number, message: string): Promise<void> {
  await tx.query(
    `UPDATE childbirth_registrations SET status = 'infoRequested', info_request = $2, updated_at = now() WHERE id = $1`,
    [id, message],
  );
}

/** The family answered: back in the township's queue with a fresh deadline. */
export async function saveReply(tx: Conn, id: number, deadline: string): Promise<void> {
  await tx.query(
    `UPDATE childbirth_registrations SET status = 'submitted', deadline = $2, updated_at = now() WHERE id = $1`,
    [id, deadline],
  );
}

/** Completes several at once, each with its own receipt digest: one statement over the set. */
export async function saveCompleted(
  tx: Conn,
  c: { ids: number[]; digests: string[]; completedAt: Date; userId: number; userName: string; note: string | null },
): Promise<void> {
  await tx.query(
    `UPDATE childbirth_registrations r SET status = 'completed', completed_at = $3, completed_by = $4, completed_by_name = $5,
            worker_note = coalesce($6, r.worker_note), receipt_digest = u.digest, updated_at = now()
       FROM unnest($1::bigint[], $2::text[]) AS u(id, digest) WHERE r.id = u.id`,
    [c.ids, c.digests, c.completedAt, c.userId, c.userName, c.note],
  );
}

/** What happened to a registration, from the audit log (the record of who did what): views left out. */
export async function listHistory(
  tx: Conn,
  id: number,
): Promise<{ at: Date; action: string; username: string | null; details: Record<string, unknown> | null }[]> {
  return tx.query(
    `SELECT at, action, username, details FROM audit_log
      WHERE target_type = 'childbirthRegistration' AND target_id = $1 AND action = ANY ($2::text[]) AND outcome = 'success' ORDER BY seq`,
    [String(id), HISTORY_ACTIONS],
  );
}

export const HISTORY_ACTIONS = [
  'childbirthRegistration.submit',
  'childbirthRegistration.requestInfo',
  'childbirthRegistration.reply',
  'childbirthRegistration.complete',
  'attachment.upload',
];
