import { pick, type Lang } from '@cradle/domain';
import { omittedErrorsMessage } from './error-cap.js';
import { errorFieldLabel, type ImportRowError } from './row-errors.js';

const HEADERS: Record<Lang, string[]> = {
  'zh-CN': ['行号', '字段', '错误代码', '说明'],
  en: ['Row', 'Field', 'Error code', 'Message'],
};

/** The report's first line; the BOM makes Excel read the file as UTF-8 rather than GBK. */
export function errorReportHeader(lang: Lang): string {
  return '\uFEFF' + csvRow(HEADERS[lang]);
}

export function errorReportRows(errors: readonly ImportRowError[], lang: Lang): string {
  let out = '';
  for (const e of errors)
    out += csvRow([String(e.rowNo), pick(errorFieldLabel(e.field), lang), e.code, pick(e.message, lang)]);
  return out;
}

/** The report's last line when the job stored only its first bad rows (error-cap.ts). */
export function errorReportOmitted(rows: number, cap: number, lang: Lang): string {
  return csvRow(['', '', 'errors.omitted', pick(omittedErrorsMessage(rows, cap), lang)]);
}

function csvRow(cells: readonly string[]): string {
  return cells.map((c) => csvCell(spreadsheetSafe(c))).join(',') + '\r\n';
}

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// Messages echo what users typed; a cell starting with = + - @ would run as a formula in Excel.
function spreadsheetSafe(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
