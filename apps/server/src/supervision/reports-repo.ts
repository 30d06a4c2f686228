import type { Conn } from '../db/client.js';

// SQL of progress reports, their evidence, milestones and notices (migration 0036).

export interface ReportRow {
  id: number;
  taskId: number;
  unitId: number;
  period: string;
  text: string;
  figures: { label: string; value: string }[];
  completes: boolean;
  state: 'submitted' | 'accepted' | 'sentBack';
  submittedByName: string;
  submittedAt: string;
  reviewedByName: string | null;
  reviewedAt: string | null;
  sendBackReason: string | null;
}

const REPORT = `id::int AS id, task_id::int AS "taskId", unit_id::int AS "unitId", period, text, figures, completes, state,
  submitted_by_name AS "submittedByName", submitted_at AS "submittedAt", reviewed_by_name AS "reviewedByName",
  reviewed_at AS "reviewedAt", send_back_reason AS "sendBackReason"`;
const iso = (v: unknown) => (v === null ? null : new Date(v as string).toISOString());
const fix = (r: ReportRow): ReportRow => ({ ...r, submittedAt: iso(r.submittedAt)!, reviewedAt: iso(r.reviewedAt) });

export async function listReports(tx: Conn, taskId: number): Promise<ReportRow[]> {
  const rows = await tx.query<ReportRow>(
    `SELECT ${REPORT} FROM supervision_reports WHERE task_id = $1 ORDER BY submitted_at DESC, id DESC`,
    [taskId],
  );
  return rows.map(fix);
}

export async function findReport(tx: Conn, id: number): Promise<ReportRow | null> {
  const [row] = await tx.query<ReportRow>(`SELECT ${REPORT} FROM supervision_reports WHERE id = $1 FOR UPDATE`, [id]);
  return row ? fix(row) : null;
}

export async function insertReport(
  tx: Conn,
  r: {
    taskId: number;
    unitId: number;
    regionCode: string;
    period: string;
    text: string;
    figures: { label: string; value: string }[];
    completes: boolean;
    submittedBy: number;
    submittedByName: string;
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO supervision_reports (task_id, unit_id, region_code, period, text, figures, completes, state, submitted_by, submitted_by_name)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, 'submitted', $8, $9) RETURNING id::int AS id`,
    [
      r.taskId,
      r.unitId,
      r.regionCode,
      r.period,
      r.text,
      JSON.stringify(r.figures),
      r.completes,
      r.submittedBy,
      r.submittedByName,
    ],
  );
  return Number(row!.id);
}

export async function decideReport(
  tx: Conn,
  id: number,
  d: { state: 'accepted' | 'sentBack'; by: number; byName: string; reason: string | null },
): Promise<void> {
  await tx.query(
    `UPDATE supervision_reports SET state = $2, reviewed_by = $3, reviewed_by_name = $4, reviewed_at = now(), send_back_reason = $5
     WHERE id = $1`,
    [id, d.state, d.by, d.byName, d.reason],
  );
}

/** Claims the uploaded files for a report: only the uploader's, and only unclaimed ones. */
export async function claimEvidence(
  tx: Conn,
  reportId: number,
  ownerUserId: number,
  ids: readonly number[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await tx.query(
    `UPDATE supervision_evidence SET report_id = $1 WHERE id = ANY($2::bigint[]) AND owner_user_id = $3 AND report_id IS NULL
     RETURNING id`,
    [reportId, ids, ownerUserId],
  );
  return rows.length;
}

export function listEvidence(
  tx: Conn,
  reportIds: readonly number[],
): Promise<{ id: number; reportId: number; fileName: string; mediaType: string; sizeBytes: number; sha256: string }[]> {
  return tx.query(
    `SELECT id::int AS id, report_id::int AS "reportId", file_name AS "fileName", media_type AS "mediaType",
       size_bytes AS "sizeBytes", sha256 FROM supervision_evidence WHERE report_id = ANY($1::bigint[]) ORDER BY id`,
    [reportIds],
  );
}

export async function insertEvidence(
  tx: Conn,
  e: {
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
    `INSERT INTO supervision_evidence (owner_user_id, region_code, file_name, media_type, size_bytes, sha256, content_cipher)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::int AS id`,
    [e.ownerUserId, e.regionCode, e.fileName, e.mediaType, e.sizeBytes, e.sha256, e.contentCipher],
  );
  return Number(row!.id);
}

export function listMilestones(tx: Conn, taskId: number): Promise<{ id: number; title: string; dueOn: string }[]> {
  return tx.query(
    `SELECT id::int AS id, title, due_on::text AS "dueOn" FROM supervision_milestones WHERE task_id = $1 ORDER BY due_on, id`,
    [taskId],
  );
}

export function listNotices(
  tx: Conn,
  taskId: number,
): Promise<{ id: number; unitId: number; note: string; sentByName: string; sentAt: string }[]> {
  return tx.query(
    `SELECT id::int AS id, unit_id::int AS "unitId", note, sent_by_name AS "sentByName", sent_at AS "sentAt"
     FROM supervision_notices WHERE task_id = $1 ORDER BY sent_at DESC, id DESC`,
    [taskId],
  );
}
