import type { ChildcareClassInput, ChildcareStaffInput } from '@cradle/contract';
import type { FilingKind, FilingState, InstitutionStatus } from '@cradle/domain';
import type { Conn } from '../db/client.js';
import type { childcareFilings, childcareInstitutions } from '../db/schema.js';
import type { RowOf } from '../db/rows.js';
import { numberFromSequence } from '../db/numbering.js';

// SQL of childcare institutions and their filings. Every function takes a connection inside
// withScope: row-level security (migration 0033) limits each table to the jurisdiction.

export type InstitutionRow = RowOf<
  typeof childcareInstitutions,
  'id' | 'uscc' | 'regionCode' | 'ownerUserId' | 'name' | 'status' | 'filingNo' | 'filedVersion' | 'closedOn'
>;
export type FilingRow = RowOf<
  typeof childcareFilings,
  | 'id'
  | 'institutionId'
  | 'version'
  | 'kind'
  | 'state'
  | 'regionCode'
  | 'content'
  | 'receivedOn'
  | 'reviewDeadline'
  | 'decidedOn'
  | 'decidedByName'
  | 'sendBackReason'
  | 'correctionDeadline'
  | 'submittedByName'
> & { submittedAt: string };

const institutionColumns = (p = '') => `${p}id::int AS id, ${p}uscc, ${p}region_code AS "regionCode",
  ${p}owner_user_id::int AS "ownerUserId", ${p}name, ${p}status, ${p}filing_no AS "filingNo",
  ${p}filed_version AS "filedVersion", ${p}closed_on::text AS "closedOn"`;
const INSTITUTION = institutionColumns();
const FILING = `f.id::int AS id, f.institution_id::int AS "institutionId", f.version, f.kind, f.state, f.region_code AS "regionCode",
  f.content, f.received_on::text AS "receivedOn", f.review_deadline::text AS "reviewDeadline", f.decided_on::text AS "decidedOn",
  f.decided_by_name AS "decidedByName", f.send_back_reason AS "sendBackReason", f.correction_deadline::text AS "correctionDeadline",
  f.submitted_by_name AS "submittedByName", f.submitted_at AS "submittedAt"`;

const fixFiling = (r: FilingRow): FilingRow => ({ ...r, submittedAt: new Date(r.submittedAt).toISOString() });

export async function insertInstitution(
  tx: Conn,
  i: { uscc: string; regionCode: string; ownerUserId: number; name: string },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO childcare_institutions (uscc, region_code, owner_user_id, name, status)
     VALUES ($1, $2, $3, $4, 'pending') RETURNING id::int AS id`,
    [i.uscc, i.regionCode, i.ownerUserId, i.name],
  );
  return Number(row!.id);
}

/** The institution, locked for the version about to be written or decided. */
export async function findInstitution(tx: Conn, id: number, lock = false): Promise<InstitutionRow | null> {
  const [row] = await tx.query<InstitutionRow>(
    `SELECT ${INSTITUTION} FROM childcare_institutions WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row ?? null;
}

export async function listOwnInstitutions(tx: Conn, ownerUserId: number): Promise<number[]> {
  const rows = await tx.query<{ id: number }>(
    'SELECT id::int AS id FROM childcare_institutions WHERE owner_user_id = $1 ORDER BY id',
    [ownerUserId],
  );
  return rows.map((r) => Number(r.id));
}

export async function updateInstitution(
  tx: Conn,
  id: number,
  u: {
    name?: string;
    regionCode?: string;
    status?: InstitutionStatus;
    filedVersion?: number;
    closedOn?: string | null;
    assignFilingNo?: string;
  },
): Promise<void> {
  await tx.query(
    `UPDATE childcare_institutions SET
       name = coalesce($2, name), region_code = coalesce($3, region_code), status = coalesce($4, status),
       filed_version = coalesce($5, filed_version), closed_on = CASE WHEN $6::boolean THEN $7::date ELSE closed_on END,
       filing_no = CASE WHEN $8::text IS NOT NULL AND filing_no IS NULL THEN ${numberFromSequence('childcare_filing_no_seq').replace('$1', '$8')} ELSE filing_no END,
       updated_at = now()
     WHERE id = $1`,
    [
      id,
      u.name ?? null,
      u.regionCode ?? null,
      u.status ?? null,
      u.filedVersion ?? null,
      u.closedOn !== undefined,
      u.closedOn ?? null,
      u.assignFilingNo ?? null,
    ],
  );
}

export async function listFilings(tx: Conn, institutionId: number): Promise<FilingRow[]> {
  const rows = await tx.query<FilingRow>(
    `SELECT ${FILING} FROM childcare_filings f WHERE f.institution_id = $1 ORDER BY f.version DESC`,
    [institutionId],
  );
  return rows.map(fixFiling);
}

