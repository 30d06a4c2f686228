import type { Conn } from '../db/client.js';
import { lockBatch, type PaymentBatch } from './batches-repo.js';

// The SQL of a batch's review (batch-review.ts). The database holds the same rules in its own
// right (migration 0024): stages move only forward, the approver is not the creator. Each step's
// time is the review's clock, the one its notice dates come from.

export async function setNotice(
  tx: Conn,
  batchId: number,
  window: { from: string; until: string },
  userId: number,
  at: Date,
): Promise<PaymentBatch> {
  await tx.query(
    `UPDATE payment_batches SET stage = 'noticed', notice_from = $2, notice_until = $3, noticed_by = $4, noticed_at = $5
     WHERE id = $1`,
    [batchId, window.from, window.until, userId, at],
  );
  return lockBatch(tx, batchId);
}

export async function setApproved(tx: Conn, batchId: number, userId: number, at: Date): Promise<PaymentBatch> {
  await tx.query("UPDATE payment_batches SET stage = 'approved', approved_by = $2, approved_at = $3 WHERE id = $1", [
    batchId,
    userId,
    at,
  ]);
  return lockBatch(tx, batchId);
}

/**
 * Cancels the batch and releases its payments: its own become 'cancelled' (outside
 * payments_once_uq, so a later cycle pays those people once), and failed payments of earlier
 * batches that were carried into it (attempts > 1) go back to 'failed', to be carried into the
 * next batch that opens.
 */
export async function setCancelled(
  tx: Conn,
  batchId: number,
  userId: number,
  reason: string,
  at: Date,
): Promise<PaymentBatch> {
  await tx.query(
    `UPDATE payments SET status = CASE WHEN attempts > 1 THEN 'failed' ELSE 'cancelled' END,
       attempts = CASE WHEN attempts > 1 THEN attempts - 1 ELSE attempts END, updated_at = now()
     WHERE batch_id = $1 AND status = 'pending'`,
    [batchId],
  );
  await tx.query(
    `UPDATE payment_batches SET stage = 'cancelled', cancelled_by = $2, cancelled_at = $4, cancel_reason = $3
     WHERE id = $1`,
    [batchId, userId, reason, at],
  );
  return lockBatch(tx, batchId);
}

export interface BatchPayment {
  id: number;
  beneficiaryId: number;
  amountFen: number;
  status: string;
}

export async function findBatchPayment(tx: Conn, batchId: number, paymentId: number): Promise<BatchPayment | null> {
  const rows = await tx.query<{ id: string; beneficiary_id: string; amount_fen: string; status: string }>(
    'SELECT id, beneficiary_id, amount_fen, status FROM payments WHERE id = $1 AND batch_id = $2',
    [paymentId, batchId],
  );
  const r = rows[0];
  return r
    ? { id: Number(r.id), beneficiaryId: Number(r.beneficiary_id), amountFen: Number(r.amount_fen), status: r.status }
    : null;
}

/**
 * The scheme and period of a batch that pays the person `personId`, or null (no such batch, or
 * not a payee of it). An institution paid by the batch is no person, whatever its id (issue 14).
 */
export async function findPayeeBatch(
  tx: Conn,
  batchId: number,
  personId: number,
): Promise<{ schemeCode: string; periodKey: string } | null> {
  const rows = await tx.query<{ scheme_code: string; period_key: string }>(
    `SELECT b.scheme_code, b.period_key FROM payment_batches b
      WHERE b.id = $1 AND EXISTS (SELECT 1 FROM payments p WHERE p.batch_id = b.id AND p.beneficiary_kind = 'person' AND p.beneficiary_id = $2)`,
    [batchId, personId],
  );
  const r = rows[0];
  return r ? { schemeCode: r.scheme_code, periodKey: r.period_key } : null;
}

export async function insertObjection(
  tx: Conn,
  o: {
    batchId: number;
    paymentId: number;
    reason: string;
    upheld: boolean;
    recordedBy: number;
    jurisdictionCode: string;
  },
): Promise<number> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO payment_objections (batch_id, payment_id, reason, upheld, recorded_by, jurisdiction_code)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [o.batchId, o.paymentId, o.reason, o.upheld, o.recordedBy, o.jurisdictionCode],
  );
  return Number(rows[0]!.id);
}

/** An upheld objection: the row leaves the batch (kept, as 'removed', with the objection beside it). */
export async function removePayment(tx: Conn, batchId: number, p: BatchPayment): Promise<void> {
  await tx.query("UPDATE payments SET status = 'removed', updated_at = now() WHERE id = $1 AND status = 'pending'", [
    p.id,
  ]);
  await tx.query(
    'UPDATE payment_batches SET payment_count = payment_count - 1, total_fen = total_fen - $2 WHERE id = $1',
    [batchId, p.amountFen],
  );
}

export async function markBatchStageExported(tx: Conn, batchId: number): Promise<void> {
  await tx.query("UPDATE payment_batches SET stage = 'exported' WHERE id = $1 AND stage = 'approved'", [batchId]);
}
