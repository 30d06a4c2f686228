// Reading spreadsheets people upload (CSV in UTF-8, the first worksheet of an XLSX) into rows of
// cells, within limits a hostile file cannot push past; and writing every CSV and XLSX Cradle
// hands out, with formula-looking cells neutralised. The person import and the bank returns of
// payment files read through here, the payment files and the import's error reports write
// through here; the rest of the folder is this module's own.
export { CSV_BOM, csvLine, writeCsvFile } from './csv-writer.js';
export { writeXlsxFile, xlsxStream, type XlsxSheet } from './xlsx-writer.js';
export { scanCsvFile } from './csv-scan.js';
export {
  SpreadsheetError,
  spreadsheetFailure,
  type SpreadsheetFailure,
  type SpreadsheetFailureCode,
} from './failures.js';
export { csvCellRows, xlsxCellRows, type CellRow } from './source-rows.js';
export { peekXlsx, type XlsxPeek } from './xlsx-dimension.js';
export { DEFAULT_FILE_LIMITS, MAX_CELL_CHARS, type FileLimits } from './xlsx-limits.js';
export type { XlsxParts } from './xlsx-workbook.js';
