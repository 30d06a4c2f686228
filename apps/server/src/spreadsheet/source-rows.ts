import type { RawCell } from '@cradle/domain';
import { parse, CsvError } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { cellTooLongFailure, unreadableFailure } from './failures.js';
import { MAX_CELL_CHARS, type FileLimits } from './xlsx-limits.js';
import { readFirstWorksheet } from './xlsx-reader.js';
import type { XlsxParts } from './xlsx-workbook.js';

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
  // csv-parse parses a whole chunk at once on this thread: 64 KiB (about 2,000 rows) keeps that to
  // milliseconds, where 1 MiB held PGlite's thread, and every request, for hundreds.
  const input = createReadStream(filePath, { highWaterMark: 1 << 16 });
  const parser = input.pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true }));
  // pipe() does not pass a read error on; without this the parser would wait forever.
  input.on('error', (e) => parser.destroy(e));
  let rowNo = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNo++;
      for (const cell of record) if (cell.length > MAX_CELL_CHARS) throw cellTooLongFailure(rowNo, MAX_CELL_CHARS);
      yield { rowNo, cells: record };
    }
  } catch (e) {
    if (e instanceof CsvError) throw unreadableFailure(rowNo + 1, 'csv', e);
    throw e;
  } finally {
    input.destroy();
  }
}

/**
 * Rows of the first worksheet, streamed: a million-row workbook never sits in memory whole.
 * Each row holds at most maxColumns + 1 cells, and says how far right a cut-off cell was, for
 * the reader to refuse a header wider than maxColumns; no cell objects are made for the empty
 * columns in between (a row may reach column 16,384). See xlsx-reader.ts.
 */
export function xlsxCellRows(filePath: string, limits: FileLimits, known?: XlsxParts): AsyncGenerator<CellRow> {
  return readFirstWorksheet(filePath, limits, known);
}
