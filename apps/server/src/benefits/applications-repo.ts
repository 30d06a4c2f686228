import type { ReviewAction } from '@cradle/contract';
import type { ApplicationState, ReviewLevel } from '@cradle/domain';
import type { Conn } from '../db/client.js';

export interface ApplicationRow extends ApplicationState {
  id: number;
  schemeCode: string;
  beneficiaryId: number;
  beneficiaryName: string;
  beneficiaryIdMasked: string;
  regionCode: string;
  facts: Record<string, unknown>;
  applicantName: string | null;
  channel: 'family' | 'villageWorker';
  submittedBy: number | null;
  createdAt: string;
}

type Row = {
  id: number;
  scheme_code: string;
  beneficiary_id: number;
  name: string;
  id_masked: string;
  region_code: string;
  facts: Record<string, unknown>;
  applicant_name: string | null;
  channel: ApplicationRow['channel'];
  submitted_by: number | null;
  status: ApplicationState['status'];
  level: ReviewLevel;
  notice_until: string | null;
  rejection_reason: string | null;
  appealed: boolean;
  created_at: Date;
};

const SELECT = `SELECT a.id, a.scheme_code, a.beneficiary_id, p.name, p.id_masked, a.region_code, a.facts, a.applicant_name, a.channel, a.submitted_by,
  a.status, a.level, to_char(a.notice_until, 'YYYY-MM-DD') AS notice_until, a.rejection_reason, a.appealed, a.created_at
  FROM applications a JOIN persons p ON p.id = a.beneficiary_id`;

const toRow = (r: Row): ApplicationRow => ({
  id: Number(r.id),
  schemeCode: r.scheme_code,
  beneficiaryId: Number(r.beneficiary_id),
  beneficiaryName: r.name,
  beneficiaryIdMasked: r.id_masked,
  regionCode: r.region_code,
  facts: r.facts,
  applicantName: r.applicant_name,
  channel: r.channel,
  submittedBy: r.submitted_by === null ? null : Number(r.submitted_by),
  status: r.status,
  level: r.level,
  noticeUntil: r.notice_until,
  rejectionReason: r.rejection_reason,
  appealed: r.appealed,
  createdAt: new Date(r.created_at).toISOString(),
});

export async function insertApplication(
  tx: Conn,
  a: {
    schemeCode: string;
    beneficiaryId: number;
    regionCode: string;
    facts: Record<string, unknown>;
    applicantName: string | null;
    channel: string;
    submittedBy: number;
  },
  s: ApplicationState,
): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    `INSERT INTO applications (scheme_code, beneficiary_id, region_code, facts, applicant_name, channel, submitted_by, status, level)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9) RETURNING id`,
    [
      a.schemeCode,
      a.beneficiaryId,
      a.regionCode,
      JSON.stringify(a.facts),
      a.applicantName,
      a.channel,
      a.submittedBy,
      s.status,
      s.level,
    ],
  );
  return Number(rows[0]!.id);
}

export async function findApplication(tx: Conn, id: number, forUpdate = false): Promise<ApplicationRow | null> {
  // FOR UPDATE OF a: two reviewers deciding at once take turns, the second sees the first's decision.
  const rows = await tx.query<Row>(`${SELECT} WHERE a.id = $1${forUpdate ? ' FOR UPDATE OF a' : ''}`, [id]);
  return rows[0] ? toRow(rows[0]) : null;
}

/** A person's applications in the scope, any status, newest first. */
export async function listForBeneficiary(tx: Conn, beneficiaryId: number): Promise<ApplicationRow[]> {
  const rows = await tx.query<Row>(`${SELECT} WHERE a.beneficiary_id = $1 ORDER BY a.id DESC LIMIT 100`, [
    beneficiaryId,
  ]);
  return rows.map(toRow);
}

/** The applications a user submitted in the scope, any status, newest first. */
export async function listSubmittedBy(tx: Conn, userId: number): Promise<ApplicationRow[]> {
  const rows = await tx.query<Row>(`${SELECT} WHERE a.submitted_by = $1 ORDER BY a.id DESC LIMIT 500`, [userId]);
  return rows.map(toRow);
}

/** The applications waiting for a level in the scope, oldest first (the reviewer's queue). */
export async function listQueue(tx: Conn, level: ReviewLevel, includeNotice: boolean): Promise<ApplicationRow[]> {
  const rows = await tx.query<Row>(
    `${SELECT} WHERE (a.status = 'inReview' AND a.level = $1) OR ($2 AND a.status = 'publicNotice') ORDER BY a.created_at LIMIT 500`,
    [level, includeNotice],
  );
  return rows.map(toRow);
}

export async function saveState(tx: Conn, id: number, s: ApplicationState): Promise<void> {
  await tx.query(
    'UPDATE applications SET status = $2, level = $3, notice_until = $4, rejection_reason = $5, appealed = $6, updated_at = now() WHERE id = $1',
    [id, s.status, s.level, s.noticeUntil, s.rejectionReason, s.appealed],
  );
}

export interface Decision {
  level: ReviewLevel;
  action: ReviewAction;
  reason: string | null;
  decidedBy: number | null;
  decidedByName: string | null;
  at: string;
}

export async function insertDecision(
  tx: Conn,
  applicationId: number,
  regionCode: string,
  d: Omit<Decision, 'at'>,
): Promise<void> {
  await tx.query(
    'INSERT INTO application_decisions (application_id, level, action, reason, decided_by, decided_by_name, region_code) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [applicationId, d.level, d.action, d.reason, d.decidedBy, d.decidedByName, regionCode],
  );
}

export async function listDecisions(tx: Conn, applicationId: number): Promise<Decision[]> {
  const rows = await tx.query<{
    level: ReviewLevel;
    action: ReviewAction;
    reason: string | null;
    decided_by: number | null;
    decided_by_name: string | null;
    created_at: Date;
  }>(
    'SELECT level, action, reason, decided_by, decided_by_name, created_at FROM application_decisions WHERE application_id = $1 ORDER BY id',
    [applicationId],
  );
  return rows.map((r) => ({
    level: r.level,
    action: r.action,
    reason: r.reason,
    decidedBy: r.decided_by === null ? null : Number(r.decided_by),
    decidedByName: r.decided_by_name,
    at: new Date(r.created_at).toISOString(),
  }));
}

/** The facts of the beneficiary's application for a scheme that is not rejected, if any (for an eligibility preview). */
export async function openApplicationFacts(
  tx: Conn,
  schemeCode: string,
  beneficiaryId: number,
): Promise<Record<string, unknown> | null> {
  const rows = await tx.query<{ facts: Record<string, unknown> }>(
    "SELECT facts FROM applications WHERE scheme_code = $1 AND beneficiary_id = $2 AND status <> 'rejected' ORDER BY id DESC LIMIT 1",
    [schemeCode, beneficiaryId],
  );
  return rows[0]?.facts ?? null;
}
