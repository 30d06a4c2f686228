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
}

const COLUMNS = `id, scheme_code, period_key, jurisdiction_code, status, chunks_done, chunks_total, resume_after_id,
  payment_count, total_fen, created_at, completed_at`;

type Row = {
  id: number; scheme_code: string; period_key: string; jurisdiction_code: string; status: PaymentBatch['status'];
  chunks_done: number; chunks_total: number; resume_after_id: number | string | null; payment_count: number; total_fen: number | string;
  created_at: Date; completed_at: Date | null;
};

const toBatch = (r: Row): PaymentBatch => ({
  id: Number(r.id), schemeCode: r.scheme_code, periodKey: r.period_key, jurisdictionCode: r.jurisdiction_code, status: r.status,
  chunksDone: r.chunks_done, chunksTotal: r.chunks_total, resumeAfterId: r.resume_after_id === null ? null : Number(r.resume_after_id), paymentCount: r.payment_count,
  totalFen: Number(r.total_fen), createdAt: new Date(r.created_at), completedAt: r.completed_at && new Date(r.completed_at),
});

/** The batch of a scheme, period and jurisdiction: the one already there (a re-run, a resumed cycle) or a new one. */
export async function openBatch(tx: Conn, schemeCode: string, periodKey: string, jurisdictionCode: string, userId: number | null): Promise<PaymentBatch> {
  const rows = await tx.query<Row>(
    `INSERT INTO payment_batches (scheme_code, period_key, jurisdiction_code, status, created_by) VALUES ($1, $2, $3, 'running', $4)
     ON CONFLICT (scheme_code, period_key, jurisdiction_code) DO UPDATE SET scheme_code = EXCLUDED.scheme_code
     RETURNING ${COLUMNS}`,
    [schemeCode, periodKey, jurisdictionCode, userId],
  );
  return toBatch(rows[0]!);
}

export async function setChunksTotal(tx: Conn, batchId: number, total: number): Promise<void> {
  await tx.query('UPDATE payment_batches SET chunks_total = $2 WHERE id = $1', [batchId, total]);
}

/** Records one chunk done, in the transaction that wrote its payments, so a resumed cycle starts after it. */
export async function chunkDone(tx: Conn, batchId: number, lastId: number, count: number, totalFen: number): Promise<PaymentBatch> {
  const rows = await tx.query<Row>(
    `UPDATE payment_batches SET chunks_done = chunks_done + 1, resume_after_id = $2,
       payment_count = payment_count + $3, total_fen = total_fen + $4
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [batchId, lastId, count, totalFen],
  );
  return toBatch(rows[0]!);
}

/** The batch, locked until the transaction ends: runs of one cycle take turns township by township. */
export async function lockBatch(tx: Conn, batchId: number): Promise<PaymentBatch> {
  const rows = await tx.query<Row>(`SELECT ${COLUMNS} FROM payment_batches WHERE id = $1 FOR UPDATE`, [batchId]);
  return toBatch(rows[0]!);
}

export async function completeBatch(tx: Conn, batchId: number): Promise<PaymentBatch> {
  const rows = await tx.query<Row>(`UPDATE payment_batches SET status = 'complete', completed_at = now() WHERE id = $1 RETURNING ${COLUMNS}`, [batchId]);
  return toBatch(rows[0]!);
}

export async function findBatch(tx: Conn, batchId: number): Promise<PaymentBatch | null> {
  const rows = await tx.query<Row>(`SELECT ${COLUMNS} FROM payment_batches WHERE id = $1`, [batchId]);
  return rows[0] ? toBatch(rows[0]) : null;
}

/** The scope's latest batches, newest first. */
export async function listBatches(tx: Conn, limit: number): Promise<PaymentBatch[]> {
  const rows = await tx.query<Row>(`SELECT ${COLUMNS} FROM payment_batches ORDER BY created_at DESC, id DESC LIMIT $1`, [limit]);
  return rows.map(toBatch);
}
