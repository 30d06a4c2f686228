import type { RawCell } from '@cradle/domain';
import ExcelJS from 'exceljs';
import { parse, CsvError } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { importFailure, ImportFailureError, unreadableFailure } from './failures.js';
import { xlsxCellValue } from './xlsx-cells.js';
import { capSharedStrings, type FileLimits } from './xlsx-limits.js';

/** One sheet row as read, before header mapping; rowNo is what Excel shows (header = 1). */
export interface CellRow {
  rowNo: number;
  cells: RawCell[];
  /** Set when cells were cut short (see xlsxCellRows): the column of the last non-blank cell beyond them. */
  lastColumnCut?: number;
}

/**
 * CSV records in order. Excel numbers every record, blank ones included, and a quoted cell with
 * a line break stays one row, so counting records gives the row number a user sees.
 */
export async function* csvCellRows(filePath: string): AsyncGenerator<CellRow> {
  const input = createReadStream(filePath, { highWaterMark: 1 << 20 });
  const parser = input.pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true }));
  // pipe() does not pass a read error on; without this the parser would wait forever.
  input.on('error', (e) => parser.destroy(e));
  let rowNo = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNo++;
      yield { rowNo, cells: record };
    }
  } catch (e) {
    if (e instanceof CsvError) throw unreadableFailure(rowNo + 1, 'csv', e);
    throw e;
  } finally {
    input.destroy();
  }
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Rows of the first worksheet, streamed: a million-row workbook never sits in memory whole.
 * Each row holds at most maxColumns + 1 cells, and says how far right a cut-off cell was, for
 * the reader to refuse a header wider than maxColumns; no cell objects are made for the empty
 * columns in between (exceljs allows 16,384 a row).
 */
export async function* xlsxCellRows(filePath: string, limits: FileLimits): AsyncGenerator<CellRow> {
  await assertZip(filePath);
  // Styles are needed to tell date cells from numbers; hyperlinks are not. Shared strings are
  // 'emit' only so capSharedStrings can count them; it caches them as 'cache' would.
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
    sharedStrings: 'emit',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  capSharedStrings(workbook, limits);
  const width = limits.maxColumns + 1;
  const worksheets = workbook[Symbol.asyncIterator]();
  let rowNo = 0;
  try {
    const first = await worksheets.next();
    if (first.done) return;
    for await (const row of first.value) {
      rowNo = row.number;
      yield xlsxRow(row, width);
    }
  } catch (e) {
    if (e instanceof ImportFailureError) throw e;
    throw unreadableFailure(rowNo > 0 ? rowNo + 1 : null, 'xlsx', e);
  } finally {
    await releaseWorksheets(worksheets);
  }
}

function xlsxRow(row: ExcelJS.Row, width: number): CellRow {
  const cells: RawCell[] = new Array<RawCell>(Math.min(row.cellCount, width)).fill(null);
  let lastColumnCut: number | undefined;
  // eachCell visits only the cells the sheet has, where getCell(n) would create every one up to n.
  row.eachCell((cell, col) => {
    const value = xlsxCellValue(cell);
    if (col <= width) cells[col - 1] = value;
    else if (value !== null && !(typeof value === 'string' && value.trim() === '')) lastColumnCut = col;
  });
  return lastColumnCut === undefined ? { rowNo: row.number, cells } : { rowNo: row.number, cells, lastColumnCut };
}

/**
 * Moves the reader past every worksheet without reading them. exceljs spools worksheets to temp
 * files (always, for workbooks Excel saved: their shared strings come last) and deletes each
 * only when iteration moves past it: stopping after the first would keep the rest on disk, and
 * their files open, until the process exits.
 */
async function releaseWorksheets(worksheets: AsyncGenerator<ExcelJS.stream.xlsx.WorksheetReader>): Promise<void> {
  try {
    for (let next = await worksheets.next(); !next.done; next = await worksheets.next()) {
      // A spooled sheet's reader holds an opened file stream (an internal of exceljs 4.x).
      const stream = (next.value as unknown as { iterator?: { destroy?: () => void } }).iterator;
      if (typeof stream?.destroy === 'function') stream.destroy();
    }
  } catch {
    // The workbook failed to read further; the job has already failed or finished with what it read.
  }
}

async function assertZip(filePath: string): Promise<void> {
  const file = await open(filePath, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await file.read(head, 0, 4, 0);
    if (bytesRead === 0) throw importFailure('file.empty');
    if (!head.equals(ZIP_MAGIC)) throw importFailure('file.notXlsx');
  } finally {
    await file.close();
  }
}
