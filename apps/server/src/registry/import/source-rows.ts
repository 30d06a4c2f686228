import type { RawCell } from '@cradle/domain';
import ExcelJS from 'exceljs';
import { parse, CsvError } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { importFailure, ImportFailureError, unreadableFailure } from './failures.js';
import { xlsxCellValue } from './xlsx-cells.js';

/** One sheet row as read, before header mapping; rowNo is what Excel shows (header = 1). */
export interface CellRow {
  rowNo: number;
  cells: RawCell[];
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
    if (e instanceof CsvError) throw unreadableFailure(rowNo + 1, 'csv');
    throw e;
  } finally {
    input.destroy();
  }
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Rows of the first worksheet, streamed: a million-row workbook never sits in memory whole. */
export async function* xlsxCellRows(filePath: string): AsyncGenerator<CellRow> {
  await assertZip(filePath);
  // Styles are needed to tell date cells from numbers; hyperlinks are not.
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let rowNo = 0;
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet) {
        rowNo = row.number;
        const cells: RawCell[] = [];
        for (let col = 1; col <= row.cellCount; col++) cells.push(xlsxCellValue(row.getCell(col)));
        yield { rowNo, cells };
      }
      return;
    }
  } catch (e) {
    if (e instanceof ImportFailureError) throw e;
    throw unreadableFailure(rowNo > 0 ? rowNo + 1 : null, 'xlsx');
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