export async function findFiling(tx: Conn, id: number): Promise<FilingRow | null> {
  const [row] = await tx.query<FilingRow>(`SELECT ${FILING} FROM childcare_filings f WHERE f.id = $1`, [id]);
  return row ? fixFiling(row) : null;
}

export async function insertFiling(
  tx: Conn,
  f: {
    institutionId: number;
    version: number;
    kind: FilingKind;
    regionCode: string;
    content: unknown;
    receivedOn: string;
    reviewDeadline: string;
    submittedBy: number;
    submittedByName: string;
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO childcare_filings (institution_id, version, kind, state, region_code, content, received_on, review_deadline,
       submitted_by, submitted_by_name)
     VALUES ($1, $2, $3, 'received', $4, $5::jsonb, $6, $7, $8, $9) RETURNING id::int AS id`,
    [
      f.institutionId,
      f.version,
      f.kind,
      f.regionCode,
      JSON.stringify(f.content),
      f.receivedOn,
      f.reviewDeadline,
      f.submittedBy,
      f.submittedByName,
    ],
  );
  return Number(row!.id);
}

/** A version's classes and staff, each list in one statement. */
export async function insertClassesAndStaff(
  tx: Conn,
  filingId: number,
  regionCode: string,
  classes: readonly ChildcareClassInput[],
  staff: readonly ChildcareStaffInput[],
): Promise<void> {
  if (classes.length > 0)
    await tx.query(
      `INSERT INTO childcare_classes (filing_id, region_code, position, name, age_group, capacity, enrolled, carers)
       SELECT $1, $2, p, n, a, c, e, k
         FROM unnest($3::int[], $4::text[], $5::text[], $6::int[], $7::int[], $8::int[]) AS x(p, n, a, c, e, k)`,
      [
        filingId,
        regionCode,
        classes.map((_, i) => i),
        classes.map((c) => c.name),
        classes.map((c) => c.ageGroup),
        classes.map((c) => c.capacity),
        classes.map((c) => c.enrolled),
        classes.map((c) => c.carers),
      ],
    );
  if (staff.length > 0)
    await tx.query(
      `INSERT INTO childcare_staff (filing_id, region_code, position, name, post, qualification, health_certificate_no,
         health_certificate_issued_on, health_certificate_valid_until)
       SELECT $1, $2, p, n, s, q, h, i, v
         FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::date[], $9::date[]) AS x(p, n, s, q, h, i, v)`,
      [
        filingId,
        regionCode,
        staff.map((_, i) => i),
        staff.map((s) => s.name),
        staff.map((s) => s.post),
        staff.map((s) => s.qualification),
        staff.map((s) => s.healthCertificateNo),
        staff.map((s) => s.healthCertificateIssuedOn),
        staff.map((s) => s.healthCertificateValidUntil),
      ],
    );
}

export async function listClasses(tx: Conn, filingIds: readonly number[]) {
  return tx.query<ChildcareClassInput & { filingId: number }>(
    `SELECT filing_id::int AS "filingId", name, age_group AS "ageGroup", capacity, enrolled, carers
       FROM childcare_classes WHERE filing_id = ANY($1::bigint[]) ORDER BY filing_id, position`,
    [filingIds],
  );
}

export async function listStaff(tx: Conn, filingIds: readonly number[]) {
  return tx.query<ChildcareStaffInput & { filingId: number }>(
    `SELECT filing_id::int AS "filingId", name, post, qualification, health_certificate_no AS "healthCertificateNo",
            health_certificate_issued_on::text AS "healthCertificateIssuedOn",
            health_certificate_valid_until::text AS "healthCertificateValidUntil"
       FROM childcare_staff WHERE filing_id = ANY($1::bigint[]) ORDER BY filing_id, position`,
    [filingIds],
  );
}

export async function listDocuments(tx: Conn, filingIds: readonly number[]) {
  return tx.query<{
    filingId: number;
    id: number;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
  }>(
    `SELECT filing_id::int AS "filingId", id::int AS id, file_name AS "fileName", media_type AS "mediaType",
            size_bytes AS "sizeBytes", sha256
       FROM childcare_documents WHERE filing_id = ANY($1::bigint[]) ORDER BY id`,
    [filingIds],
  );
}

/** Gives the uploader's unclaimed documents to a version; answers how many it took. */
export async function claimDocuments(
  tx: Conn,
  filingId: number,
  ownerUserId: number,
  ids: readonly number[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await tx.query<{ id: number }>(
    `UPDATE childcare_documents SET filing_id = $1
      WHERE id = ANY($3::bigint[]) AND owner_user_id = $2 AND filing_id IS NULL RETURNING id`,
    [filingId, ownerUserId, ids],
  );
  return rows.length;
}

export async function insertDocument(
  tx: Conn,
  d: {
    ownerUserId: number;
    regionCode: string;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    contentCipher: Buffer;
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO childcare_documents (owner_user_id, region_code, file_name, media_type, size_bytes, sha256, content_cipher)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::int AS id`,
    [d.ownerUserId, d.regionCode, d.fileName, d.mediaType, d.sizeBytes, d.sha256, d.contentCipher],
  );
  return Number(row!.id);
}

