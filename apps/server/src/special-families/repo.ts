import type { Conn } from '../db/client.js';

// SQL of the special-family register. Every function but findStaffUser takes a connection inside
// withScope: row-level security (migration 0032) limits each table to the family's jurisdiction.

export interface RegistryPerson {
  id: number;
  name: string;
  sex: string;
  birthDate: string;
  deathDate: string | null;
  residenceRegionCode: string;
  idMasked: string;
}

const PERSON = `p.id, p.name, p.sex, p.birth_date::text AS birth_date, p.death_date::text AS death_date,
  p.residence_region_code, p.id_masked`;
type PersonRow = {
  id: number;
  name: string;
  sex: string;
  birth_date: string;
  death_date: string | null;
  residence_region_code: string;
  id_masked: string;
};
const person = (r: PersonRow): RegistryPerson => ({
  id: Number(r.id),
  name: r.name,
  sex: r.sex,
  birthDate: r.birth_date,
  deathDate: r.death_date,
  residenceRegionCode: r.residence_region_code,
  idMasked: r.id_masked,
});

export async function findPersonByBlind(tx: Conn, blind: Buffer): Promise<RegistryPerson | null> {
  const [row] = await tx.query<PersonRow>(`SELECT ${PERSON} FROM persons p WHERE p.id_blind_index = $1`, [blind]);
  return row ? person(row) : null;
}

/** The child's registered mother and father (relationships 'mother'/'father': parent → child). */
export async function findParents(tx: Conn, childId: number): Promise<(RegistryPerson & { kind: string })[]> {
  const rows = await tx.query<PersonRow & { kind: string }>(
    `SELECT r.kind, ${PERSON} FROM relationships r JOIN persons p ON p.id = r.from_person_id
      WHERE r.to_person_id = $1 AND r.kind IN ('mother', 'father') ORDER BY r.kind DESC`,
    [childId],
  );
  return rows.map((r) => ({ ...person(r), kind: r.kind }));
}

/** The children the registry links to any of these parents, born or adopted, living or dead. */
export async function findChildrenOf(
  tx: Conn,
  parentIds: number[],
): Promise<{ id: number; birthDate: string; deathDate: string | null }[]> {
  const rows = await tx.query<{ id: number; birth_date: string; death_date: string | null }>(
    `SELECT DISTINCT c.id, c.birth_date::text AS birth_date, c.death_date::text AS death_date
       FROM relationships r JOIN persons c ON c.id = r.to_person_id
      WHERE r.from_person_id = ANY($1::bigint[]) AND r.kind IN ('mother', 'father')`,
    [parentIds],
  );
  return rows.map((r) => ({ id: Number(r.id), birthDate: r.birth_date, deathDate: r.death_date }));
}

/** A staff account, read as the owner (cradle_app reads no users): a contact's, by username. */
export async function findStaffUser(
  conn: Conn,
  username: string,
): Promise<{ id: number; roles: string[]; jurisdictionCode: string; disabled: boolean } | null> {
  const [row] = await conn.query<{ id: number; roles: string[]; jurisdiction_code: string; disabled: boolean }>(
    'SELECT id, roles, jurisdiction_code, NOT active AS disabled FROM users WHERE username = $1',
    [username],
  );
  return row
    ? { id: Number(row.id), roles: row.roles, jurisdictionCode: row.jurisdiction_code, disabled: row.disabled }
    : null;
}

export interface NewFile {
  regionCode: string;
  kind: 'bereaved' | 'disabledChild';
  childPersonId: number;
  motherPersonId: number | null;
  fatherPersonId: number | null;
  eventDate: string;
  disabilityGrade: number | null;
  needs: string[];
  proposedBy: number;
  proposedByName: string;
}

