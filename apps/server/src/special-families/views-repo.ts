import { maskPersonName } from '@cradle/domain';
import type { SpecialFamilyFileDetail, SpecialFamilyFileStatus, SpecialFamilyFileSummary } from '@cradle/contract';
import type { Conn } from '../db/client.js';

// What the lists and the detail read of a file, in one statement each; inside withScope.

export interface FileFilter {
  status?: SpecialFamilyFileStatus | undefined;
  overdue?: boolean | undefined;
  ids?: number[];
  /** A village worker sees only the files they are a contact of. */
  contactUserId?: number | null;
  today: string;
}

function where(f: FileFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [f.today];
  const parts: string[] = [];
  const add = (cond: (n: string) => string, v: unknown) => {
    params.push(v);
    parts.push(cond(`$${params.length}`));
  };
  if (f.status) add((n) => `f.status = ${n}`, f.status);
  if (f.ids) add((n) => `f.id = ANY(${n}::bigint[])`, f.ids);
  if (f.contactUserId != null)
    add(
      (n) =>
        `EXISTS (SELECT 1 FROM special_family_contacts c WHERE c.file_id = f.id AND c.user_id = ${n} AND c.ended_at IS NULL)`,
      f.contactUserId,
    );
  if (f.overdue !== undefined) parts.push(`${f.overdue ? '' : 'NOT '}(f.status = 'confirmed' AND nv.overdue)`);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const FROM = `FROM special_family_files f
  LEFT JOIN LATERAL (SELECT min(v.due_date) AS due_date, coalesce(min(v.due_date) < $1::date, false) AS overdue
    FROM special_family_visits v WHERE v.file_id = f.id AND v.visit_date IS NULL) nv ON true`;

const SELECT = `SELECT f.id, f.kind, f.status, f.version, f.region_code, coalesce(r.name, f.region_code) AS region_name,
  f.event_date::text AS event_date, f.disability_grade, f.proposed_by, f.proposed_by_name, f.proposed_at, f.decided_by_name, f.decided_at,
  f.needs, f.decision_note, nv.due_date::text AS next_due, nv.overdue,
  (SELECT max(v.visit_date)::text FROM special_family_visits v WHERE v.file_id = f.id) AS last_visit,
  m.id AS m_id, m.name AS m_name, m.id_masked AS m_id_masked,
  fa.id AS fa_id, fa.name AS fa_name, fa.id_masked AS fa_id_masked,
  c.id AS c_id, c.name AS c_name, c.id_masked AS c_id_masked
  ${FROM}
  LEFT JOIN regions r ON r.code = f.region_code
  LEFT JOIN persons m ON m.id = f.mother_person_id
  LEFT JOIN persons fa ON fa.id = f.father_person_id
  LEFT JOIN persons c ON c.id = f.child_person_id`;

export type FileRow = SpecialFamilyFileSummary & {
  proposedBy: number;
  needs: string[];
  decisionNote: string | null;
};

export async function countFiles(tx: Conn, f: FileFilter): Promise<number> {
  const w = where(f);
  const [row] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n ${FROM} ${w.sql}`, w.params);
  return Number(row!.n);
}

/** Newest first. */
export async function listFiles(tx: Conn, f: FileFilter, limit: number, offset: number): Promise<FileRow[]> {
  const w = where(f);
  w.params.push(limit, offset);
  const rows = await tx.query(
    `${SELECT} ${w.sql} ORDER BY f.id DESC LIMIT $${w.params.length - 1} OFFSET $${w.params.length}`,
    w.params,
  );
  return rows.map(fileRow);
}

const masked = (id: unknown, name: unknown, idMasked: unknown) =>
  id == null ? null : { personId: Number(id), name: maskPersonName(String(name)), idMasked: String(idMasked) };

function fileRow(r: Record<string, unknown>): FileRow {
  return {
    id: Number(r.id),
    kind: r.kind as FileRow['kind'],
    status: r.status as FileRow['status'],
    version: Number(r.version),
    regionCode: String(r.region_code),
    regionName: String(r.region_name),
    mother: masked(r.m_id, r.m_name, r.m_id_masked),
    father: masked(r.fa_id, r.fa_name, r.fa_id_masked),
    // The child's person row may lie outside the jurisdiction (moved away): the file still names it.
    child: masked(r.c_id ?? 0, r.c_name ?? '', r.c_id_masked ?? '') ?? { personId: 0, name: '', idMasked: '' },
    eventDate: String(r.event_date),
    disabilityGrade: r.disability_grade == null ? null : Number(r.disability_grade),
    proposedBy: Number(r.proposed_by),
    proposedByName: String(r.proposed_by_name),
    proposedAt: new Date(r.proposed_at as string).toISOString(),
    decidedByName: (r.decided_by_name as string | null) ?? null,
    decidedAt: r.decided_at ? new Date(r.decided_at as string).toISOString() : null,
    lastVisitDate: (r.last_visit as string | null) ?? null,
    nextVisitDue: r.status === 'confirmed' ? ((r.next_due as string | null) ?? null) : null,
    overdue: r.status === 'confirmed' && r.overdue === true,
    needs: (r.needs as string[] | null) ?? [],
    decisionNote: (r.decision_note as string | null) ?? null,
  };
}

export async function findContacts(tx: Conn, fileId: number) {
  const rows = await tx.query<{
    id: number;
    role: 'worker' | 'doctor' | 'other';
    name: string;
    organisation: string | null;
    phone_masked: string | null;
    user_id: number | null;
  }>(
    `SELECT id, role, name, organisation, phone_masked, user_id FROM special_family_contacts
      WHERE file_id = $1 AND ended_at IS NULL ORDER BY id`,
    [fileId],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    role: r.role,
    name: r.name,
    organisation: r.organisation,
    phoneMasked: r.phone_masked,
    hasAccount: r.user_id !== null,
    userId: r.user_id === null ? null : Number(r.user_id),
  }));
}

export async function findVisits(tx: Conn, fileId: number, today: string) {
  const rows = await tx.query<{
    id: number;
    due_date: string;
    visit_date: string | null;
    kind: string | null;
    note: string | null;
    recorded_by_name: string | null;
  }>(
    `SELECT id, due_date::text AS due_date, visit_date::text AS visit_date, kind, note, recorded_by_name
       FROM special_family_visits WHERE file_id = $1 ORDER BY coalesce(visit_date, due_date) DESC, id DESC`,
    [fileId],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    dueDate: r.due_date,
    visitDate: r.visit_date,
    kind: r.kind as SpecialFamilyFileDetail['visits'][number]['kind'],
    note: r.note,
    recordedByName: r.recorded_by_name,
    overdue: r.visit_date === null && r.due_date < today,
  }));
}

export async function findServices(tx: Conn, fileId: number) {
  const rows = await tx.query<{
    id: number;
    kind: string;
    service_date: string;
    detail: string | null;
    recorded_by_name: string;
  }>(
    `SELECT id, kind, service_date::text AS service_date, detail, recorded_by_name FROM special_family_services
      WHERE file_id = $1 ORDER BY service_date DESC, id DESC`,
    [fileId],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind as SpecialFamilyFileDetail['services'][number]['kind'],
    serviceDate: r.service_date,
    detail: r.detail,
    recordedByName: r.recorded_by_name,
  }));
}

export async function findHistory(tx: Conn, fileId: number) {
  const rows = await tx.query<{
    version: number;
    status: SpecialFamilyFileStatus;
    effective_from: string;
    changed_by_name: string;
    changed_at: string;
    note: string | null;
  }>(
    `SELECT version, status, effective_from::text AS effective_from, changed_by_name, changed_at, note
       FROM special_family_status_changes WHERE file_id = $1 ORDER BY version`,
    [fileId],
  );
  return rows.map((r) => ({
    version: Number(r.version),
    status: r.status,
    effectiveFrom: r.effective_from,
    changedByName: r.changed_by_name,
    changedAt: new Date(r.changed_at).toISOString(),
    note: r.note,
  }));
}
