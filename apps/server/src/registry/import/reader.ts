import { mapHeaders, type CanonicalField, type RawCell, type RawPersonRow } from '@cradle/domain';
import { scanCsvFile } from './csv-scan.js';
import { importFailure, missingColumnsFailure } from './failures.js';
import { csvCellRows, xlsxCellRows, type CellRow } from './source-rows.js';
import { peekXlsxLastRow } from './xlsx-dimension.js';

export type ImportFormat = 'csv' | 'xlsx';

/** One data row keyed by canonical field; rowNo is the spreadsheet row (first data row = 2). */
export interface SourceRow {
  rowNo: number;
  raw: RawPersonRow;
}

export interface ImportSource {
  /** Data rows expected, for progress; approximate, null when unknown (see scanCsvFile). */
  totalRows: number | null;
  /** Header cells that name no field; their columns are ignored. */
  unknownHeaders: string[];
  /** Non-blank data rows in file order. Iterate once. */
  rows: AsyncIterable<SourceRow>;
}

/**
 * Opens an import file and reads its header. Everything that fails a whole file — wrong
 * encoding, not a workbook, no header, a required column missing — fails here, before any
 * row is loaded.
 */
export async function openImportFile(filePath: string, format: ImportFormat): Promise<ImportSource> {
  const totalRows = format === 'csv' ? (await scanCsvFile(filePath)).dataRows : await xlsxDataRows(filePath);
  const cellRows = format === 'csv' ? csvCellRows(filePath) : xlsxCellRows(filePath);
  let header: CellRow | undefined;
  for (;;) {
    const next = await cellRows.next();
    if (next.done) break;
    if (!isBlank(next.value.cells)) {
      header = next.value;
      break;
    }
  }
  if (!header) throw importFailure('file.empty');
  const { mapping, missing, unknown } = mapHeaders(header.cells.map(headerText));
  if (missing.length > 0) {
    await cellRows.return(undefined);
    throw missingColumnsFailure(missing);
  }
  return { totalRows, unknownHeaders: unknown, rows: dataRows(cellRows, mapping) };
}

async function xlsxDataRows(filePath: string): Promise<number | null> {
  const lastRow = await peekXlsxLastRow(filePath);
  return lastRow === null ? null : Math.max(0, lastRow - 1);
}

async function* dataRows(cellRows: AsyncGenerator<CellRow>, mapping: (CanonicalField | null)[]): AsyncGenerator<SourceRow> {
  for await (const { rowNo, cells } of cellRows) {
    if (isBlank(cells)) continue;
    const raw: Record<string, RawCell> = {};
    for (let i = 0; i < mapping.length; i++) {
      const field = mapping[i];
      if (field) raw[field] = cells[i];
    }
    yield { rowNo, raw };
  }
}

function headerText(cell: RawCell): string {
  return cell === null || cell === undefined || cell instanceof Date ? '' : String(cell).trim();
}

function isBlank(cells: readonly RawCell[]): boolean {
  return cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''));
}
