import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { neutraliseFormula } from '@cradle/domain';

export interface XlsxSheet {
  name: string;
  /** The width of each column in characters: one for every column, which are all formatted as text. */
  widths: readonly number[];
}

/**
 * Writes the rows as the one worksheet of a new workbook (mode 0600, as the CSV), with exceljs's
 * streaming writer: each row goes to the zip as it comes, never the whole file in memory. Every
 * cell is a string (never a formula: Excel evaluates nothing in it) in a column formatted as text
 * (@), so an 18-digit ID number and an amount keep every digit, and an edited cell stays text.
 * Cells are neutralised as in the CSV (neutraliseFormula): both formats carry the same values,
 * and a sheet saved again as CSV does not turn a name into a formula.
 */
export async function writeXlsxFile(
  filePath: string,
  sheetSpec: XlsxSheet,
  rows: AsyncIterable<readonly string[]>,
): Promise<void> {
  const out = createWriteStream(filePath, { mode: 0o600, flags: 'wx' });
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  try {
    const sheet = writer.addWorksheet(sheetSpec.name);
    sheet.columns = sheetSpec.widths.map((width) => ({ width, style: { numFmt: '@' } }));
    for await (const cells of rows) sheet.addRow(cells.map(neutraliseFormula)).commit();
    sheet.commit();
    await writer.commit();
    await finished(out);
  } catch (e) {
    out.destroy();
    throw e;
  }
}
