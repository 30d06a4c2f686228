import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { PAYMENT_FILE_HEADERS } from './payment-file-format.js';

// Column widths for the headers of PAYMENT_FILE_HEADERS, in characters.
const WIDTHS = [8, 12, 28, 10, 12, 22, 16, 14];

/**
 * Writes the rows with exceljs's streaming writer: each row goes to the zip as it comes, so a
 * large batch never sits in memory. Every cell is text in a column formatted as text (@), so an
 * 18-digit ID number and an amount keep every digit when the file is opened and saved in Excel.
 */
export async function writeXlsxFile(
  filePath: string,
  rows: AsyncIterable<readonly string[]>,
  // The payment file's sheet unless a roster names its own.
  sheet: { name: string; widths: readonly number[] } = {
    name: '发放明细',
    widths: PAYMENT_FILE_HEADERS.map((_, i) => WIDTHS[i] ?? 12),
  },
): Promise<void> {
  // Mode 0600, as the CSV: the file holds ID numbers until it is sent and deleted.
  const out = createWriteStream(filePath, { mode: 0o600, flags: 'wx' });
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  try {
    const ws = writer.addWorksheet(sheet.name);
    ws.columns = sheet.widths.map((width) => ({ width, style: { numFmt: '@' } }));
    for await (const cells of rows) ws.addRow([...cells]).commit();
    ws.commit();
    await writer.commit();
    await finished(out);
  } catch (e) {
    out.destroy();
    throw e;
  }
}
