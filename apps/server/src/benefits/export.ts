import { isFinanceOperator } from '@cradle/domain';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Conn, Database } from '../db/client.js';
import type { Keys } from '../crypto/keys.js';
import type { Pii } from '../crypto/pii.js';
import { withScope } from '../db/scope.js';
import { appendAudit } from '../audit/index.js';
import { commonError } from '../errors.js';
import { writeCsvFile, writeXlsxFile } from '../spreadsheet/index.js';
import { findBatch, lockBatch, type PaymentBatch } from './batches-repo.js';
import {
  findPaymentExport,
  hasPayablePayments,
  insertPaymentExport,
  markBatchExported,
  payablePaymentChunks,
} from './exports-repo.js';
import { markBatchStageExported } from './batch-review-repo.js';
import {
  controlCells,
  PAYMENT_FILE_HEADERS,
  PAYMENT_FILE_SHEET,
  paymentCells,
  paymentFileName,
} from './payment-file-format.js';
import { PaymentFileError } from './payment-file-errors.js';
import { verifyStepUp } from './step-up.js';
import { auditOf, getScheme, type Actor } from './versions-service.js';

export type PaymentFileFormat = 'csv' | 'xlsx';

export interface PaymentFileDeps {
  database: Database;
  pii: Pick<Pii, 'decryptIdNumber'>;
  keys: Pick<Keys, 'secretEncryption'>;
  /** Where files are made and read; they hold ID numbers, so each is deleted once it is sent. */
  workDir: string;
}

export interface PaymentExport {
  id: number;
  batchId: number;
  format: PaymentFileFormat;
  fileName: string;
  sha256: string;
  rowCount: number;
  totalFen: number;
  /** The file on disk: read it once, and it is deleted when the stream closes. */
  filePath: string;
}

/** Payment files are the finance department's: export and bank returns alike. */
export function assertFinance(a: Actor): void {
  if (!isFinanceOperator(a.user.roles, a.user.department)) throw PaymentFileError('paymentFile.financeOnly');
}

/**
 * The batch as a payment file for the one-card platform, with its SHA-256, for a finance
 * operator who has just confirmed a fresh TOTP code (the file holds full ID numbers). Lists the
 * batch's payments still awaiting payment (pending, or exported before and not yet returned),
 * so a lost file can be exported again without paying anyone twice; marks pending ones
 * exported; records the file in payment_exports and the audit log (counts and checksum, never
 * an ID number), all in one transaction.
 */
export async function exportBatch(
  deps: PaymentFileDeps,
  a: Actor,
  batchId: number,
  body: { format: PaymentFileFormat; totp: string },
): Promise<PaymentExport> {
  assertFinance(a);
  const scope = { jurisdictionCode: a.user.jurisdictionCode };
  // The batch is checked before the code, so a code is not spent on a refusal it cannot change.
  await withScope(deps.database, scope, async (tx) => {
    assertExportable(await findBatch(tx, batchId));
    if (!(await hasPayablePayments(tx, batchId))) throw PaymentFileError('batch.nothingToPay');
  });
  await verifyStepUp(deps.database, deps.keys, a, body.totp, {
    action: 'benefits.batchExport',
    targetType: 'paymentBatch',
    targetId: String(batchId),
  });
  await mkdir(deps.workDir, { recursive: true, mode: 0o700 });
  const filePath = path.join(deps.workDir, `export-${randomBytes(12).toString('hex')}.${body.format}`);
  try {
    return await withScope(deps.database, scope, async (tx) => {
      const batch = assertExportable(await findBatch(tx, batchId));
      await lockBatch(tx, batch.id);
      const totals = { count: 0, fen: 0 };
      const rows = fileRows(tx, deps.pii, batch, totals);
      await (body.format === 'csv' ? writeCsvFile(filePath, rows) : writeXlsxFile(filePath, PAYMENT_FILE_SHEET, rows));
      if (totals.count === 0) throw PaymentFileError('batch.nothingToPay');
      const sha256 = await sha256File(filePath);
      await markBatchExported(tx, batch.id);
      await markBatchStageExported(tx, batch.id);
      const id = await insertPaymentExport(tx, {
        batchId: batch.id,
        format: body.format,
        sha256,
        rowCount: totals.count,
        totalFen: totals.fen,
        exportedBy: a.user.id,
        jurisdictionCode: batch.jurisdictionCode,
      });
      await appendAudit(
        tx,
        auditOf(a, 'benefits.batchExport', 'paymentBatch', String(batch.id), {
          exportId: id,
          format: body.format,
          rows: totals.count,
          totalFen: totals.fen,
          sha256,
        }),
      );
      return {
        id,
        batchId: batch.id,
        format: body.format,
        fileName: paymentFileName(batch, body.format),
        sha256,
        rowCount: totals.count,
        totalFen: totals.fen,
        filePath,
      };
    });
  } catch (e) {
    await unlink(filePath).catch(() => undefined);
    throw e;
  }
}