export async function decideFiling(
  tx: Conn,
  id: number,
  d: {
    state: FilingState;
    decidedOn: string;
    decidedBy: number;
    decidedByName: string;
    sendBackReason?: string;
    correctionDeadline?: string;
  },
): Promise<void> {
  await tx.query(
    `UPDATE childcare_filings SET state = $2, decided_on = $3, decided_by = $4, decided_by_name = $5,
       send_back_reason = $6, correction_deadline = $7
     WHERE id = $1`,
    [id, d.state, d.decidedOn, d.decidedBy, d.decidedByName, d.sendBackReason ?? null, d.correctionDeadline ?? null],
  );
}

export async function markResubmitted(tx: Conn, id: number): Promise<void> {
  await tx.query("UPDATE childcare_filings SET state = 'resubmitted' WHERE id = $1", [id]);
}

export interface QueueRow extends FilingRow {
  name: string;
  uscc: string;
}

export async function listQueue(tx: Conn, state: FilingState, limit: number, offset: number): Promise<QueueRow[]> {
  const rows = await tx.query<QueueRow>(
    `SELECT ${FILING}, i.name, i.uscc FROM childcare_filings f JOIN childcare_institutions i ON i.id = f.institution_id
      WHERE f.state = $1 ORDER BY coalesce(f.correction_deadline, f.review_deadline), f.id LIMIT $2 OFFSET $3`,
    [state, limit, offset],
  );
  return rows.map((r) => ({ ...fixFiling(r), name: r.name, uscc: r.uscc }));
}

export async function countQueue(tx: Conn, state: FilingState): Promise<number> {
  const [row] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM childcare_filings WHERE state = $1', [
    state,
  ]);
  return Number(row!.n);
}

export interface InstitutionListRow extends InstitutionRow {
  content: unknown;
  enrolled: number;
  latestVersion: number;
  latestState: FilingState;
  latestKind: FilingKind;
}

/** Institutions with the content in force (the filed version, else the latest) and the latest version's state. */
export async function listInstitutions(
  tx: Conn,
  status: InstitutionStatus | undefined,
  limit: number,
  offset: number,
): Promise<InstitutionListRow[]> {
  return tx.query<InstitutionListRow>(
    `SELECT ${institutionColumns('i.')}, shown.content,
            coalesce((SELECT sum(enrolled)::int FROM childcare_classes c WHERE c.filing_id = shown.id), 0) AS enrolled,
            latest.version AS "latestVersion", latest.state AS "latestState", latest.kind AS "latestKind"
       FROM childcare_institutions i
       JOIN LATERAL (SELECT id, version, state, kind FROM childcare_filings WHERE institution_id = i.id ORDER BY version DESC LIMIT 1) latest ON true
       JOIN LATERAL (SELECT id, content FROM childcare_filings WHERE institution_id = i.id
                      ORDER BY (version = i.filed_version) DESC, version DESC LIMIT 1) shown ON true
      WHERE ($1::text IS NULL OR i.status = $1) ORDER BY i.id DESC LIMIT $2 OFFSET $3`,
    [status ?? null, limit, offset],
  );
}

export async function countInstitutions(tx: Conn, status: InstitutionStatus | undefined): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM childcare_institutions WHERE ($1::text IS NULL OR status = $1)',
    [status ?? null],
  );
  return Number(row!.n);
}

/** The public disclosure's rows: filed institutions' version in force, with enrolment; nothing personal is read. */
export async function listFiledForPublic(tx: Conn) {
  return tx.query<{ regionCode: string; filingNo: string; content: unknown; enrolled: number; filedOn: string }>(
    `SELECT i.region_code AS "regionCode", i.filing_no AS "filingNo", f.content,
            coalesce((SELECT sum(enrolled)::int FROM childcare_classes c WHERE c.filing_id = f.id), 0) AS enrolled,
            f.decided_on::text AS "filedOn"
       FROM childcare_institutions i JOIN childcare_filings f ON f.institution_id = i.id AND f.version = i.filed_version
      WHERE i.status = 'filed' ORDER BY i.region_code, i.filing_no`,
  );
}
