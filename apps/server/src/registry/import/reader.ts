import { mapHeaders, type CanonicalField, type RawCell, type RawPersonRow } from '@cradle/domain';
import {
  csvCellRows,
  DEFAULT_FILE_LIMITS,
  peekXlsx,
  scanCsvFile,
  xlsxCellRows,
  type CellRow,
  type FileLimits,
  type XlsxPeek,
  SpreadsheetError,
} from '../../spreadsheet/index.js';
import { asImportFailure, importFailure, missingColumnsFailure, tooManyColumnsFailure } from './failures.js';
import type { ImportRowError } from './row-errors.js';
import { presentColumns, type ImportFormat, type PresentColumns } from './types.js';
import { extraSheetsWarning, headerWarnings } from './warnings.js';

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
  /** The optional columns the header has. */
  present: PresentColumns;
  /** About the file, on the header row: unknown and repeated columns, worksheets left out. */
  warnings: ImportRowError[];
  /** Non-blank data rows in file order. Iterate once. */
  rows: AsyncIterable<SourceRow>;
}

/**
 * Opens an import file and reads its header. Everything that fails a whole file — wrong
 * encoding, not a workbook, no header, a required column missing, a header too wide — fails
 * here, before any row is loaded.
 */
export async function openImportFile(
  filePath: string,
  format: ImportFormat,
  limits: FileLimits = DEFAULT_FILE_LIMITS,
): Promise<ImportSource> {
  try {
    return await openSource(filePath, format, limits);
  } catch (e) {
    throw importFailureOf(e);
  }
}

/** A file the readers cannot read fails the job like the import's own failures (run-job.ts). */
function importFailureOf(e: unknown): unknown {
  return e instanceof SpreadsheetError ? asImportFailure(e) : e;
}

async function openSource(filePath: string, format: ImportFormat, limits: FileLimits): Promise<ImportSource> {
  const peek = format === 'xlsx' ? await peekXlsx(filePath) : null;
  const totalRows = format === 'csv' ? (await scanCsvFile(filePath)).dataRows : xlsxDataRows(peek);
  const cellRows = format === 'csv' ? csvCellRows(filePath) : xlsxCellRows(filePath, limits, peek?.parts);
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
  const headers = header.cells.map(headerText);
  // Trailing blank cells (a formatted but empty column) do not make a header wide.
  const width = Math.max(
    header.lastColumnCut ?? 0,
    headers.reduce((w, h, i) => (h === '' ? w : i + 1), 0),
  );
  const { mapping, missing, unknown } = mapHeaders(headers.slice(0, width));
  const fail =
    width > limits.maxColumns
      ? tooManyColumnsFailure(width, limits.maxColumns)
      : missing.length > 0
        ? missingColumnsFailure(missing)
        : null;
  if (fail) {
    await cellRows.return(undefined);
    throw fail;
  }
  const warnings = headerWarnings(header.rowNo, headers, mapping);
  if (peek && peek.worksheets > 1) warnings.push(extraSheetsWarning(header.rowNo, peek.worksheets));
  return {
    totalRows,
    unknownHeaders: unknown,
    present: presentColumns(mapping),
    warnings,
    rows: dataRows(cellRows, mapping),
  };
}

function xlsxDataRows(peek: XlsxPeek | null): number | null {
  return peek?.lastRow == null ? null : Math.max(0, peek.lastRow - 1);
}

async function* dataRows(
  cellRows: AsyncGenerator<CellRow>,
  mapping: (CanonicalField | null)[],
): AsyncGenerator<SourceRow> {
  try {
    for await (const { rowNo, cells } of cellRows) {
      if (isBlank(cells)) continue;
      const raw: Record<string, RawCell> = {};
      for (let i = 0; i < mapping.length; i++) {
        const field = mapping[i];
        if (field) raw[field] = cells[i];
      }
      yield { rowNo, raw };
    }
  } catch (e) {
    throw importFailureOf(e);
  }
}

function headerText(cell: RawCell): string {
  return cell === null || cell === undefined || cell instanceof Date ? '' : String(cell).trim();
}

function isBlank(cells: readonly RawCell[]): boolean {
  return cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''));
}