/** Complete and approved by a second person (the database refuses the rest too: migration 0024). */
function assertExportable(b: PaymentBatch | null): PaymentBatch {
  if (!b) throw commonError('notFound');
  if (b.status !== 'complete') throw PaymentFileError('batch.notComplete');
  if (b.stage === 'cancelled') throw PaymentFileError('batch.cancelled');
  if (b.stage !== 'approved' && b.stage !== 'exported') throw PaymentFileError('batch.notApproved', { stage: b.stage });
  return b;
}

/**
 * The header, one row per payment in payment id order through a cursor, then the control row;
 * counts into `totals` as it goes. A payment whose person is gone altogether stops the export
 * rather than be left out unnoticed.
 */
async function* fileRows(
  tx: Conn,
  pii: PaymentFileDeps['pii'],
  batch: PaymentBatch,
  totals: { count: number; fen: number },
): AsyncGenerator<readonly string[]> {
  const schemeName = getScheme(batch.schemeCode).name.zh;
  yield PAYMENT_FILE_HEADERS;
  for await (const rows of payablePaymentChunks(tx, batch.id)) {
    for (const r of rows) {
      // An institution (issue 14) is paid on its credit code, in the ID number's column: the
      // payment's kind says which, and a payee of either kind without it stops the export.
      const idNumber =
        r.beneficiaryKind === 'institution' ? r.uscc : r.idCipher === null ? null : pii.decryptIdNumber(r.idCipher);
      if (r.name === null || idNumber === null)
        throw PaymentFileError('export.beneficiaryUnavailable', { paymentId: Number(r.id) });
      const amountFen = Number(r.amountFen);
      totals.count++;
      totals.fen += amountFen;
      yield paymentCells(totals.count, {
        paymentId: Number(r.id),
        schemeName,
        periodKey: r.periodKey,
        name: r.name,
        idNumber,
        regionCode: r.regionCode,
        amountFen,
      });
    }
  }
  yield controlCells(totals.count, totals.fen);
}

export async function sha256File(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The export's file as a stream that deletes the file when it closes (sent, failed or aborted). */
export function readOnce(filePath: string) {
  const stream = createReadStream(filePath);
  stream.on('close', () => void unlink(filePath).catch(() => undefined));
  return stream;
}

/** The checksum of an earlier export, in sha256sum's format, for `sha256sum -c`. */
export async function exportChecksum(database: Database, a: Actor, exportId: number): Promise<string> {
  return withScope(database, { jurisdictionCode: a.user.jurisdictionCode }, async (tx) => {
    const e = await findPaymentExport(tx, exportId);
    const batch = e && (await findBatch(tx, Number(e.batchId)));
    if (!e || !batch) throw commonError('notFound');
    return `${e.sha256}  ${paymentFileName(batch, e.format)}\n`;
  });
}