export async function insertFile(tx: Conn, f: NewFile): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO special_family_files (region_code, kind, child_person_id, mother_person_id, father_person_id, event_date,
       disability_grade, status, needs, proposed_by, proposed_by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'proposed', $8::text[], $9, $10) RETURNING id`,
    [
      f.regionCode,
      f.kind,
      f.childPersonId,
      f.motherPersonId,
      f.fatherPersonId,
      f.eventDate,
      f.disabilityGrade,
      f.needs,
      f.proposedBy,
      f.proposedByName,
    ],
  );
  return Number(row!.id);
}

export async function insertStatusChange(
  tx: Conn,
  c: {
    fileId: number;
    regionCode: string;
    version: number;
    status: string;
    effectiveFrom: string;
    by: number;
    byName: string;
    note: string | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO special_family_status_changes (file_id, region_code, version, status, effective_from, changed_by, changed_by_name, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [c.fileId, c.regionCode, c.version, c.status, c.effectiveFrom, c.by, c.byName, c.note],
  );
}

export interface NewContact {
  role: string;
  userId: number | null;
  name: string;
  organisation: string | null;
  phoneCipher: Buffer | null;
  phoneMasked: string | null;
}

export async function insertContacts(tx: Conn, fileId: number, regionCode: string, list: NewContact[]): Promise<void> {
  await tx.query(
    `INSERT INTO special_family_contacts (file_id, region_code, role, user_id, name, organisation, phone_cipher, phone_masked)
     SELECT $1, $2, * FROM unnest($3::text[], $4::bigint[], $5::text[], $6::text[], $7::bytea[], $8::text[])`,
    [
      fileId,
      regionCode,
      list.map((c) => c.role),
      list.map((c) => c.userId),
      list.map((c) => c.name),
      list.map((c) => c.organisation),
      list.map((c) => c.phoneCipher),
      list.map((c) => c.phoneMasked),
    ],
  );
}

/** Moves a file from one status to the next, raising its version; null if it was not in `from`. */
export async function setFileStatus(
  tx: Conn,
  id: number,
  from: string,
  to: string,
  by: { id: number; name: string },
  note: string | null,
): Promise<{ version: number; regionCode: string } | null> {
  const [row] = await tx.query<{ version: number; region_code: string }>(
    `UPDATE special_family_files SET status = $3, version = version + 1, decided_by = coalesce(decided_by, $4),
       decided_by_name = coalesce(decided_by_name, $5), decided_at = coalesce(decided_at, now()),
       decision_note = coalesce($6, decision_note), updated_at = now()
     WHERE id = $1 AND status = $2 RETURNING version, region_code`,
    [id, from, to, by.id, by.name, note],
  );
  return row ? { version: Number(row.version), regionCode: row.region_code } : null;
}

export async function insertPlannedVisit(tx: Conn, fileId: number, regionCode: string, dueDate: string): Promise<void> {
  await tx.query('INSERT INTO special_family_visits (file_id, region_code, due_date) VALUES ($1, $2, $3)', [
    fileId,
    regionCode,
    dueDate,
  ]);
}

/** Records the planned visit (the one open row of the file) as done; false if none was planned. */
export async function recordPlannedVisit(
  tx: Conn,
  fileId: number,
  v: { visitDate: string; kind: string; note: string | null; contactId: number | null; by: number; byName: string },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE special_family_visits SET visit_date = $2, kind = $3, note = $4, contact_id = $5, recorded_by = $6,
       recorded_by_name = $7, recorded_at = now()
     WHERE id = (SELECT id FROM special_family_visits WHERE file_id = $1 AND visit_date IS NULL ORDER BY due_date LIMIT 1 FOR UPDATE)
     RETURNING id`,
    [fileId, v.visitDate, v.kind, v.note, v.contactId, v.by, v.byName],
  );
  return rows.length > 0;
}

/** An extra visit beside the plan (a festival visit before the planned one is due, say). */
export async function insertRecordedVisit(
  tx: Conn,
  fileId: number,
  regionCode: string,
  v: { visitDate: string; kind: string; note: string | null; contactId: number | null; by: number; byName: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO special_family_visits (file_id, region_code, due_date, visit_date, kind, note, contact_id, recorded_by, recorded_by_name, recorded_at)
     VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8, now())`,
    [fileId, regionCode, v.visitDate, v.kind, v.note, v.contactId, v.by, v.byName],
  );
}

export async function insertService(
  tx: Conn,
  fileId: number,
  regionCode: string,
  s: { kind: string; serviceDate: string; detail: string | null; by: number; byName: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO special_family_services (file_id, region_code, kind, service_date, detail, recorded_by, recorded_by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [fileId, regionCode, s.kind, s.serviceDate, s.detail, s.by, s.byName],
  );
}

/** The interval of the nearest jurisdiction at or above `regionCode` that set one. */
export async function findVisitInterval(
  tx: Conn,
  regionCode: string,
): Promise<{ jurisdictionCode: string; months: number } | null> {
  const [row] = await tx.query<{ jurisdiction_code: string; visit_interval_months: number }>(
    `SELECT jurisdiction_code, visit_interval_months FROM special_family_settings
      WHERE $1 LIKE jurisdiction_code || '%' ORDER BY length(jurisdiction_code) DESC LIMIT 1`,
    [regionCode],
  );
  return row ? { jurisdictionCode: row.jurisdiction_code, months: Number(row.visit_interval_months) } : null;
}

export async function upsertVisitInterval(
  tx: Conn,
  jurisdictionCode: string,
  months: number,
  by: { id: number; name: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO special_family_settings (jurisdiction_code, visit_interval_months, set_by, set_by_name) VALUES ($1, $2, $3, $4)
     ON CONFLICT (jurisdiction_code) DO UPDATE SET visit_interval_months = $2, set_by = $3, set_by_name = $4, set_at = now()`,
    [jurisdictionCode, months, by.id, by.name],
  );
}

/** Replaces a file's needs; the old ones, for the audit (issue 16: edits after the proposal). */
export async function setNeeds(tx: Conn, id: number, needs: readonly string[]): Promise<void> {
  await tx.query('UPDATE special_family_files SET needs = $2::text[], updated_at = now() WHERE id = $1', [id, needs]);
}

/** Ends a serving contact (kept, with its end: the contacts' history); false if none was serving. */
export async function endContact(tx: Conn, fileId: number, contactId: number): Promise<boolean> {
  const rows = await tx.query(
    'UPDATE special_family_contacts SET ended_at = now() WHERE id = $1 AND file_id = $2 AND ended_at IS NULL RETURNING id',
    [contactId, fileId],
  );
  return rows.length > 0;
}
