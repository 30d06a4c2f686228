import type { Conn } from '../db/client.js';
import { columnsOf, type RowOf } from '../db/rows.js';
import { paymentExports, type payments } from '../db/schema.js';

// Payments still awaiting the bank: never exported, or exported and not yet returned.
const PAYABLE = "('pending', 'exported')";
// Rows fetched per round trip from the cursor: memory stays flat whatever the batch size.
const FETCH_ROWS = 5_000;

export async function hasPayablePayments(tx: Conn, batchId: number): Promise<boolean> {
  const rows = await tx.query(`SELECT 1 FROM payments WHERE batch_id = $1 AND status IN ${PAYABLE} LIMIT 1`, [batchId]);
  return rows.length > 0;
}

export async function markBatchExported(tx: Conn, batchId: number): Promise<void> {
  await tx.query(
    "UPDATE payments SET status = 'exported', updated_at = now() WHERE batch_id = $1 AND status = 'pending'",
    [batchId],
  );
}

export type NewPaymentExport = Pick<
  typeof paymentExports.$inferInsert,
  'batchId' | 'format' | 'sha256' | 'rowCount' | 'totalFen' | 'exportedBy' | 'jurisdictionCode'
>;

export async function insertPaymentExport(tx: Conn, e: NewPaymentExport): Promise<number> {
  const inserted = await tx.query<{ id: number }>(
    'INSERT INTO payment_exports (batch_id, format, sha256, row_count, total_fen, exported_by, jurisdiction_code) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
    [e.batchId, e.format, e.sha256, e.rowCount, e.totalFen, e.exportedBy ?? null, e.jurisdictionCode],
  );
  return Number(inserted[0]!.id);
}

export type PaymentExportRow = RowOf<typeof paymentExports, 'batchId' | 'format' | 'sha256'>;

export async function findPaymentExport(tx: Conn, exportId: number): Promise<PaymentExportRow | undefined> {
  const rows = await tx.query<PaymentExportRow>(
    `SELECT ${columnsOf(paymentExports, ['batchId', 'format', 'sha256'])} FROM payment_exports WHERE id = $1`,
    [exportId],
  );
  return rows[0];
}

/** A payment as the file lists it; name and ID number are null when the person is gone. */
export type PaymentFileRow = RowOf<typeof payments, 'id' | 'periodKey' | 'amountFen' | 'regionCode'> & {
  /** Whom the payment pays (issue 14): the file's ID column holds a person's ID number or an institution's credit code. */
  beneficiaryKind: 'person' | 'institution';
  name: string | null;
  idCipher: Uint8Array | null;
  /** An institution's credit code (issue 14), where a person's ID number would be; null for a person. */
  uscc: string | null;
};

/**
 * The batch's payments awaiting the bank, in payment id order, through a cursor, a chunk at a
 * time. Beneficiaries come through cradle_payment_recipients (migration 0008), so one who has
 * since moved away is still listed.
 */
export async function* payablePaymentChunks(tx: Conn, batchId: number): AsyncGenerator<PaymentFileRow[]> {
  await tx.query(
    `DECLARE payment_file NO SCROLL CURSOR FOR
       SELECT p.id, p.period_key AS "periodKey", p.amount_fen AS "amountFen", p.region_code AS "regionCode",
              p.beneficiary_kind AS "beneficiaryKind", coalesce(pe.name, ci.name) AS name, pe.id_cipher AS "idCipher", ci.uscc
         FROM payments p LEFT JOIN cradle_payment_recipients(${Number(batchId)}) pe ON pe.payment_id = p.id
         LEFT JOIN childcare_institutions ci ON p.beneficiary_kind = 'institution' AND ci.id = p.beneficiary_id
        WHERE p.batch_id = ${Number(batchId)} AND p.status IN ${PAYABLE}
        ORDER BY p.id`,
  );
  for (;;) {
    const rows = await tx.query<PaymentFileRow>(`FETCH ${FETCH_ROWS} FROM payment_file`);
    yield rows;
    if (rows.length < FETCH_ROWS) break;
  }
  await tx.query('CLOSE payment_file');
}
