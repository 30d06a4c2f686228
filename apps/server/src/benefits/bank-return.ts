import type { Message } from '@cradle/domain';
import type { Conn, Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { appendAudit } from '../audit/index.js';
import { AppError, commonError } from '../errors.js';
import { findBatch, lockBatch } from './batches-repo.js';
import { bankResult, readBankReturn, type BankResult, type BankReturnRow } from './bank-return-file.js';
import { assertFinance, sha256File } from './export.js';
import { fenToYuan, yuanToFen } from './payment-file-format.js';
import { PaymentFileError } from './payment-file-errors.js';
import { auditOf, type Actor } from './versions-service.js';

export interface BankReturnUpload {
  filePath: string;
  fileName: string;
  format: 'csv' | 'xlsx';
}

export interface BankReturnResult {
  id: number;
  batchId: number;
  fileName: string;
  sha256: string;
  rows: number;
  paid: number;
  failed: number;
  returned: number;
  /** Rows that repeat what an earlier return already recorded for the payment. */
  unchanged: number;
}

export interface RowError {
  row: number;
  reference: string;
  code: string;
  message: Message;
}

// The response lists this many row errors (and counts them all): enough to fix a file by.
const MAX_ROW_ERRORS = 1000;

interface PaymentState {
  id: number;
  batch_id: number;
  status: string;
  amount_fen: number;
}

/**
 * Applies the bank's return file to an exported batch: each row marks its payment paid, failed
 * or returned (with the bank's reason and reference). Every row is checked first; one bad row
 * refuses the whole file with every problem listed, and nothing changes. Otherwise statuses, the
 * bank_returns record and the audit entry are written in one transaction. The same file again
 * (same SHA-256 for the batch) is refused, so nothing is applied twice; a row repeating the
 * status a payment already has is counted unchanged, so overlapping files from the bank import.
 *
 * No second factor here, unlike the export: a return file reveals no personal data and can only
 * settle payments already sent to the bank, row by row against what was sent (reference, batch,
 * amount); the file's checksum and counts are kept and audited.
 */
export async function importBankReturn(
  database: Database,
  a: Actor,
  batchId: number,
  upload: BankReturnUpload,
): Promise<BankReturnResult> {
  assertFinance(a);
  const sha256 = await sha256File(upload.filePath);
  const rows = await readBankReturn(upload.filePath, upload.format);
  const fileName = upload.fileName;
  try {
    return await withScope(database, { jurisdictionCode: a.user.jurisdictionCode }, async (tx) => {
      const batch = await findBatch(tx, batchId);
      if (!batch) throw commonError('notFound');
      // Returns and exports of one batch take turns.
      await lockBatch(tx, batch.id);
      const earlier = (
        await tx.query<{ id: number; created_at: Date }>(
          'SELECT id, created_at FROM bank_returns WHERE batch_id = $1 AND sha256 = $2',
          [batch.id, sha256],
        )
      )[0];
      if (earlier)
        throw PaymentFileError('bankReturn.alreadyImported', {
          bankReturnId: Number(earlier.id),
          importedAt: new Date(earlier.created_at).toISOString(),
        });
      const payments = await paymentStates(tx, rows);
      const { errors, changes, unchanged, counts } = checkRows(rows, payments, batch.id);
      if (errors.length > 0)
        throw PaymentFileError('bankReturn.invalidRows', {
          errorCount: errors.length,
          errors: errors.slice(0, MAX_ROW_ERRORS),
        });
      if (changes.length > 0) {
        // Only exported payments change: a return running alongside cannot be overwritten.
        const updated = await tx.query(
          `UPDATE payments p SET status = v.status, failure_reason = v.reason, bank_reference = coalesce(v.bank_reference, p.bank_reference), updated_at = now()
             FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS v(id, status, reason, bank_reference)
            WHERE p.id = v.id AND p.status = 'exported' RETURNING p.id`,
          [
            changes.map((c) => c.id),
            changes.map((c) => c.status),
            changes.map((c) => c.reason),
            changes.map((c) => c.bankReference),
          ],
        );
        if (updated.length !== changes.length) throw PaymentFileError('bankReturn.conflict');
      }
      const inserted = await tx.query<{ id: number }>(
        `INSERT INTO bank_returns (batch_id, file_name, sha256, row_count, paid, failed, returned, imported_by, jurisdiction_code)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          batch.id,
          fileName,
          sha256,
          rows.length,
          counts.paid,
          counts.failed,
          counts.returned,
          a.user.id,
          batch.jurisdictionCode,
        ],
      );
      const id = Number(inserted[0]!.id);
      const summary = { rows: rows.length, ...counts, unchanged };
      await appendAudit(
        tx,
        auditOf(a, 'benefits.bankReturn', 'paymentBatch', String(batch.id), {
          bankReturnId: id,
          fileName,
          sha256,
          ...summary,
        }),
      );
      return { id, batchId: batch.id, fileName, sha256, ...summary };
    });
  } catch (e) {
    // A refused file leaves a trace too (outside the rolled-back transaction).
    if (e instanceof AppError && (e.code === 'bankReturn.invalidRows' || e.code === 'bankReturn.alreadyImported')) {
      await appendAudit(database, {
        ...auditOf(a, 'benefits.bankReturn', 'paymentBatch', String(batchId), { fileName, sha256, refused: e.code }),
        outcome: 'failure',
      });
    }
    throw e;
  }
}

async function paymentStates(tx: Conn, rows: readonly BankReturnRow[]): Promise<Map<number, PaymentState>> {
  const ids = [...new Set(rows.map((r) => referenceId(r.reference)).filter((id): id is number => id !== null))];
  const out = new Map<number, PaymentState>();
  for (let i = 0; i < ids.length; i += 10_000) {
    const found = await tx.query<PaymentState>(
      'SELECT id, batch_id, status, amount_fen FROM payments WHERE id = ANY($1::bigint[])',
      [ids.slice(i, i + 10_000)],
    );
    for (const p of found)
      out.set(Number(p.id), {
        id: Number(p.id),
        batch_id: Number(p.batch_id),
        status: p.status,
        amount_fen: Number(p.amount_fen),
      });
  }
  return out;
}

const referenceId = (ref: string) =>
  /^[1-9]\d{0,15}$/.test(ref) && Number.isSafeInteger(Number(ref)) ? Number(ref) : null;

interface Change {
  id: number;
  status: BankResult;
  reason: string | null;
  bankReference: string | null;
}

const STATUS_ZH: Record<string, string> = {
  pending: '待导出',
  exported: '已导出待回盘',
  paid: '已支付',
  failed: '支付失败',
  returned: '已退回',
};

/** Every row against the payments on record; the errors of all rows, or the changes to make. */
function checkRows(rows: readonly BankReturnRow[], payments: ReadonlyMap<number, PaymentState>, batchId: number) {
  const errors: RowError[] = [];
  const changes: Change[] = [];
  const counts = { paid: 0, failed: 0, returned: 0 };
  let unchanged = 0;
  const seen = new Map<number, number>();
  for (const r of rows) {
    const fail = (code: string, message: Message) =>
      errors.push({ row: r.rowNo, reference: r.reference, code, message });
    const id = referenceId(r.reference);
    const result = bankResult(r.result);
    if (result === null)
      fail('result.invalid', {
        zh: `处理结果“${r.result}”无法识别，应为 成功、失败 或 退回`,
        en: `The result "${r.result}" is not one of paid, failed or returned (成功, 失败, 退回)`,
      });
    if (id === null) {
      fail('reference.invalid', {
        zh: `支付参考号“${r.reference}”格式不正确`,
        en: `The payment reference "${r.reference}" is not valid`,
      });
      continue;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      fail('reference.duplicate', {
        zh: `支付参考号 ${id} 与第 ${first} 行重复`,
        en: `Payment reference ${id} repeats row ${first}`,
      });
      continue;
    }
    seen.set(id, r.rowNo);
    const p = payments.get(id);
    if (!p) {
      fail('payment.unknown', {
        zh: `没有支付参考号为 ${id} 的发放记录（或不在您的辖区内）`,
        en: `No payment ${id} (or not in your jurisdiction)`,
      });
      continue;
    }
    if (p.batch_id !== batchId) {
      fail('payment.otherBatch', { zh: `发放记录 ${id} 不属于本批次`, en: `Payment ${id} is not in this batch` });
      continue;
    }
    if (p.status === 'pending') {
      fail('payment.notExported', {
        zh: `发放记录 ${id} 尚未导出给银行`,
        en: `Payment ${id} has not been exported to the bank`,
      });
      continue;
    }
    if (r.amount !== null) {
      const fen = yuanToFen(r.amount);
      if (fen === null)
        fail('amount.invalid', { zh: `金额“${r.amount}”格式不正确`, en: `The amount "${r.amount}" is not valid` });
      else if (fen !== p.amount_fen) {
        fail('amount.mismatch', {
          zh: `金额 ${fenToYuan(fen)} 元与发放金额 ${fenToYuan(p.amount_fen)} 元不符`,
          en: `The amount ${fenToYuan(fen)} yuan differs from the payment's ${fenToYuan(p.amount_fen)} yuan`,
        });
      }
    }
    if (result === null) continue;
    if (p.status === result) {
      unchanged++;
      continue;
    }
    if (p.status !== 'exported') {
      fail('payment.alreadySettled', {
        zh: `发放记录 ${id} 已由此前的回盘记为“${STATUS_ZH[p.status] ?? p.status}”`,
        en: `Payment ${id} was already recorded as ${p.status} by an earlier return`,
      });
      continue;
    }
    counts[result]++;
    changes.push({ id, status: result, reason: result === 'paid' ? null : r.reason, bankReference: r.bankReference });
  }
  return { errors, changes, unchanged, counts };
}
