import type { BatchStage } from '@cradle/domain';
import type { Conn } from '../db/client.js';

export interface PaymentBatch {
  id: number;
  schemeCode: string;
  periodKey: string;
  jurisdictionCode: string;
  status: 'running' | 'complete';
  chunksDone: number;
  chunksTotal: number;
  /** The last person id of the last chunk done; a resumed cycle starts after it. */
  resumeAfterId: number | null;
  paymentCount: number;
  totalFen: number;
  createdAt: Date;
  completedAt: Date | null;
  /** 1 for the period's cycle; 2, 3, … for supplementary runs. */
  round: number;
  /** Four eyes (batch-review.ts): draft → noticed → approved → exported, or cancelled. */
  stage: BatchStage;
  createdBy: number | null;
  noticeFrom: string | null;
  noticeUntil: string | null;
  noticedBy: number | null;
  approvedBy: number | null;
  approvedAt: Date | null;
  cancelledBy: number | null;
  cancelReason: string | null;
}

const COLUMNS = `id, scheme_code, period_key, jurisdiction_code, status, chunks_done, chunks_total, resume_after_id,
  payment_count, total_fen, created_at, completed_at, round, stage, created_by, notice_from::text AS notice_from,
  notice_until::text AS notice_until, noticed_by, approved_by, approved_at, cancelled_by, cancel_reason`;

type Row = {
  id: number;
  scheme_code: string;
  period_key: string;
  jurisdiction_code: string;
  status: PaymentBatch['status'];
  chunks_done: number;
  chunks_total: number;
  resume_after_id: number | string | null;
  payment_count: number;
  total_fen: number | string;
  created_at: Date;
  completed_at: Date | null;
  round: number;
  stage: BatchStage;
  created_by: number | string | null;
  notice_from: string | null;
  notice_until: string | null;
  noticed_by: number | string | null;
  approved_by: number | string | null;
  approved_at: Date | null;
  cancelled_by: number | string | null;
  cancel_reason: string | null;
};

const idOrNull = (v: number | string | null) => (v === null ? null : Number(v));

const toBatch = (r: Row): PaymentBatch => ({
  id: Number(r.id),
  schemeCode: r.scheme_code,
  periodKey: r.period_key,
  jurisdictionCode: r.jurisdiction_code,
  status: r.status,
  chunksDone: r.chunks_done,
  chunksTotal: r.chunks_total,
  resumeAfterId: r.resume_after_id === null ? null : Number(r.resume_after_id),
  paymentCount: r.payment_count,
  totalFen: Number(r.total_fen),
  createdAt: new Date(r.created_at),
  completedAt: r.completed_at && new Date(r.completed_at),
  round: Number(r.round),
  stage: r.stage,
  createdBy: idOrNull(r.created_by),
  noticeFrom: r.notice_from,
  noticeUntil: r.notice_until,
  noticedBy: idOrNull(r.noticed_by),
  approvedBy: idOrNull(r.approved_by),
  approvedAt: r.approved_at && new Date(r.approved_at),
  cancelledBy: idOrNull(r.cancelled_by),
  cancelReason: r.cancel_reason,
});

/**
 * The batch a cycle works on: the period's latest round when it is still running (a resumed
 * cycle) or complete (a re-run, which changes nothing); a new round when a supplementary run is
 * asked for after the latest completed, when the latest was cancelled (its people are payable
 * again), or a first round when there is none.
 */
export async function openBatch(
  tx: Conn,
  schemeCode: string,
  periodKey: string,
  jurisdictionCode: string,
  userId: number | null,
  supplement = false,
): Promise<PaymentBatch> {
  const latest = (
    await tx.query<Row>(
      `SELECT ${COLUMNS} FROM payment_batches WHERE scheme_code = $1 AND period_key = $2 AND jurisdiction_code = $3 ORDER BY round DESC LIMIT 1 FOR UPDATE`,
      [schemeCode, periodKey, jurisdictionCode],
    )
  )[0];
  if (latest && latest.stage !== 'cancelled' && (latest.status === 'running' || !supplement)) return toBatch(latest);
  const round = latest ? Number(latest.round) + 1 : 1;
  // DO NOTHING then read: two first runs at once end on the same round-1 batch.
  await tx.query(
    `INSERT INTO payment_batches (scheme_code, period_key, jurisdiction_code, status, created_by, round) VALUES ($1, $2, $3, 'running', $4, $5)
     ON CONFLICT (scheme_code, period_key, jurisdiction_code, round) DO NOTHING`,
    [schemeCode, periodKey, jurisdictionCode, userId, round],
  );
  const rows = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM payment_batches WHERE scheme_code = $1 AND period_key = $2 AND jurisdiction_code = $3 AND round = $4`,
    [schemeCode, periodKey, jurisdictionCode, round],
  );
  return toBatch(rows[0]!);
}

export async function setChunksTotal(tx: Conn, batchId: number, total: number): Promise<void> {
  await tx.query('UPDATE payment_batches SET chunks_total = $2 WHERE id = $1', [batchId, total]);
}

/** Records one chunk done, in the transaction that wrote its payments, so a resumed cycle starts after it. */
export async function chunkDone(
  tx: Conn,
  batchId: number,
  lastId: number,
  count: number,
  totalFen: number,
): Promise<PaymentBatch> {
  const rows = await tx.query<Row>(
    `UPDATE payment_batches SET chunks_done = chunks_done + 1, resume_after_id = $2,
       payment_count = payment_count + $3, total_fen = total_fen + $4
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [batchId, lastId, count, totalFen],
  );
  return toBatch(rows[0]!);
}

/** The batch, locked until the transaction ends: runs of one cycle take turns chunk by chunk. */
export async function lockBatch(tx: Conn, batchId: number): Promise<PaymentBatch> {
  const rows = await tx.query<Row>(`SELECT ${COLUMNS} FROM payment_batches WHERE id = $1 FOR UPDATE`, [batchId]);
  return toBatch(rows[0]!);
}

export async function completeBatch(tx: Conn, batchId: number): Promise<PaymentBatch> {
  const rows = await tx.query<Row>(
    `UPDATE payment_batches SET status = 'complete', completed_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
    [batchId],
  );
  return toBatch(rows[0]!);
}

export async function findBatch(tx: Conn, batchId: number): Promise<PaymentBatch | null> {
  const rows = await tx.query<Row>(`SELECT ${COLUMNS} FROM payment_batches WHERE id = $1`, [batchId]);
  return rows[0] ? toBatch(rows[0]) : null;
}

/** The scope's latest batches, newest first. */
export async function listBatches(tx: Conn, limit: number): Promise<PaymentBatch[]> {
  const rows = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM payment_batches ORDER BY created_at DESC, id DESC LIMIT $1`,
    [limit],
  );
  return rows.map(toBatch);
}
