import { createWriteStream } from 'node:fs';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { setImmediate } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { neutraliseFormula } from '@cradle/domain';

export interface XlsxSheet {
  name: string;
  /** The width of each column in characters: one for every column, which are all formatted as text. */
  widths: readonly number[];
}

/**
 * Writes the rows as the one worksheet of a new workbook into `out`, with exceljs's streaming
 * writer: each row goes to the zip as it comes, never the whole file in memory. Every cell is a
 * string (never a formula: Excel evaluates nothing in it) in a column formatted as text (@), so an
 * 18-digit ID number and an amount keep every digit, and an edited cell stays text. Cells are
 * neutralised as in the CSV (neutraliseFormula): both formats carry the same values, and a sheet
 * saved again as CSV does not turn a name into a formula. Rows come in pages (arrays of rows):
 * after each page it waits for `out` to drain, so a slow reader holds back the source.
 */
async function writeXlsx(out: Writable, sheetSpec: XlsxSheet, pages: AsyncIterable<readonly (readonly string[])[]>) {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = writer.addWorksheet(sheetSpec.name);
  sheet.columns = sheetSpec.widths.map((width) => ({ width, style: { numFmt: '@' } }));
  for await (const rows of pages) {
    if (out.destroyed) throw new Error('xlsx output closed');
    for (const cells of rows) sheet.addRow(cells.map(neutraliseFormula)).commit();
    await drained(out);
    // A macrotask between pages: a page's query on PGlite can resolve without one, and 300 pages
    // in a row then held the thread (and every other request) for the whole export.
    await setImmediate();
  }
  sheet.commit();
  await writer.commit();
}

/** Waits until `out` takes more (or is gone: a client that went away never drains). */
function drained(out: Writable): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

async function* onePerPage(rows: AsyncIterable<readonly string[]>) {
  for await (const cells of rows) yield [cells];
}

/** Writes the rows to a new file (mode 0600, as the CSV). */
export async function writeXlsxFile(
  filePath: string,
  sheetSpec: XlsxSheet,
  rows: AsyncIterable<readonly string[]>,
): Promise<void> {
  const out = createWriteStream(filePath, { mode: 0o600, flags: 'wx' });
  try {
    await writeXlsx(out, sheetSpec, onePerPage(rows));
    await finished(out);
  } catch (e) {
    out.destroy();
    throw e;
  }
}

/**
 * The workbook as a stream to send (an HTTP answer), written page by page as it is read: a
 * 150,000-row export is never whole in memory, and a page's source (a query) runs only when the
 * reader has taken the pages before. A failing source destroys the stream, so the reader gets a
 * broken download, never a short file that looks complete (the zip's directory comes last).
 */
export function xlsxStream(sheetSpec: XlsxSheet, pages: AsyncIterable<readonly (readonly string[])[]>): Readable {
  const out = new PassThrough({ highWaterMark: 1 << 18 });
  writeXlsx(out, sheetSpec, pages).catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}
