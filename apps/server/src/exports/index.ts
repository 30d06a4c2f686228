// Lists as XLSX downloads (issue 12): each list's export takes the list's own filters, reads
// through the same scoped queries (row-level security, the route's role gates), streams page by
// page through spreadsheet/'s writer and is audited with its filter and row count.
export {
  auditedSearchText,
  auditedXlsxExport,
  keysetPages,
  listPages,
  offsetPages,
  EXPORT_PAGE_ROWS,
  type ExportActor,
  type XlsxExport,
} from './xlsx-export.js';
export { column, wordColumn, chinaDateTime, type ExportColumn } from './columns.js';
export { sendXlsx } from './http.js';
export { xlsxRoute, type XlsxRoute } from './xlsx-route.js';
