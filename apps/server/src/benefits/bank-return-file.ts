import type { RawCell } from '@cradle/domain';
import {
  csvCellRows,
  DEFAULT_FILE_LIMITS,
  scanCsvFile,
  SpreadsheetError,
  xlsxCellRows,
  type CellRow,
} from '../spreadsheet/index.js';
import { CONTROL_ROW_LABEL } from './payment-file-format.js';
import { PaymentFileError } from './payment-file-errors.js';

export type BankResult = 'paid' | 'failed' | 'returned';

/** One data row of a bank return as written; rowNo is the row a spreadsheet shows. */
export interface BankReturnRow {
  rowNo: number;
  reference: string;
  result: string;
  reason: string | null;
  bankReference: string | null;
  /** As written: text, or a number from a workbook; null when the column is absent or blank. */
  amount: string | number | null;
}

type Column = 'reference' | 'result' | 'reason' | 'bankReference' | 'amount';

// The headers a bank's return file may use, compared without spaces, case or full-width
// brackets. Other columns are ignored, so the bank may send back our own export with a result
// column added (its 合计 row is skipped).
const HEADERS: Record<string, Column> = {
  支付参考号: 'reference',
  付款参考号: 'reference',
  参考号: 'reference',
  paymentreference: 'reference',
  reference: 'reference',
  处理结果: 'result',
  结果: 'result',
  支付结果: 'result',
  状态: 'result',
  result: 'result',
  status: 'result',
  失败原因: 'reason',
  原因: 'reason',
  退回原因: 'reason',
  reason: 'reason',
  银行流水号: 'bankReference',
  银行参考号: 'bankReference',
  流水号: 'bankReference',
  bankreference: 'bankReference',
  '金额(元)': 'amount',
  金额: 'amount',
  amount: 'amount',
  'amount(yuan)': 'amount',
};
const headerKey = (c: RawCell) => text(c).replace(/\s+/g, '').replaceAll('（', '(').replaceAll('）', ')').toLowerCase();

const RESULTS: Record<string, BankResult> = {
  成功: 'paid',
  已支付: 'paid',
  paid: 'paid',
  success: 'paid',
  失败: 'failed',
  failed: 'failed',
  退回: 'returned',
  退票: 'returned',
  returned: 'returned',
};
export const bankResult = (written: string): BankResult | null => RESULTS[written.trim().toLowerCase()] ?? null;

/**
 * Reads a whole return file (CSV in UTF-8, or the first worksheet of an XLSX) with the import's
 * readers. Fails for the whole file when it cannot be read, has no header with a reference and
 * a result column, or has no data row.
 */
export async function readBankReturn(filePath: string, format: 'csv' | 'xlsx'): Promise<BankReturnRow[]> {
  try {
    if (format === 'csv') await scanCsvFile(filePath);
    const source = format === 'csv' ? csvCellRows(filePath) : xlsxCellRows(filePath, DEFAULT_FILE_LIMITS);
    let columns: Partial<Record<Column, number>> | null = null;
    const rows: BankReturnRow[] = [];
    for await (const { rowNo, cells } of source as AsyncIterable<CellRow>) {
      if (cells.every((c) => text(c) === '')) continue;
      if (!columns) {
        columns = {};
        cells.forEach((c, i) => {
          const col = HEADERS[headerKey(c)];
          if (col && columns![col] === undefined) columns![col] = i;
        });
        if (columns.reference === undefined || columns.result === undefined)
          throw PaymentFileError('bankReturn.missingColumns');
        continue;
      }
      if (text(cells[0]) === CONTROL_ROW_LABEL) continue;
      const at = (c: Column) => (columns![c] === undefined ? null : cells[columns![c]]);
      const amount = at('amount');
      rows.push({
        rowNo,
        reference: text(at('reference')),
        result: text(at('result')),
        reason: text(at('reason')) || null,
        bankReference: text(at('bankReference')) || null,
        amount: typeof amount === 'number' ? amount : text(amount) || null,
      });
    }
    if (!columns || rows.length === 0) throw PaymentFileError('bankReturn.empty');
    return rows;
  } catch (e) {
    // The import readers say precisely what is wrong with a file (not UTF-8, not a workbook…).
    if (e instanceof SpreadsheetError) throw PaymentFileError('bankReturn.unreadable', undefined, e.failure.message);
    throw e;
  }
}

function text(c: RawCell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).trim();
}
